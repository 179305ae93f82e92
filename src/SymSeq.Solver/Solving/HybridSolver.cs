using System.Diagnostics;
using SymSeq.Cas;
using SymSeq.Expressions;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Verification;

namespace SymSeq.Solving;

/// <summary>
/// The one way SymSeq solves a problem, behind every front end (command line, library, web): the model's beam,
/// linearity before the model, repair of near-miss candidates, a wider beam, then a CAS, all inside one time
/// budget. Every answer, whoever proposes it, is returned only when <see cref="Problems.VerifyEverywhere"/> accepts it:
/// right wherever the problem is real. An answer right on part of the line only is kept aside while the search goes on,
/// and returned, as that and never as solved, only when nothing verified everywhere turns up.
/// Thread-safe; dispose it to stop the CAS processes it started.
/// </summary>
public sealed class HybridSolver(SolverModels models, HybridOptions? options = null) : IDisposable
{
    private readonly Dictionary<string, ComputerAlgebraSystem> _cas = [];
    private readonly Dictionary<string, object> _casLocks = [];

    /// <summary>One model for every problem, or null to run only the rules and the CAS.</summary>
    public HybridSolver(Seq2SeqTransformer? model, HybridOptions? options = null) : this(SolverModels.Single(model), options) { }

    public HybridOptions Options { get; } = (options ?? new HybridOptions()).Validated();

    /// <summary>The model for each kind of problem (none: only the rules and the CAS). The caller owns and disposes them.</summary>
    public SolverModels Models { get; } = models;

    /// <summary>Solves an integral or an ODE: a verified answer, one right on part of the line only, or none, and how each engine fared.</summary>
    public SolveOutcome Solve(Problem problem, CancellationToken cancel = default)
    {
        // this kind's model is loaded when the search first needs it (a problem the rules answer never loads libtorch),
        // with the clock stopped meanwhile, so that loading takes nothing from the budget
        var run = new Run(this, problem, cancel);
        try { return run.Execute(); }
        finally { run.Dispose(); }
    }

    /// <summary>A problem in the datasets' form ("Y' - f" for an integral, else an ODE), as <see cref="Problem.Decode"/> reads it.</summary>
    public SolveOutcome Solve(Expr encoded, CancellationToken cancel = default) => Solve(Problem.Decode(encoded), cancel);

    /// <summary>The state of one Solve: the clock, the attempts so far and the best candidates seen.</summary>
    private sealed class Run(HybridSolver owner, Problem task, CancellationToken cancel) : IDisposable
    {
        // The form the model, the verifier and a CAS read; what to do is decided from the task's type.
        private readonly Expr problem = task.Encoded;
        private readonly Problems.Kind kind = task.Kind;

        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private Seq2SeqTransformer? _net;

        /// <summary>The model, loaded on first use with the clock stopped; null when there is none for this kind.</summary>
        private Seq2SeqTransformer? Net
        {
            get
            {
                if (_net is not null || !owner.Models.Has(kind)) return _net;
                _clock.Stop();
                try { _net = owner.Models.For(kind); }
                finally { _clock.Start(); }
                // the model's share is measured on the clock, which did not run during the load
                _model.Dispose();
                _model = MakeBudget(ModelLeft > TimeSpan.Zero ? ModelLeft : TimeSpan.Zero, cancel);
                return _net;
            }
        }
        // The model's steps stop at ModelShare of the limit when a CAS may answer, so the CAS always gets its turn.
        private CancellationTokenSource _model = MakeBudget(ModelLimit(owner.Options), cancel);

        private static TimeSpan ModelLimit(HybridOptions o) => CasMayAnswer(o.Cas) ? o.TimeLimit * ModelShare : o.TimeLimit;

        private const double ModelShare = 0.6;

        private static bool CasMayAnswer(string cas) =>
            cas != "none" && (cas != "auto" || ComputerAlgebraSystem.Known.Any(CasLocator.IsInstalled));
        private readonly List<EngineAttempt> _attempts = [];
        private readonly HashSet<Expr> _checkedAnswers = [];
        private IReadOnlyList<Candidate> _candidates = [];
        private HybridOptions O => owner.Options;

        private static CancellationTokenSource MakeBudget(TimeSpan limit, CancellationToken cancel)
        {
            var cts = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            cts.CancelAfter(limit);
            return cts;
        }

        private static readonly TimeSpan MinCasTime = TimeSpan.FromMilliseconds(200);
        // the rules' share: their median is milliseconds, but variation of parameters, a reduced order and the searches of
        // the substitutions can take long; past this the rules decline and the model and the CAS get the rest
        private static readonly TimeSpan RuleBudget = TimeSpan.FromMilliseconds(1200);

        private TimeSpan Left => O.TimeLimit - _clock.Elapsed;

        /// <summary>The rules' share of what is left: the same as the ODE methods', and never more than what is left.</summary>
        private TimeSpan RulesLeft => Left < RuleBudget ? Left : RuleBudget;

        /// <summary>What is left of the model's share of the budget: the model's steps and their symbolic helpers stop there.</summary>
        private TimeSpan ModelLeft => ModelLimit(O) - _clock.Elapsed;

        public SolveOutcome Execute()
        {
            // The integrand of an integral; null for an ODE.
            var integrand = (task as Problem.Integral)?.Integrand;
            var isIntegral = integrand is not null;
            // Linearity's plans: the canonical form's terms, the multiplied-out ones, the cuts of the sum as written.
            var plans = integrand is not null && O.Decompose ? Decomposition.Plans(integrand, O.Rules, new RuleScope(RulesLeft)) : [];

            // Every term by a basic rule (3x² + 5), or an ODE method of a first course (OdeRules): no model needed.
            if (O.Rules)
            {
                var sw = Stopwatch.StartNew();
                var before = _attempts.Count;
                Step? rightInPart = null;
                foreach (var byRules in RuleIntegration.Derivations(plans))
                {
                    var partialBefore = _partial;
                    if (Accept(byRules.Result, Engine.Rules, $"basic rules for every term ({byRules.Chain})", byRules) is { } direct)
                        return direct;
                    if (_partial is not null && partialBefore is null) rightInPart = byRules;
                }
                // Right on part of the line only: another derivation may be right everywhere (asin(√x)² by parts meets
                // asin(2x − 1); t = √x first does not). The rules are asked once more, passing over on each outermost
                // term the rule that answered it.
                if (rightInPart is not null && integrand is not null && Left > TimeSpan.Zero)
                {
                    var passOver = OutermostRules(rightInPart);
                    var again = Decomposition.Plans(integrand, O.Rules, new RuleScope(RulesLeft, passOver));
                    foreach (var byRules in RuleIntegration.Derivations(again))
                        if (Accept(byRules.Result, Engine.Rules, $"basic rules for every term, {string.Join(" and ", passOver)} passed over ({byRules.Chain})", byRules) is { } other)
                            return other;
                }
                if (!isIntegral)
                    foreach (var step in OdeRules.Derive(problem, RulesLeft))
                        if (Accept(step.Result, Engine.Rules, OdeMethods.Named(step.Rule).Description, step) is { } solved) return solved;
                if (_attempts.Count == before)   // no rule had an answer to check: say so, so a failure lists every step
                    _attempts.Add(new EngineAttempt(Engine.Rules.Describe(), isIntegral ? "no rule integrates every term" : "no ODE method applies", sw.Elapsed));
            }

            if (owner.Models.Has(kind))
            {
                foreach (var beam in new[] { O.Beam, O.WideBeam }.Where((b, i) => i == 0 || b > O.Beam))
                {
                    if (Net is null || _model.IsCancellationRequested) break;
                    // The whole problem goes alone first: most problems the model solves end here, as fast as the model alone.
                    var sw = Stopwatch.StartNew();
                    if (Search([problem], beam, $"model (beam {beam})") is not { } wholeResults) break;
                    var results = wholeResults[0];
                    _candidates = results.Candidates;
                    var whole = results.Verified;
                    _attempts.Add(new EngineAttempt($"model (beam {beam})",
                        whole is null ? $"no candidate verified ({Summary(results)})" : $"candidate {whole.Rank} verified", sw.Elapsed));
                    if (whole is not null)
                        return Done(whole.Answer!, whole.Verdict, Engine.Model,
                            Step.Leaf("model", Shown, whole.Answer!, $"proposed by the model (candidate {whole.Rank} of {results.Candidates.Count}), {VerifiedBy}")) with { CandidateRank = whole.Rank };
                    if (integrand is not null && O.Repair && Repair(integrand, results.Candidates, $"beam {beam}") is { } repaired) return repaired;

                    // Then the plans' sub-integrals, cheapest way first; in the second round (first beam only) the terms of the
                    // groups the model could not take whole. A sub-integral that failed closes every way that needs it.
                    var failed = new HashSet<Expr>();
                    if (Decompose(plans, 1, beam, failed, $"decomposition (beam {beam})") is { } decomposed) return decomposed;
                    if (beam == O.Beam && Decompose(plans, 2, beam, failed, $"terms one by one (beam {beam})") is { } byTerms) return byTerms;
                    if (plans.Count > 0)
                        _attempts.Add(new EngineAttempt($"decomposition (beam {beam})",
                            string.Join("; ", plans.Select(p => $"{p.Describe()}: {p.Unsolved} of {p.Groups.Count} unsolved")), TimeSpan.Zero));
                    var closest = plans.OrderBy(p => p.Unsolved).FirstOrDefault();
                    if (integrand is not null && Complete(integrand, results.Candidates, closest?.Pieces ?? [], beam) is { } completed)
                        return completed;
                }
            }
            else _attempts.Add(new EngineAttempt("model", "no model loaded", TimeSpan.Zero, Tried: false));

            foreach (var name in CasList())
            {
                cancel.ThrowIfCancellationRequested();
                if (Left < MinCasTime)
                {
                    _attempts.Add(new EngineAttempt(name, "skipped: no time left", TimeSpan.Zero, Tried: false));
                    continue;
                }
                if (AskCas(name) is { } casAnswer) return casAnswer;
            }
            cancel.ThrowIfCancellationRequested();
            // Nothing right everywhere: the first answer right on part of the line, reported as exactly that (not solved).
            if (_partial is { } p) return new SolveOutcome(task, p.Answer, p.Verdict, p.Engine, _clock.Elapsed, _candidates, _attempts);
            if (_candidates.FirstOrDefault(c => c.Verdict.Kind == VerdictKind.Partial) is { } candidate)
                return new SolveOutcome(task, candidate.Answer, candidate.Verdict, Engine.Model, _clock.Elapsed, _candidates, _attempts)
                    { CandidateRank = candidate.Rank };
            return new SolveOutcome(task, null, null, null, _clock.Elapsed, _candidates, _attempts);
        }

        /// <summary>The first answer found that is right on part of the line only, kept in case nothing better turns up.</summary>
        private (Expr Answer, Verdict Verdict, Engine Engine)? _partial;

        /// <summary>The one check of an answer (<see cref="Problems.VerifyEverywhere"/>), noting one right on part of the line.</summary>
        private (Expr Answer, Verdict Verdict) Check(Expr answer, Engine engine)
        {
            var (checkedAnswer, verdict) = task.VerifyEverywhere(answer);
            if (verdict.Kind == VerdictKind.Partial) _partial ??= (checkedAnswer, verdict, engine);
            return (checkedAnswer, verdict);
        }

        /// <summary>One batched beam search inside the budget, or null (and an attempt noted) when the time ran out.</summary>
        private List<SolveResult>? Search(IReadOnlyList<Expr> problems, int beam, string what)
        {
            var sw = Stopwatch.StartNew();
            try { return Solver.SolveBatch(Net!, problems, beam, O.MaxAnswerTokens, _model.Token, O.Search); }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                _attempts.Add(new EngineAttempt(what, "stopped at the time limit", sw.Elapsed));
                return null;
            }
        }

        /// <summary>Each sub-integrand's verified candidate, or a verified simple fix of one, goes into every plan; returns those solved.</summary>
        private HashSet<Expr> Record(IReadOnlyList<Decomposition> plans, IReadOnlyList<Expr> asked, IReadOnlyList<SolveResult> results)
        {
            var solved = new HashSet<Expr>();
            for (var i = 0; i < asked.Count; i++)
            {
                var integral = results[i].Verified?.Answer ?? (O.Repair ? RepairTerm(asked[i], results[i].Candidates) : null);
                if (integral is null) continue;
                solved.Add(asked[i]);
                foreach (var plan in plans) plan.Solved(asked[i], integral);
            }
            return solved;
        }

        /// <summary>A batch holds the cheapest open ways of the plans up to about this many source tokens (at least one way).</summary>
        private const int BatchTokens = 400;

        /// <summary>
        /// Asks the model for the sub-integrals of the plans' open <see cref="Decomposition.Ways"/> in one round, the
        /// cheapest (fewest source tokens) first, batching ways up to <see cref="BatchTokens"/>: a batch decodes as long
        /// as its longest answer and pads to its longest input, and a way with one failed sub-integral is closed, so
        /// cheap ways go first and dead ones never cost anything. After each batch every plan that is complete is
        /// verified, and the first that verifies ends the search.
        /// </summary>
        private SolveOutcome? Decompose(IReadOnlyList<Decomposition> plans, int round, int beam, HashSet<Expr> failed, string what)
        {
            if (plans.Count == 0) return null;
            var sw = Stopwatch.StartNew();
            var asked = 0;
            while (!_model.IsCancellationRequested)
            {
                var open = plans.SelectMany(p => p.Ways(round)).Where(w => w.Count > 0 && !w.Any(failed.Contains))
                    .Select(w => (Way: w, Cost: w.Sum(Tokens))).OrderBy(w => w.Cost).ToList();
                if (open.Count == 0) break;
                var batch = new List<Expr>();
                var tokens = 0;
                foreach (var (way, cost) in open)
                {
                    if (batch.Count > 0 && tokens + cost > BatchTokens) break;
                    var fresh = way.Where(e => !batch.Contains(e)).ToList();
                    batch.AddRange(fresh);
                    tokens += fresh.Sum(Tokens);   // the batch's own tokens, as before: a shared sub-integral counts once
                }
                if (Search(batch.Select(Problems.Integration).ToList(), beam, what) is not { } results) break;
                asked += batch.Count;
                failed.UnionWith(batch.Except(Record(plans, batch, results)));
                foreach (var plan in plans)
                {
                    var done = (plan.RescaledAnswer is { } rescaled ? Accept(rescaled, Engine.Decomposition, $"the integrand divided by {plan.Lead}, beam {beam}",
                            plan.RescaledDerivation(ByModel)) : null)
                        ?? (plan.Answer is { } combined ? Accept(combined, Engine.Decomposition, $"{plan.Describe()}, beam {beam}",
                            plan.Derivation(ByModel)) : null);
                    if (done is not null)
                    {
                        _attempts.Insert(_attempts.Count - 1, new EngineAttempt(what, $"{asked} sub-integrals asked", sw.Elapsed));
                        return done;
                    }
                }
            }
            if (asked > 0) _attempts.Add(new EngineAttempt(what, $"{asked} sub-integrals asked, no plan complete", sw.Elapsed));
            return null;
        }

        private readonly Dictionary<Expr, int> _tokens = [];

        private int Tokens(Expr e) => _tokens.TryGetValue(e, out var n) ? n : _tokens[e] = PrefixCodec.Encode(e).Length;

        private const int ResidualCandidates = 5;

        /// <summary>
        /// One more batched beam search over what is left: the unsolved pieces of the sum together, and what each of the
        /// best few candidates misses (<see cref="Completion"/>); each sub-answer (model, its simple fixes, or a basic
        /// rule) completes an answer that is verified against the whole problem.
        /// </summary>
        private SolveOutcome? Complete(Expr integrand, IReadOnlyList<Candidate> candidates, IReadOnlyList<(Expr Integrand, Expr? Integral)> pieces, int beam)
        {
            var sw = Stopwatch.StartNew();
            var jobs = new List<Completion>();
            if (O.Decompose && Completion.RestOfSum(pieces) is { } rest) jobs.Add(rest);
            if (O.Repair)
                foreach (var c in candidates.Where(c => c.Answer is not null && !c.Verdict.Uncheckable).Take(ResidualCandidates))
                {
                    if (ModelLeft <= TimeSpan.Zero) break;
                    if (Completion.Residual(integrand, c.Answer!, c.Rank, ModelLeft) is { } r && jobs.All(j => !j.Integrand.Equals(r.Integrand))) jobs.Add(r);
                }
            if (_model.IsCancellationRequested || ModelLeft <= TimeSpan.Zero)
            {
                _attempts.Add(new EngineAttempt($"completion (beam {beam})", "stopped at the time limit", sw.Elapsed));
                return null;
            }
            if (jobs.Count == 0)
            {
                _attempts.Add(new EngineAttempt($"completion (beam {beam})", "nothing to complete: no candidate misses a shorter integral", sw.Elapsed));
                return null;
            }
            var byRules = jobs.Select(j => O.Rules ? BasicIntegrals.TryIntegrateSum(j.Integrand) : null).ToList();
            var pending = jobs.Where((j, i) => byRules[i] is null).Select(j => Problems.Integration(j.Integrand)).ToList();
            var results = pending.Count == 0 ? [] : Search(pending, Math.Min(beam, O.Beam), $"completion (beam {beam})");
            if (results is null) return null;
            var next = 0;
            foreach (var (job, rule) in jobs.Zip(byRules))
            {
                var part = rule;
                if (part is null)
                {
                    var r = results[next++];
                    part = r.Verified?.Answer ?? (O.Repair ? RepairTerm(job.Integrand, r.Candidates) : null);
                }
                if (part is null) continue;
                var (answer, verdict) = Check(job.With(part), job.Engine);
                if (!verdict.Accepted) continue;
                _attempts.Add(new EngineAttempt($"completion (beam {beam})", $"{job.What}: {verdict.Label}", sw.Elapsed));
                return Done(answer, verdict, job.Engine, Step.Leaf("completion", Shown, answer, $"{job.What}, {VerifiedBy}"));
            }
            _attempts.Add(new EngineAttempt($"completion (beam {beam})", $"{jobs.Count} sub-integrals, none completed an answer", sw.Elapsed));
            return null;
        }

        private SolveOutcome? Repair(Expr integrand, IReadOnlyList<Candidate> candidates, string what)
        {
            var sw = Stopwatch.StartNew();
            var tried = 0;
            foreach (var (rank, fix, verdict) in Fixes(problem, integrand, candidates))
            {
                if (_model.IsCancellationRequested) break;
                tried++;
                if (verdict.Accepted)
                {
                    _attempts.Add(new EngineAttempt($"repair ({what})", $"candidate {rank} fixed and verified", sw.Elapsed));
                    return Done(fix, verdict, Engine.Repair, Step.Leaf("repaired model candidate", Shown, fix, $"candidate {rank} of the model, fixed, {VerifiedBy}")) with { CandidateRank = rank };
                }
            }
            _attempts.Add(new EngineAttempt($"repair ({what})", tried == 0 ? "no candidate had a simple fix" : $"{tried} fixes, none verified", sw.Elapsed));
            return null;
        }

        private Expr? RepairTerm(Expr core, IReadOnlyList<Candidate> candidates) =>
            Fixes(Problems.Integration(core), core, candidates).FirstOrDefault(f => f.Verdict.Accepted).Fix;

        /// <summary>Each simple fix of each checkable candidate, with its verdict, lazily (best candidate first).</summary>
        private IEnumerable<(int Rank, Expr Fix, Verdict Verdict)> Fixes(Expr problem, Expr integrand, IReadOnlyList<Candidate> candidates) =>
            from c in candidates
            where c.Answer is not null && !c.Verdict.Uncheckable
            from fix in CandidateRepair.Fixes(integrand, c.Answer!, rules: O.Rules)
            let v = task.VerifyEverywhere(fix)
            select (c.Rank, v.Answer, v.Verdict);

        private SolveOutcome? Accept(Expr answer, Engine engine, string what, Step? step = null)
        {
            if (!_checkedAnswers.Add(answer)) return null;   // a plan's answer is seen again after every later batch
            var sw = Stopwatch.StartNew();
            (answer, var verdict) = Check(answer, engine);
            _attempts.Add(new EngineAttempt(engine.Describe(), $"{what}: {verdict.Label}", sw.Elapsed));
            return verdict.Accepted ? Done(answer, verdict, engine, step) : null;
        }

        /// <summary>The rules that answered the outermost integrals of a derivation: each term's, under linearity.</summary>
        private static HashSet<string> OutermostRules(Step derivation) =>
            (derivation.Rule == IntegrationRules.LinearityName ? derivation.SubSteps : [derivation]).Select(s => s.Rule).ToHashSet();

        private Expr Shown => task.Statement;

        /// <summary>The step of a sub-integral the model solved (or a simple fix of its candidate did).</summary>
        private static Step ByModel(Expr integrand, Expr integral) => Step.Leaf("model", integrand, integral, "proposed by the model");

        private string VerifiedBy => kind == Problems.Kind.Integral ? "verified by differentiation" : "verified by substitution";

        private SolveOutcome? AskCas(string name)
        {
            var sw = Stopwatch.StartNew();
            CasResult result;
            try
            {
                var cas = owner.CasFor(name, out var gate);
                lock (gate) result = cas.Solve(problem, CasLocator.Share(O.Cas, name, Left));
            }
            catch (CasUnavailableException e)
            {
                _attempts.Add(new EngineAttempt(name, $"unavailable: {e.Message}", sw.Elapsed));
                return null;
            }
            if (result.Status != CasStatus.Solved || result.Answer is null)
            {
                _attempts.Add(new EngineAttempt(name, $"{result.Status.ToString().ToLowerInvariant()}: {Shorten(result.Raw)}", sw.Elapsed));
                return null;
            }
            var engine = Enum.Parse<Engine>(name, ignoreCase: true);
            var (answer, verdict) = Check(result.Answer, engine);
            _attempts.Add(new EngineAttempt(name, $"answered, {verdict.Label}", sw.Elapsed));
            return verdict.Accepted ? Done(answer, verdict, engine, Step.Leaf(name, Shown, answer, $"answered by {name}, {VerifiedBy}")) : null;
        }

        private IEnumerable<string> CasList()
        {
            try { return CasLocator.Resolve(O.Cas); } // lazy for auto: SymPy is looked for only when Maxima failed
            catch (CasUnavailableException e)
            {
                _attempts.Add(new EngineAttempt(O.Cas, e.Message, TimeSpan.Zero));
                return [];
            }
        }

        /// <summary>The outcome for a verified answer, in a tidier form (<see cref="AnswerForms"/>) when one verifies too.</summary>
        /// <param name="step">How the answer was found (a rule's derivation, an engine's proposal); it ends in the
        /// answer as proposed, and a last step rewrites it when the answer reported differs (its real form, a tidier form).</param>
        private SolveOutcome Done(Expr answer, Verdict verdict, Engine engine, Step? step)
        {
            foreach (var tidier in AnswerForms.Tidier(problem, answer))
                if (task.Verify(tidier) is { Accepted: true } v)   // a tidier form must be right everywhere too
                {
                    (answer, verdict) = (tidier, v);
                    break;
                }
            step ??= Step.Leaf(engine.Describe(), Shown, answer, VerifiedBy);
            if (!step.Result.Equals(answer))
                step = new Step(Step.RewrittenName, Shown, answer, [step], "in a form that is real wherever the problem is (ln|u| for ln u), or tidier, verified again");
            return new(task, answer, verdict, engine, _clock.Elapsed, _candidates, _attempts) { Derivation = step };
        }

        private static string Summary(SolveResult r)
        {
            var rejected = r.Candidates.Count(c => c.Verdict.Kind == VerdictKind.Rejected);
            var unsure = r.Candidates.Count(c => c.Verdict.Uncheckable);
            return unsure == 0 ? $"{rejected} rejected" : $"{rejected} rejected, {unsure} uncheckable";
        }

        private static string Shorten(string s) => s.Length <= 160 ? s : s[..157] + "...";

        public void Dispose() => _model.Dispose();
    }

    private ComputerAlgebraSystem CasFor(string name, out object gate)
    {
        lock (_cas)
        {
            if (!_cas.TryGetValue(name, out var cas))
            {
                _cas[name] = cas = ComputerAlgebraSystem.Create(name);
                _casLocks[name] = new object();
            }
            gate = _casLocks[name];
            return cas;
        }
    }

    public void Dispose()
    {
        lock (_cas)
        {
            foreach (var cas in _cas.Values) cas.Dispose();
            _cas.Clear();
        }
    }
}
