namespace SymSeq.Tests.Cli;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-importcli-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Writes_the_verified_pairs_names_the_dropped_ones_and_feeds_split()
    {
        var pairs = Path.Combine(_dir, "mine.tsv");
        File.WriteAllLines(pairs, ["x*cos(x)\tx*sin(x) + cos(x)", "exp(x)\t2*exp(x)", "y'' + y = 0\ta8*sin(x) + a9*cos(x)"]);
        var output = Path.Combine(_dir, "data", "fwd.prefix");
        var dropped = Path.Combine(_dir, "dropped.tsv");
        var r = CliRunner.Run("import", "--data", pairs, "--out", output, "--dropped", dropped, "--threads", "1");
        Assert.Equal(4, r.Code); // a line was dropped
        Assert.Contains("mine.tsv:2: dropped: rejected", r.Err);
        Assert.Contains("kept 2 of 3 pairs", r.Out);
        Assert.Equal(2, File.ReadAllLines(output).Length);
        Assert.Equal("2", File.ReadAllLines(dropped).Single().Split('\t')[0]);

        // An existing dataset is not replaced without --force.
        RobustnessTests.AssertCleanError(CliRunner.Run("import", "--data", pairs, "--out", output), "--force");
        File.WriteAllLines(pairs, ["x*cos(x)\tx*sin(x) + cos(x)", "x\tx^2/2"]);
        Assert.Equal(0, CliRunner.Run("import", "--data", pairs, "--out", output, "--force").Code);
        Assert.Equal(["1|sub Y' mul x cos x", "1|sub Y' x"], File.ReadAllLines(output).Select(l => l.Split('\t')[0]));
        Assert.Equal(0, CliRunner.Run("split", "--data", output, "--valid", "0", "--test", "1").Code);
    }

    [Fact]
    public void Bad_input_is_a_clean_error()
    {
        RobustnessTests.AssertCleanError(CliRunner.Run("import", "--data", Path.Combine(_dir, "none.tsv"), "--out", Path.Combine(_dir, "o.prefix")), "does not exist");
        var junk = Path.Combine(_dir, "junk.tsv");
        File.WriteAllLines(junk, ["no tab", "x +\tx"]);
        var r = CliRunner.Run("import", "--data", junk, "--out", Path.Combine(_dir, "o.prefix"));
        RobustnessTests.AssertCleanError(r, "no pair");
        Assert.Contains("junk.tsv:1: dropped: expected 'problem<TAB>answer'", r.Err);
        Assert.Contains("junk.tsv:2: dropped: problem: ", r.Err);
        Assert.False(File.Exists(Path.Combine(_dir, "o.prefix")));
    }
}
