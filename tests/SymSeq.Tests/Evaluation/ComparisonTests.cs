using SymSeq.Evaluation;
using SymSeq.Expressions;
using SymSeq.Tests.Cas;
using SymSeq.Verification;

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
        first.Run(sets, ["maxima"], null, 1, CancellationToken.None);
        var rows = first.Table(sets, ["maxima"]);
        var bwd = rows.Single(r => r.Task == "bwd");
        Assert.Equal((2, 3), (bwd.Solved, bwd.Total)); // exp(x^2) needs erfi: unsupported
        Assert.Equal((1, 1), (rows.Single(r => r.Task == "ode1").Solved, rows.Single(r => r.Task == "ode1").Total));
        Assert.Equal(4, File.ReadAllLines(log).Length);

        // A crash tore the last line: the rerun drops it and redoes only that problem.
        var lines = File.ReadAllLines(log);
        File.WriteAllLines(log, lines[..^1].Append(lines[^1][..10]));
        var second = new Comparison(log, TimeSpan.FromSeconds(30));
        Assert.Equal(3, second.Outcomes.Count);
        second.Run(sets, ["maxima"], null, 1, CancellationToken.None);
        Assert.Equal(4, File.ReadAllLines(log).Length);
        Assert.Equal(rows, second.Table(sets, ["maxima"]), (a, b) => (a.Task, a.System, a.Solved, a.Total) == (b.Task, b.System, b.Solved, b.Total));
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
