using SymSeq.Evaluation;
using SymSeq.Tests.Cas;

namespace SymSeq.Tests.Evaluation;

public sealed class ComparisonTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-compare-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private TestSet WriteSet(string task, params string[] problems)
    {
        var path = Path.Combine(_dir, task + ".test");
        File.WriteAllLines(path, problems.Select(p => string.Join(' ', PrefixCodec.Encode(p.Contains('=') ? InfixParser.ParseEquation(p) : Problems.Integration(InfixParser.Parse(p)))) + "\tx"));
        return TestSet.Load(path);
    }

    [CasFact("maxima")]
    public void Maxima_outcomes_are_verified_logged_and_resumed()
    {
        var sets = new[] { WriteSet("bwd", "x*cos(x)", "exp(x^2)", "1/x"), WriteSet("ode1", "y' - y = 0") };
        var log = Path.Combine(_dir, "out.jsonl");
        var first = new Comparison(log, TimeSpan.FromSeconds(30));
        first.Run(sets, ["maxima"], SolverModels.None, 1, CancellationToken.None);
        var rows = first.Table(sets, ["maxima"]);
        var bwd = rows.Single(r => r.Task == "bwd");
        Assert.Equal((2, 3), (bwd.Solved, bwd.Total)); // exp(x^2) needs erfi: unsupported
        Assert.Equal((1, 1), (rows.Single(r => r.Task == "ode1").Solved, rows.Single(r => r.Task == "ode1").Total));
        Assert.Equal(4, File.ReadAllLines(log).Length);
        var raw = File.ReadAllBytes(log);
        Assert.False(raw.Length >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF, "the log must not start with a byte-order mark");
        foreach (var line in File.ReadAllLines(log)) System.Text.Json.JsonDocument.Parse(line).Dispose(); // plain JSON lines

        // A crash tore the last line: the rerun drops it and redoes only that problem.
        var lines = File.ReadAllLines(log);
        File.WriteAllLines(log, lines[..^1].Append(lines[^1][..10]));
        var second = new Comparison(log, TimeSpan.FromSeconds(30));
        Assert.Equal(3, second.Outcomes.Count);
        second.Run(sets, ["maxima"], SolverModels.None, 1, CancellationToken.None);
        Assert.Equal(4, File.ReadAllLines(log).Length);
        Assert.Equal(rows, second.Table(sets, ["maxima"]), (a, b) => (a.Task, a.System, a.Solved, a.Total) == (b.Task, b.System, b.Solved, b.Total));
    }

    [CasFact("maxima")]
    public void Long_cas_answers_are_logged_whole()
    {
        // Maxima's answer to this one runs past 500 characters; the log keeps all of it, so it can be rechecked.
        var sets = new[] { WriteSet("bwd", "x^14*exp(x)*sin(x)*cos(x)") };
        var log = Path.Combine(_dir, "long.jsonl");
        new Comparison(log, TimeSpan.FromSeconds(30)).Run(sets, ["maxima"], SolverModels.None, 1, CancellationToken.None);
        var answer = System.Text.Json.JsonDocument.Parse(File.ReadAllLines(log).Single()).RootElement.EnumerateObject()
            .Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String).Max(p => p.Value.GetString()!.Length);
        Assert.True(answer > 500, $"the longest field is {answer} characters");
    }

    [Fact]
    public void An_answer_right_on_part_of_the_line_counts_on_an_interval_only()
    {
        // y' = -sqrt(1 - y^2): every closed-form solution (sin(a8 - x)) holds where cos(a8 - x) > 0 only, the paper's
        // acceptance counts it, the verdict does not; y' = y is solved outright.
        var sets = new[] { WriteSet("ode1", "y' = -sqrt(1 - y^2)", "y' = y") };
        var comparison = new Comparison(Path.Combine(_dir, "part.jsonl"), TimeSpan.FromSeconds(5))
        {
            Hybrid = new HybridOptions { Cas = "none", TimeLimit = TimeSpan.FromSeconds(5) },
        };
        comparison.Run(sets, [Comparison.HybridSystem], SolverModels.None, 1, CancellationToken.None);
        Assert.Equal(["partial", "solved"], comparison.Outcomes.OrderBy(o => o.Index).Select(o => o.Status));
        var row = comparison.Table(sets, [Comparison.HybridSystem]).Single();
        Assert.Equal((1, 2, 2), (row.Solved, row.OnInterval, row.Total));
        Assert.Contains("on an interval", Comparison.Format([row]));
    }

    [Fact]
    public void Test_set_errors_name_the_file_and_line()
    {
        var path = Path.Combine(_dir, "bad.test");
        File.WriteAllLines(path, ["sub Y' x\tx", "sub Y' foo\tx"]);
        var e = Assert.ThrowsAny<FormatException>(() => TestSet.Load(path));
        Assert.Contains($"{path}:2", e.Message);
    }
}
