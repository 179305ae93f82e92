using System.CommandLine;
using SymSeq.Evaluation;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq breakdown`: an evaluate log broken down by input length, answer length and operator, or set against another run's log.</summary>
public sealed class BreakdownCommand : CliApp.ICommand
{
    public string Name => "breakdown";
    public string Summary => "break an evaluate --out log down by input length, by the reference answer's length or by operator, or compare it with another run's log problem by problem";

    private readonly Argument<string> _log = new("LOG") { Description = "a log written by symseq evaluate --out" };
    private readonly Option<string> _by = Opt.Choice("--by", "length", "length: accuracy per bucket of input tokens; answer: per bucket of the " +
        "reference answer's tokens (test sets in prefix form); operator: per operator of the input (a problem counts under each operator it holds); " +
        "search: the unsolved problems of each beam column split into search errors (the reference answer scores above every hypothesis the beam " +
        "kept) and model errors (test sets in prefix form)",
        "length", "answer", "operator", "search");
    private readonly Option<string?> _lengths = Opt.Text("--lengths", "last length (tokens) of each bucket but the last, ascending " +
        $"(default {InputEdges} for input lengths, {AnswerEdges} for answer lengths)", "N[,N]");

    private const string InputEdges = "32,64,100";
    private const string AnswerEdges = "16,32,64";
    private readonly Option<string?> _against = Opt.Text("--against", "another run's log of the same test sets: per task and column, the problems both solve, " +
        "each alone (with their indices) and neither, over the problems both logs hold", "LOG2");

    /// <summary>Indices listed per side before the list is cut short.</summary>
    private const int ListedIndices = 40;

    public Command Build() => new Command(Name, Summary + ".") { _log, _by, _lengths, _against };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var path = args.GetValue(_log)!;
        var by = args.GetValue(_by);
        var edges = Opt.Split(args.GetValue(_lengths) ?? (by == "answer" ? AnswerEdges : InputEdges)).Select(s => int.TryParse(s, out var n) && n > 0 ? n
            : throw new UsageException($"--lengths: '{s}' is not a positive integer")).ToArray();
        if (LogBreakdown.EdgesProblem(edges) is { } problem) throw new UsageException($"--lengths: {problem}");
        var against = args.GetValue(_against);
        List<LoggedOutcome> outcomes, other = [];
        try
        {
            outcomes = EvaluationLog.Read(path);
            if (against is not null) other = EvaluationLog.Read(against);
        }
        catch (LogMismatchException e) { throw new UsageException(e.Message); }

        if (against is not null) WriteDifference(stdout, LogBreakdown.Against(outcomes, other), path, against);
        else if (by == "operator") WriteByOperator(stdout, LogBreakdown.ByOperator(outcomes));
        else if (by == "search")
        {
            var rows = LogBreakdown.Misses(outcomes);
            if (rows.Count == 0)
                throw new UsageException($"'{path}' logs no reference answer scores: they come from beam columns on test sets in prefix form " +
                                         "(problem, tab, answer), in logs written since search_error was added; rerun evaluate with --out to a new log");
            WriteMisses(stdout, rows);
        }
        else if (by == "answer")
        {
            var rows = LogBreakdown.ByAnswerLength(outcomes, edges);
            if (rows.Count == 0)
                throw new UsageException($"'{path}' logs no reference answer lengths: they come from test sets in prefix form (problem, tab, answer), " +
                                         "in logs written since answer_tokens was added; rerun evaluate with --out to a new log");
            WriteByLength(stdout, rows, "accuracy by the reference answer's length (tokens of the test set's answer)");
        }
        else WriteByLength(stdout, LogBreakdown.ByLength(outcomes, edges), "accuracy by input length (tokens of the model's input)");
        return Task.FromResult(0);
    }

    private static string Cell(Tally t) => $"{t.Solved}/{t.Total} {100.0 * t.Solved / t.Total,5:F1}%";

    /// <summary>The task and column at the start of a line, padded to the longest task name of the table.</summary>
    private static Func<string, string, string> Head(IEnumerable<string> tasks)
    {
        var width = Math.Max(6, tasks.Max(t => t.Length)) + 2;
        return (task, column) => task.PadRight(width) + column.PadRight(8);
    }

    private static void WriteByLength(TextWriter w, List<BreakdownRow> rows, string title)
    {
        var head = Head(rows.Select(r => r.Task));
        w.WriteLine(title);
        w.WriteLine(head("task", "column") + string.Concat(rows[0].Groups.Select(g => $"{g.Group,18}")));
        foreach (var r in rows)
            w.WriteLine(head(r.Task, r.Column) + string.Concat(r.Groups.Select(g => $"{(g.Tally.Total == 0 ? "-" : Cell(g.Tally)),18}")));
    }

    private static void WriteByOperator(TextWriter w, List<BreakdownRow> rows)
    {
        w.WriteLine("accuracy by operator of the input (a problem counts under each operator it holds)");
        foreach (var r in rows)
        {
            w.WriteLine($"{r.Task} {r.Column}");
            foreach (var (op, t) in r.Groups) w.WriteLine($"  {op,-8}{Cell(t),18}");
        }
    }

    private static void WriteMisses(TextWriter w, List<MissRow> rows)
    {
        var head = Head(rows.Select(r => r.Task));
        w.WriteLine("unsolved problems: search errors (the reference answer scores above every hypothesis the beam kept) and model errors (the rest of those scored)");
        w.WriteLine(head("task", "column") + $"{"problems",10}{"unsolved",10}{"scored",10}{"search",10}{"model",10}");
        foreach (var r in rows)
            w.WriteLine(head(r.Task, r.Column) + $"{r.Problems,10}{r.Unsolved,10}{r.Scored,10}{r.SearchErrors,10}{r.Scored - r.SearchErrors,10}");
    }

    private static void WriteDifference(TextWriter w, List<RunDifference> rows, string first, string second)
    {
        w.WriteLine($"A: {first}");
        w.WriteLine($"B: {second}");
        var head = Head(rows.Select(r => r.Task).DefaultIfEmpty(""));
        w.WriteLine(head("task", "column") + $"{"common",8}{"both",8}{"A only",8}{"B only",8}{"neither",8}{"A",8}{"B",8}");
        foreach (var r in rows)
            w.WriteLine(head(r.Task, r.Column) + $"{r.Common,8}{r.Both,8}{r.OnlyFirst.Count,8}{r.OnlySecond.Count,8}{r.Neither,8}" +
                        $"{r.Both + r.OnlyFirst.Count,8}{r.Both + r.OnlySecond.Count,8}");
        foreach (var r in rows.Where(r => r.OnlyFirst.Count + r.OnlySecond.Count > 0))
        {
            if (r.OnlyFirst.Count > 0) w.WriteLine($"{r.Task} {r.Column}, solved by A only: {Indices(r.OnlyFirst)}");
            if (r.OnlySecond.Count > 0) w.WriteLine($"{r.Task} {r.Column}, solved by B only: {Indices(r.OnlySecond)}");
        }
        if (rows.All(r => r.Common == 0)) w.WriteLine("the two logs share no problem (task, index and column)");
    }

    private static string Indices(IReadOnlyList<int> indices) =>
        string.Join(", ", indices.Take(ListedIndices)) + (indices.Count > ListedIndices ? $", ... ({indices.Count - ListedIndices} more)" : "");
}
