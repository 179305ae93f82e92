using System.Text.Json;

namespace SymSeq.Tests.Cli;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-verify-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void Counts_per_file_as_json_and_a_verdict_per_pair()
    {
        var data = Path.Combine(_dir, "mixed.prefix");
        File.WriteAllLines(data,
        [
            "3|sub Y' mul x cos x\tadd mul x sin x cos x",          // x*cos(x) -> x*sin(x) + cos(x): right
            "sub Y' exp x\texp x",                                  // without a count: right
            "1|sub Y' exp x\tmul INT+ 2 exp x",                    // 2*exp(x): wrong
            "1|sub Y' x x\tx",                                      // a token left over after the expression: malformed
        ]);
        var json = Path.Combine(_dir, "counts.json");
        var log = Path.Combine(_dir, "verdicts.tsv");
        var r = CliRunner.Run("verify", "--data", data, "--json", json, "--out", log);
        Assert.Equal(4, r.Code); // some pair did not verify
        var counts = JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("mixed");
        Assert.Equal(2, counts.GetProperty("verified").GetInt32());
        Assert.Equal(2, counts.GetProperty("rejected").GetInt32());
        Assert.Equal(0, counts.GetProperty("uncheckable").GetInt32());
        Assert.Equal(4, counts.GetProperty("total").GetInt32());
        var lines = File.ReadAllLines(log);
        Assert.Equal(4, lines.Length);
        Assert.Equal(["verified", "verified", "rejected", "rejected"], lines.Select(l => l.Split('\t')[2]));
        Assert.Equal("3", lines[2].Split('\t')[1]); // line numbers of the file

        File.WriteAllLines(data, ["sub Y' x\tmul div INT+ 1 INT+ 2 pow x INT+ 2"]);
        Assert.Equal(0, CliRunner.Run("verify", "--data", data).Code); // all verified
        RobustnessTests.AssertCleanError(CliRunner.Run("verify", "--data", Path.Combine(_dir, "missing.prefix")), "does not exist");
    }
}
