using SymSeq.Expressions;
using SymSeq.Model;
using SymSeq.Verification;

namespace SymSeq.Search;

/// <summary>One decoded hypothesis with its beam score and its verification verdict.</summary>
public sealed record Candidate(int Rank, double Score, string[] Tokens, Expr? Answer, Verdict Verdict);

/// <summary>A problem, the candidates the model proposed (best first), and the first one that verified.</summary>
public sealed record SolveResult(Expr Problem, IReadOnlyList<Candidate> Candidates)
{
    public Candidate? Verified => Candidates.FirstOrDefault(c => c.Verdict.Accepted);

    /// <summary>
    /// The verified candidate, else the first right on part of the line only: an answer on an interval, the paper's
    /// acceptance (<see cref="Verdict.HoldsOnSomeInterval"/>).
    /// </summary>
    public Candidate? OnInterval => Verified ?? Candidates.FirstOrDefault(c => c.Verdict.HoldsOnSomeInterval);
}

/// <summary>
/// Turns model hypotheses into verified answers: beam search, decode each hypothesis to an expression
/// (malformed token streams are rejected hypotheses, never errors), check it by substitution. The search keeps to the
/// grammar of prefix expressions (<see cref="PrefixGrammar"/>) and stops early, as the paper does, unless
/// <see cref="SearchSettings"/> say otherwise (<c>evaluate --no-grammar</c>, <c>--no-early-stopping</c>).
/// </summary>
public static class Solver
{
    public static SolveResult Solve(Seq2SeqTransformer model, Expr problem, int beam = 10, int maxLen = ModelConfig.MaxSequenceTokens, CancellationToken cancel = default,
        SearchSettings? search = null) =>
        SolveBatch(model, [problem], beam, maxLen, cancel, search)[0];

    /// <summary>
    /// The token ids the model reads for a problem: its canonical form (the form the model was trained on; answers
    /// are still checked against the problem as given), in the model's vocabulary and within its positions.
    /// Throws <see cref="ArgumentException"/> naming what does not fit, before any model work.
    /// </summary>
    public static long[] Source(Expr problem, ModelConfig config) => SourceOf(ModelInput(problem), config);

    /// <summary>The token ids of one form of a problem, checked as <see cref="Source"/> says.</summary>
    private static long[] SourceOf(Expr form, ModelConfig config)
    {
        var vocab = Vocabulary.Paper;
        var tokens = PrefixCodec.Encode(form);
        var unknown = tokens.FirstOrDefault(t => !vocab.Contains(t));
        if (unknown is not null) throw new ArgumentException($"the problem uses '{unknown}', which is not in the model's vocabulary");
        if (tokens.Length + 2 > config.MaxPositions)
            throw new ArgumentException($"the input is {tokens.Length} tokens; this model accepts at most {config.MaxPositions - 2}");
        return vocab.Encode(tokens);
    }

    /// <summary>
    /// The form the model reads: the canonical one, or the problem as written when that cannot be had (too hard in
    /// time, or undefined, which front ends reject before this), so one bad test line never stops an evaluation.
    /// </summary>
    public static Expr ModelInput(Expr problem) => ModelInputs(problem)[0];

    /// <summary>Every form the model reads (<see cref="Problems.ModelInputs"/>), or the problem as written, as <see cref="ModelInput"/>.</summary>
    public static IReadOnlyList<Expr> ModelInputs(Expr problem)
    {
        try { return Problems.ModelInputs(problem); }
        catch (Exception e) when (e is SymbolicTimeoutException or UndefinedExpressionException) { return [problem]; }
    }

    private static (long[]? Ids, string Error) TrySource(Expr form, ModelConfig config)
    {
        try { return (SourceOf(form, config), ""); }
        catch (ArgumentException e) { return (null, e.Message); }
    }

    /// <summary>
    /// How many problems to search together at beam <paramref name="beam"/>: up to 16, but no more than about 256 live
    /// hypotheses (beam 50 on 16 long ODE2 problems at once took the machine's 24 GiB and the process was killed).
    /// </summary>
    public static int BatchSize(int beam) => Math.Clamp(256 / Math.Max(1, beam), 1, 16);

    public static List<SolveResult> SolveBatch(Seq2SeqTransformer model, IReadOnlyList<Expr> problems, int beam = 10, int maxLen = ModelConfig.MaxSequenceTokens,
        CancellationToken cancel = default, SearchSettings? search = null)
    {
        search ??= SearchSettings.Default;
        var vocab = Vocabulary.Paper;
        // Every form of every problem in one batch (an ODE has two: Problems.ModelInputs); a form too long for the
        // model is left out while another fits, and the first form's error is the problem's when none does.
        var forms = problems.Select(p => ModelInputs(p).Select(f => TrySource(f, model.Config)).ToList()).ToList();
        for (var i = 0; i < forms.Count; i++)
            if (forms[i].All(f => f.Ids is null)) throw new ArgumentException(forms[i][0].Error);
        var sources = forms.SelectMany(f => f.Where(s => s.Ids is not null).Select(s => s.Ids!)).ToList();
        var searched = BeamSearch.Search(model, sources, beam, lengthPenalty: 1.0, earlyStopping: search.EarlyStopping, maxLen: maxLen, cancel: cancel,
            grammar: search.Grammar ? PrefixGrammar.Paper : null);
        var hyps = new List<IEnumerable<Hypothesis>>();
        var next = 0;
        foreach (var f in forms)
        {
            var count = f.Count(s => s.Ids is not null);
            // the best `beam` of the forms' hypotheses together, each answer once
            hyps.Add(searched.Skip(next).Take(count).SelectMany(h => h).OrderByDescending(h => h.Score)
                .DistinctBy(h => string.Join(' ', h.Ids)).Take(beam).ToList());
            next += count;
        }
        var results = new List<SolveResult>();
        for (var i = 0; i < problems.Count; i++)
        {
            var candidates = hyps[i].Select((h, rank) =>
            {
                cancel.ThrowIfCancellationRequested();
                var tokens = vocab.Decode(h.Ids);
                if (!PrefixCodec.TryDecode(tokens, out var answer, out var error))
                    return new Candidate(rank + 1, h.Score, tokens, null, Verdict.Reject($"malformed output: {error}"));
                var (checkedAnswer, verdict) = Problems.VerifyEverywhere(problems[i], answer!);
                return new Candidate(rank + 1, h.Score, tokens, checkedAnswer, verdict);
            }).ToList();
            results.Add(new SolveResult(problems[i], candidates));
        }
        return results;
    }
}
