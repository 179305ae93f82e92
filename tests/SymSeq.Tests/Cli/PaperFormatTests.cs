namespace SymSeq.Tests.Cli;

/// <summary>
/// The paper's released dataset files are read as they are: "N|input&lt;TAB&gt;output" prefix lines with its token
/// names (Y, Y', Y'', INT+/INT- and digits, a8, a9), by verify, evaluate and train alike.
/// </summary>
[Collection("torch")]
public sealed class PaperFormatTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-paperfmt-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly string[] Lines =
    [
        "3|sub Y' mul INT+ 2 x\tpow x INT+ 2",                              // BWD/FWD/IBP: Y' - 2x, answer x^2 (the paper's counts before '|')
        "1|sub Y' cos x\tsin x",
        "1|add mul INT- 1 Y mul x Y'\tmul a8 x",                            // ODE1: x y' - y = 0, y = a8 x
        "1|add Y'' Y\tadd mul a8 sin x mul a9 cos x",                        // ODE2: y'' + y = 0
        "1|add Y'' mul INT- 1 0 0 Y\tadd mul a8 exp mul INT+ 1 0 x mul a9 exp mul INT- 1 0 x", // ODE2: y'' - 100 y = 0, two- and three-digit integers
    ];

    private string Write()
    {
        var path = Path.Combine(_dir, "paper.test");
        File.WriteAllLines(path, Lines);
        return path;
    }

    [Fact]
    public void Verify_reads_and_verifies_every_line()
    {
        var r = CliRunner.Run("verify", "--data", Write());
        Assert.True(r.Code == 0, r.Out + r.Err);
        Assert.Contains($"{Lines.Length}", r.Out);
    }

    [Fact]
    public void Evaluate_and_train_read_them_too()
    {
        var data = Write();
        var e = CliRunner.Run("evaluate", "--model", TestPaths.Fixture("reference/tiny.pth"), "--data", data, "--beam", "1");
        Assert.True(e.Code == 0, e.Err);
        Assert.Contains("paper", e.Out);
        var t = CliRunner.Run("train", "--train", data, "--out", Path.Combine(_dir, "run"), "--steps", "1", "--emb-dim", "16",
            "--heads", "2", "--layers", "1", "--precision", "fp32");
        Assert.True(t.Code == 0, t.Err);
        Assert.True(File.Exists(Path.Combine(_dir, "run", "checkpoint.symseq")));
    }
}
