using System.Text.Json;
using SymSeq.Datasets;
using SymSeq.Expressions;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq.Evaluation;

/// <summary>An evaluation log that a run cannot resume: another setup's outcomes, or not an evaluation log at all.</summary>
public sealed class LogMismatchException(string message) : InvalidOperationException(message);

/// <summary>
/// The counts of one column (beam1, beam10, hybrid) of one task: solved (an answer verified on the whole domain), and
/// solved on an interval (an answer verified there or right on part of the line only: the paper's acceptance, which
/// checks the equation at points and so takes y = sin(a8 − x) for y' = −√(1 − y²), right where cos(a8 − x) &gt; 0).
/// </summary>
public readonly record struct Tally(int Solved, int Total, int OnInterval)
{
    public Tally(int solved, int total) : this(solved, total, solved) { }
}

/// <summary>
/// What <c>symseq evaluate</c> measures: per test set, the share of problems with a verified answer among the first k
/// hypotheses of the kind's model (the paper's metric), for each beam k, and optionally the hybrid solver's. With a
/// log, every problem's outcome is appended as it comes (one JSON line per problem and column), and a rerun with the
/// same log resumes: the problems already there are counted, not run again. The log remembers the setup (model
/// file, precision, grammar, hybrid options), and a rerun with another refuses to mix the two. The beam columns search
/// as integrate does (the grammar of prefix expressions, early stopping) unless <paramref name="search"/> says otherwise.
/// </summary>
public sealed class ModelEvaluation(SolverModels models, IReadOnlyList<int> beams, HybridOptions? hybrid, string precision = "fp32", SearchSettings? search = null)
{
    /// <summary>Outcomes kept from an earlier run of the same log.</summary>
    public int Resumed { get; private set; }

    /// <summary>Runs every column on every set; null when cancelled (the log keeps what was done).</summary>
    /// <exception cref="LogMismatchException">The log holds outcomes of another setup, or is not an evaluation log.</exception>
    public Dictionary<string, Dictionary<string, Tally>>? Run(IReadOnlyList<TestSet> sets, string? logPath, CancellationToken cancel,
        Action<string>? progress = null, Action<string>? note = null)
    {
        var done = logPath is null ? [] : Load(logPath);
        Resumed = done.Count;
        using var log = logPath is null ? null : JsonLinesLog.Append(logPath);
        using var solver = hybrid is null ? null : new HybridSolver(models, hybrid);
        var table = new Dictionary<string, Dictionary<string, Tally>>();
        try
        {
            foreach (var set in sets) table[set.Task] = Evaluate(set, done, log, solver, cancel, progress, note);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested) { }   // what was logged stays logged
        return cancel.IsCancellationRequested ? null : table;
    }

    /// <summary>One set's row: a tally per column, with the outcomes the log already holds counted and the rest run and logged.</summary>
    private Dictionary<string, Tally> Evaluate(TestSet set, Dictionary<(string, int, string), Outcome> done,
        StreamWriter? log, HybridSolver? solver, CancellationToken cancel, Action<string>? progress, Action<string>? note)
    {
        var (task, _, problems, _) = set;
        // A test set of ODEs is one, though some of its equations are integrals in disguise (y' = 2x + 1): the ODE model's.
        var kind = problems.Any(p => Problems.KindOf(p) == Problems.Kind.Ode) ? Problems.Kind.Ode : Problems.Kind.Integral;
        var file = kind == Problems.Kind.Integral ? models.IntegralsFile : models.OdesFile;
        var row = new Dictionary<string, Tally>();
        if (beams.Count > 0 && models.Has(kind)) note?.Invoke($"{task}: model {file}");
        var described = (search ?? SearchSettings.Default).Describe();
        var beamSetup = Setup(file, precision) + (described.Length > 0 ? ", " + described : "");
        var referenceScores = new Dictionary<int, double?>();   // per problem, shared by the beam columns
        foreach (var k in beams)
        {
            var column = $"beam{k}";
            var (solved, onInterval) = Resume(done, task, column, beamSetup, problems.Count, out var todo);
            var batchSize = Solver.BatchSize(k);
            for (var b = 0; b < todo.Count; b += batchSize)
            {
                cancel.ThrowIfCancellationRequested();
                var batch = todo.Skip(b).Take(batchSize).ToList();
                var model = models.For(kind)!;
                var results = Solver.SolveBatch(model, batch.Select(i => problems[i]).ToList(), k, cancel: cancel, search: search);
                solved += results.Count(r => r.Verified is not null);
                onInterval += results.Count(r => r.OnInterval is not null);
                if (log is not null) ScoreReferences(model, set, batch, referenceScores);
                for (var j = 0; j < batch.Count; j++)
                    log?.WriteLine(BeamLine(task, batch[j], set.AnswerLength(batch[j]), k, beamSetup, results[j], referenceScores.GetValueOrDefault(batch[j])));
                progress?.Invoke($"{task} beam {k}: {problems.Count - todo.Count + Math.Min(b + batchSize, todo.Count)}/{problems.Count}, {solved} solved");
            }
            row[column] = new Tally(solved, problems.Count, onInterval);
        }
        if (solver is not null)
        {
            var setup = Setup(models.Has(kind) ? file : null, precision) + $", {hybrid}";
            var (solved, _) = Resume(done, task, "hybrid", setup, problems.Count, out var todo);
            // One problem at a time: one libtorch thread, as integrate uses (the default spins its threads against
            // each other on a single problem's small tensors, and on a loaded machine turned 5 s budgets into timeouts).
            var threads = InferenceThreads.Current;
            InferenceThreads.UseOne();
            try
            {
                foreach (var i in todo)
                {
                    cancel.ThrowIfCancellationRequested();
                    var o = solver.Solve(problems[i], cancel);
                    if (o.Solved) solved++;
                    log?.WriteLine(HybridLine(task, i, set.AnswerLength(i), setup, o));
                    progress?.Invoke($"{task} hybrid: {i + 1}/{problems.Count}, {solved} solved");
                }
            }
            finally { if (threads is { } t) InferenceThreads.Set(t); }
            row["hybrid"] = new Tally(solved, problems.Count);
        }
        return row;
    }

    /// <summary>
    /// Adds to <paramref name="scores"/> the model's score of the reference answer (as beam search scores) of each
    /// problem of the batch not scored yet by an earlier column, for the log to tell search errors from model errors;
    /// nothing without reference answers (a plain list).
    /// </summary>
    private static void ScoreReferences(Seq2SeqTransformer model, TestSet set, List<int> batch, Dictionary<int, double?> scores)
    {
        if (set.References is not { } refs) return;
        var todo = batch.Where(i => !scores.ContainsKey(i)).ToList();
        if (todo.Count == 0) return;
        var got = SequenceScore.Of(model, todo.Select(i => Solver.Source(set.Problems[i], model.Config)).ToList(), todo.Select(i => refs[i]).ToList());
        for (var j = 0; j < todo.Count; j++) scores[todo[j]] = got[j];
    }

    /// <summary>The setup a column's outcomes depend on; a resumed log must hold the same.</summary>
    private static string Setup(string? modelFile, string precision) =>
        modelFile is null ? "no model" : $"model {Path.GetFullPath(modelFile)}, {precision}";

    /// <summary>The solved counts of the problems the log already has for this column, and the indices still to run.</summary>
    private static (int Solved, int OnInterval) Resume(Dictionary<(string, int, string), Outcome> done, string task, string column, string setup, int count, out List<int> todo)
    {
        var solved = 0;
        var onInterval = 0;
        todo = [];
        for (var i = 0; i < count; i++)
        {
            if (!done.TryGetValue((task, i, column), out var o)) { todo.Add(i); continue; }
            if (o.Setup != setup)
                throw new LogMismatchException($"the log holds {task} {column} outcomes of another setup ({o.Setup ?? "an older log that does not name it"}; now {setup}): " +
                                                    "give another --out, or delete the log to start over");
            if (o.Solved) solved++;
            if (o.OnInterval) onInterval++;
        }
        return (solved, onInterval);
    }

    /// <summary>What a resumed run needs of a log line.</summary>
    private sealed record Outcome(string Task, int Index, string Column, bool Solved, bool OnInterval, string? Setup);

    private static Dictionary<(string, int, string), Outcome> Load(string path)
    {
        var done = new Dictionary<(string, int, string), Outcome>();
        foreach (var line in JsonLinesLog.ReadIntact<JsonElement>(path))
        {
            if (line.ValueKind != JsonValueKind.Object || !line.TryGetProperty("task", out var task) || !line.TryGetProperty("index", out var index)
                || !line.TryGetProperty("beam", out var beam) || !line.TryGetProperty("solved", out var solved))
                throw new LogMismatchException($"'{path}' is not a log of symseq evaluate; give another --out");
            var column = EvaluationLog.Column(beam) ?? "";
            var setup = line.TryGetProperty("setup", out var s) ? s.GetString() : null;
            // logs written before the count existed: solved on the whole domain is solved on an interval
            var onInterval = line.TryGetProperty("on_interval", out var oi) ? oi.GetBoolean() : solved.GetBoolean();
            done[(task.GetString()!, index.GetInt32(), column)] = new Outcome(task.GetString()!, index.GetInt32(), column, solved.GetBoolean(), onInterval, setup);
        }
        return done;
    }

    /// <summary>The model's input for a problem: its length in tokens and its distinct operators, for breaking a run down.</summary>
    private static (int Tokens, string[] Operators) Input(Expr problem)
    {
        var tokens = PrefixCodec.Encode(Solver.ModelInput(problem));
        return (tokens.Length, tokens.Where(t => Operators.TryParse(t, out _)).Distinct().Order().ToArray());
    }

    private static string HybridLine(string task, int index, int? answerTokens, string setup, SolveOutcome o)
    {
        var input = Input(o.Problem.Encoded);
        return JsonSerializer.Serialize(new
        {
            task, index, beam = "hybrid", solved = o.Solved, input_tokens = input.Tokens, operators = input.Operators, answer_tokens = answerTokens,
            engine = o.Engine?.Describe(), seconds = Math.Round(o.Elapsed.TotalSeconds, 3), verdict = o.Verdict?.Label, reason = o.Verdict?.Reason,
            setup,
        });
    }

    /// <summary>
    /// One beam column's line. With the reference answer's score: search_error is true when nothing verified although
    /// the reference scores above every hypothesis the beam kept (the search lost it, the model did not).
    /// </summary>
    private static string BeamLine(string task, int index, int? answerTokens, int beam, string setup, SolveResult r, double? referenceScore)
    {
        var input = Input(r.Problem);
        var best = r.Verified ?? r.Candidates.FirstOrDefault();
        bool? searchError = referenceScore is not { } rs ? null
            : r.Verified is null && (r.Candidates.Count == 0 || rs > r.Candidates.Max(c => c.Score));
        return JsonSerializer.Serialize(new
        {
            task, index, beam, solved = r.Verified is not null, on_interval = r.OnInterval is not null, input_tokens = input.Tokens, operators = input.Operators, answer_tokens = answerTokens,
            rank = r.Verified?.Rank, verdict = best?.Verdict.Label, reason = best?.Verdict.Reason,
            reference_score = referenceScore is { } v ? Math.Round(v, 4) : (double?)null, search_error = searchError,
            problem = r.Problem.ToString(),
            candidates = r.Candidates.Select(c => new
            {
                rank = c.Rank, score = Math.Round(c.Score, 4), answer = c.Answer?.ToString() ?? string.Join(' ', c.Tokens),
                verdict = c.Verdict.Label, reason = c.Verdict.Reason,
            }),
            setup,
        });
    }
}
