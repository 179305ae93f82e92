using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using SymSeq.Cas;
using SymSeq.Datasets;
using SymSeq.Expressions;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq.Evaluation;

/// <summary>
/// One system's outcome on one problem. Status: solved (verified), partial (right on part of the line only, not
/// solved), wrong (an answer that fails the check), failed, unsupported, timeout.
/// </summary>
public sealed record ProblemOutcome(string Task, int Index, string System, string Status, double Seconds, string? Answer)
{
    /// <summary>For the hybrid: the engine whose answer verified (model, model after decomposition, maxima, ...).</summary>
    public string? Engine { get; init; }
}

/// <summary>
/// The paper's Table 3: the model and real CAS run on the same problems, each answer checked by SymSeq's
/// verifiers. Outcomes are appended to a JSON-lines log as they come, so an interrupted comparison resumes
/// where it stopped (a torn last line is ignored and redone).
/// </summary>
public sealed class Comparison(string logPath, TimeSpan budget)
{
    public const string ModelSystem = "model";

    /// <summary>The hybrid solver (model, decomposition, repair, then every installed CAS) with the same time budget.</summary>
    public const string HybridSystem = "hybrid";

    /// <summary>The hybrid's settings; its time limit is the comparison's budget unless set otherwise.</summary>
    public HybridOptions? Hybrid { get; init; }

    private readonly Dictionary<(string, int, string), ProblemOutcome> _done = Load(logPath);

    public IReadOnlyCollection<ProblemOutcome> Outcomes => _done.Values;

    public int Resumed { get; private set; }

    /// <summary>Runs every system on every set; the model and the hybrid ask each problem's kind of model in <paramref name="models"/>.</summary>
    public void Run(IReadOnlyList<TestSet> sets, IReadOnlyList<string> systems, SolverModels models, int beam,
                    CancellationToken cancel, Action<string>? progress = null)
    {
        Resumed = _done.Count;
        using var log = JsonLinesLog.Append(logPath);
        foreach (var system in systems)
        {
            using var cas = system is ModelSystem or HybridSystem ? null : ComputerAlgebraSystem.Create(system);
            using var hybrid = system == HybridSystem ? new HybridSolver(models, Hybrid ?? new HybridOptions { TimeLimit = budget }) : null;
            foreach (var set in sets)
                for (var i = 0; i < set.Problems.Count && !cancel.IsCancellationRequested; i++)
                {
                    if (_done.ContainsKey((set.Task, i, system))) continue;
                    // the hybrid without a model for a kind of problem answers it by its rules and the CAS alone
                    var model = system is ModelSystem
                        ? models.For(set.Problems[i]) ?? throw new ArgumentException($"comparing the {system} needs a model for {set.Task}")
                        : null;
                    var outcome = hybrid is not null ? RunHybrid(hybrid, set, i, cancel)
                        : cas is null ? RunModel(model!, set, i, beam, cancel) : RunCas(cas, set, i);
                    _done[(set.Task, i, system)] = outcome;
                    log.WriteLine(JsonSerializer.Serialize(outcome));
                    progress?.Invoke($"{system} on {set.Task}: {i + 1}/{set.Problems.Count}");
                }
        }
    }

    private static ProblemOutcome RunModel(Seq2SeqTransformer model, TestSet set, int i, int beam, CancellationToken cancel)
    {
        var sw = Stopwatch.StartNew();
        var r = Solver.Solve(model, set.Problems[i], beam, cancel: cancel);
        var seconds = sw.Elapsed.TotalSeconds;
        var v = r.OnInterval;
        var status = v is null ? "failed" : v.Verdict.Accepted ? "solved" : "partial";
        return new ProblemOutcome(set.Task, i, ModelSystem, status, seconds, v?.Answer is { } a ? InfixPrinter.Readable.Print(a) : null);
    }

    private static ProblemOutcome RunHybrid(HybridSolver hybrid, TestSet set, int i, CancellationToken cancel)
    {
        var o = hybrid.Solve(set.Problems[i], cancel);
        var status = o.Solved ? "solved" : o.Verdict is { Kind: VerdictKind.Partial } ? "partial" : "failed";
        return new ProblemOutcome(set.Task, i, HybridSystem, status, o.Elapsed.TotalSeconds,
            o.Answer is { } a ? InfixPrinter.Readable.Print(a) : null) { Engine = o.Engine?.Describe() };
    }

    private ProblemOutcome RunCas(ComputerAlgebraSystem cas, TestSet set, int i)
    {
        var problem = set.Problems[i];
        var r = cas.Solve(problem, budget);
        var status = r.Status switch
        {
            CasStatus.Solved => Problems.VerifyEverywhere(problem, r.Answer!).Verdict.Kind switch
            {
                VerdictKind.Verified => "solved", VerdictKind.Partial => "partial", _ => "wrong",
            },
            CasStatus.Timeout => "timeout",
            CasStatus.Unsupported => "unsupported",
            _ => "failed",
        };
        return new ProblemOutcome(set.Task, i, cas.Name, status, r.Elapsed.TotalSeconds, r.Raw); // whole, so a verdict can be rechecked
    }

    private static Dictionary<(string, int, string), ProblemOutcome> Load(string path) =>
        JsonLinesLog.ReadIntact<ProblemOutcome>(path).GroupBy(o => (o.Task, o.Index, o.System)).ToDictionary(g => g.Key, g => g.Last());

    /// <summary>
    /// Rows of (task, system): solved share, timeouts, median and mean seconds per problem, and how many were solved
    /// on an interval (solved, or an answer right on part of the line only: the paper's acceptance, which counts an
    /// ODE solution right on one branch of its square roots).
    /// </summary>
    public sealed record Row(string Task, string System, int Solved, int Total, int Timeouts, double MedianSeconds, double MeanSeconds)
    {
        public double Rate => (double)Solved / Math.Max(1, Total);

        public int OnInterval { get; init; }
    }

    public IReadOnlyList<Row> Table(IReadOnlyList<TestSet> sets, IReadOnlyList<string> systems) =>
        [.. from set in sets
            from system in systems
            let outcomes = _done.Values.Where(o => o.Task == set.Task && o.System == system && o.Index < set.Problems.Count).ToList()
            where outcomes.Count > 0
            let times = outcomes.Select(o => o.Seconds).Order().ToList()
            select new Row(set.Task, system, outcomes.Count(o => o.Status == "solved"), outcomes.Count,
                outcomes.Count(o => o.Status == "timeout"), times[times.Count / 2], times.Average())
                { OnInterval = outcomes.Count(o => o.Status is "solved" or "partial") }];

    public static string Format(IReadOnlyList<Row> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"task",-8} {"system",-8} {"solved",12} {"rate",7} {"on an interval",15} {"timeouts",9} {"median s",9} {"mean s",8}");
        foreach (var r in rows)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Task,-8} {r.System,-8} {$"{r.Solved}/{r.Total}",12} {r.Rate,7:P1} {r.OnInterval,15} {r.Timeouts,9} {r.MedianSeconds,9:F2} {r.MeanSeconds,8:F2}");
        sb.AppendLine("solved: right wherever the problem is real; on an interval: solved, or right on part of the line only (the paper's acceptance)");
        return sb.ToString();
    }
}
