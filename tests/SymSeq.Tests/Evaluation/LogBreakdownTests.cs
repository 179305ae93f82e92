using SymSeq.Evaluation;

namespace SymSeq.Tests.Evaluation;

public sealed class LogBreakdownTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-breakdown-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    private static LoggedOutcome O(string task, int index, string column, bool solved, int tokens, params string[] ops) =>
        new(task, index, column, solved, tokens, ops);

    [Fact]
    public void Length_buckets_include_their_edges_and_keep_empty_buckets()
    {
        var outcomes = new[]
        {
            O("fwd", 0, "beam1", true, 32, "mul"), O("fwd", 1, "beam1", false, 33, "mul"), O("fwd", 2, "beam1", true, 64, "add"),
            O("fwd", 3, "beam1", false, 101, "add"), O("ibp", 0, "beam1", true, 5, "exp"),
        };
        var rows = LogBreakdown.ByLength(outcomes, [32, 64, 100]);
        Assert.Equal(["fwd", "ibp"], rows.Select(r => r.Task));
        Assert.Equal(["<= 32", "33-64", "65-100", "> 100"], rows[0].Groups.Select(g => g.Group));
        Assert.Equal([new Tally(1, 1), new Tally(1, 2), new Tally(0, 0), new Tally(0, 1)], rows[0].Groups.Select(g => g.Tally));
        Assert.Equal([new Tally(1, 1), new Tally(0, 0), new Tally(0, 0), new Tally(0, 0)], rows[1].Groups.Select(g => g.Tally));
        Assert.NotNull(LogBreakdown.EdgesProblem([64, 32]));
        Assert.NotNull(LogBreakdown.EdgesProblem([0, 32]));
        Assert.NotNull(LogBreakdown.EdgesProblem([]));
        Assert.Throws<ArgumentException>(() => LogBreakdown.ByLength(outcomes, [32, 32]));
    }

    [Fact]
    public void Misses_split_into_search_and_model_errors_per_beam_column()
    {
        var outcomes = new[]
        {
            O("fwd", 0, "beam1", true, 9) with { SearchError = false }, O("fwd", 1, "beam1", false, 9) with { SearchError = true },
            O("fwd", 2, "beam1", false, 9) with { SearchError = false }, O("fwd", 3, "beam1", false, 9),   // no reference score
            O("fwd", 0, "beam10", false, 9) with { SearchError = false },
            O("fwd", 0, "beam10", true, 9) with { SearchError = false },   // resumed: the last line counts
            O("fwd", 0, "hybrid", false, 9),
        };
        var rows = LogBreakdown.Misses(outcomes);
        Assert.Equal([new MissRow("fwd", "beam1", 4, 3, 2, 1), new MissRow("fwd", "beam10", 1, 0, 0, 0)], rows);
        Assert.Empty(LogBreakdown.Misses(outcomes[^1..]));
    }

    [Fact]
    public void Answer_length_buckets_count_only_problems_with_a_reference_answer()
    {
        var outcomes = new[]
        {
            O("fwd", 0, "beam10", true, 9) with { AnswerTokens = 16 }, O("fwd", 1, "beam10", false, 9) with { AnswerTokens = 17 },
            O("fwd", 2, "beam10", false, 40) with { AnswerTokens = 90 }, O("fwd", 3, "beam10", true, 40) with { AnswerTokens = 5 },
            O("calculus", 0, "hybrid", true, 9),   // a plain list: no reference answer
        };
        var row = Assert.Single(LogBreakdown.ByAnswerLength(outcomes, [16, 64]));
        Assert.Equal(("fwd", "beam10"), (row.Task, row.Column));
        Assert.Equal(["<= 16", "17-64", "> 64"], row.Groups.Select(g => g.Group));
        Assert.Equal([new Tally(2, 2), new Tally(0, 1), new Tally(0, 1)], row.Groups.Select(g => g.Tally));
        // by input length the same problems fall otherwise: the two breakdowns are of different things
        Assert.Equal([new Tally(1, 2), new Tally(1, 2), new Tally(0, 0)], LogBreakdown.ByLength(outcomes[..4], [16, 64])[0].Groups.Select(g => g.Tally));
        Assert.Empty(LogBreakdown.ByAnswerLength(outcomes[4..], [16, 64]));
        Assert.Throws<ArgumentException>(() => LogBreakdown.ByAnswerLength(outcomes, [64, 16]));
    }

    [Fact]
    public void A_problem_counts_under_each_of_its_operators_and_a_resumed_duplicate_counts_once()
    {
        var outcomes = new[]
        {
            O("bwd", 0, "beam10", false, 10, "cos", "mul"), O("bwd", 1, "beam10", true, 10, "mul"), O("bwd", 2, "beam10", false, 10, "sin"),
            O("bwd", 0, "beam10", true, 10, "cos", "mul"),   // the same problem logged again after a resume: the last line counts
            O("bwd", 0, "beam1", false, 10, "cos", "mul"),
        };
        var rows = LogBreakdown.ByOperator(outcomes);
        Assert.Equal(["beam10", "beam1"], rows.Select(r => r.Column));
        Assert.Equal([("mul", new Tally(2, 2)), ("cos", new Tally(1, 1)), ("sin", new Tally(0, 1))], rows[0].Groups);
    }

    [Fact]
    public void Two_runs_are_compared_on_the_problems_both_hold()
    {
        var a = new[] { O("fwd", 0, "beam10", true, 9), O("fwd", 1, "beam10", true, 9), O("fwd", 2, "beam10", false, 9), O("fwd", 3, "beam10", false, 9), O("fwd", 4, "beam10", true, 9) };
        var b = new[] { O("fwd", 0, "beam10", true, 9), O("fwd", 1, "beam10", false, 9), O("fwd", 2, "beam10", true, 9), O("fwd", 3, "beam10", false, 9), O("fwd", 0, "beam1", true, 9) };
        var d = Assert.Single(LogBreakdown.Against(a, b));
        Assert.Equal((1, 1, 4), (d.Both, d.Neither, d.Common));   // problem 4 is in A only, and beam1 only in B
        Assert.Equal([1], d.OnlyFirst);
        Assert.Equal([2], d.OnlySecond);
    }

    [Fact]
    public void The_log_is_read_without_being_changed_and_foreign_files_are_refused()
    {
        var log = Path.Combine(_dir, "run.jsonl");
        var good = """{"task":"fwd","index":3,"beam":10,"solved":true,"input_tokens":12,"operators":["mul","sin"],"answer_tokens":21,"rank":1}""";
        var hybrid = """{"task":"fwd","index":3,"beam":"hybrid","solved":false,"input_tokens":12,"operators":["mul","sin"],"answer_tokens":null}""";
        var text = good + "\n" + hybrid + "\n" + good[..20];   // the last line torn by a crash
        File.WriteAllText(log, text);
        var read = EvaluationLog.Read(log);
        Assert.Equal([("fwd", 3, "beam10", true, 12), ("fwd", 3, "hybrid", false, 12)], read.Select(o => (o.Task, o.Index, o.Column, o.Solved, o.InputTokens)));
        Assert.Equal(["mul", "sin"], read[0].Operators);
        Assert.Equal([21, null], read.Select(o => o.AnswerTokens));   // a line without the field (a plain list, an older log) has none
        Assert.Equal(text, File.ReadAllText(log));   // the evaluation's own resume mends torn lines, not a report

        File.WriteAllText(log, """{"task":"fwd","index":"3","beam":10,"solved":true,"input_tokens":12,"operators":[]}""");   // an index that is not a number
        Assert.Contains("line 1 is not an outcome", Assert.Throws<LogMismatchException>(() => EvaluationLog.Read(log)).Message);
        File.WriteAllText(log, """{"file":"x.prefix","verified":3}""");
        Assert.Contains("line 1 is not an outcome", Assert.Throws<LogMismatchException>(() => EvaluationLog.Read(log)).Message);
        File.WriteAllText(log, "");
        Assert.Contains("holds no outcome", Assert.Throws<LogMismatchException>(() => EvaluationLog.Read(log)).Message);
        Assert.Throws<FileNotFoundException>(() => EvaluationLog.Read(Path.Combine(_dir, "absent.jsonl")));
    }
}
