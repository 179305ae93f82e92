
namespace SymSeq.Tests.Cli;

public class CliTests : IDisposable
{
    // a fresh folder for each test (xunit makes one instance per test)
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Without_the_model_the_rules_still_answer_and_evaluate_says_what_it_needs()
    {
        // A model path that does not exist: --no-model must not even look for it.
        var r = CliRunner.Run("integrate", "x^2*asin(x)", "--no-model", "--cas", "none", "--model", Path.Combine(_dir, "absent.symseq"));
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("by basic rules", r.Err);
        var answer = SymSeq.Expressions.InfixParser.Parse(r.Out.Trim().Split('\n')[0].Replace(" + C", ""));
        Assert.True(SymSeq.Verification.IntegralVerifier.Check(SymSeq.Expressions.InfixParser.Parse("x^2*asin(x)"), answer).Accepted);
        Assert.Equal(3, CliRunner.Run("integrate", "x/(1+x^5)", "--no-model", "--cas", "none").Code);   // nothing verified

        var set = Path.Combine(_dir, "calculus.txt");
        File.WriteAllText(set, "x^2*cos(x)\n1/(x^2-1)\nx/(1+x^5)\n");
        var json = Path.Combine(_dir, "t.json");
        var e = CliRunner.Run("evaluate", "--data", set, "--no-model", "--hybrid", "--cas", "none", "--json", json, "--model", Path.Combine(_dir, "absent.symseq"));
        Assert.True(e.Code == 0, e.Err);
        var table = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)).RootElement.GetProperty("calculus");
        Assert.Equal(2, table.GetProperty("hybrid").GetProperty("solved").GetInt32());
        Assert.False(table.TryGetProperty("beam1", out _));
        RobustnessTests.AssertCleanError(CliRunner.Run("evaluate", "--data", set, "--no-model"), "--no-model needs --hybrid");
    }

    [Fact]
    public void Two_compare_runs_never_share_one_outcomes_file()
    {
        var set = Path.Combine(_dir, "calculus.txt");
        File.WriteAllText(set, "x^2*cos(x)\n");
        var outcomes = set + ".compare.jsonl";   // compare's default for this set
        using (SymSeq.Datasets.FolderLock.ForFile(outcomes, "a test holding the outcomes"))
        {
            var r = CliRunner.Run("compare", "--data", set, "--systems", "maxima");
            RobustnessTests.AssertCleanError(r, "in use by");
            Assert.Contains("a test holding the outcomes", r.Err);
            Assert.False(File.Exists(outcomes));
        }
        using (SymSeq.Datasets.FolderLock.ForFile(outcomes, "free again")) { }   // released with its holder
    }

    [Fact]
    public void Evaluate_appends_its_log_as_it_goes_and_resumes_from_it()
    {
        var set = Path.Combine(_dir, "calculus.txt");
        File.WriteAllText(set, "x^2*cos(x)\n1/(x^2-1)\nx/(1+x^5)\n");
        var log = Path.Combine(_dir, "run.jsonl");
        string[] Args(string json, params string[] more) =>
            ["evaluate", "--data", set, "--no-model", "--hybrid", "--cas", "none", "--out", log, "--json", Path.Combine(_dir, json), .. more];
        int Solved(string json) => System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, json))).RootElement
            .GetProperty("calculus").GetProperty("hybrid").GetProperty("solved").GetInt32();

        var first = CliRunner.Run(Args("1.json"));
        Assert.True(first.Code == 0, first.Err);
        Assert.Equal(3, File.ReadAllLines(log).Length);
        Assert.Equal(2, Solved("1.json"));

        // a crash tore the second line: the rerun keeps the first outcome, drops the torn one and runs the other two
        var lines = File.ReadAllLines(log);
        File.WriteAllText(log, lines[0] + "\n" + lines[1][..15]);
        var second = CliRunner.Run(Args("2.json"));
        Assert.True(second.Code == 0, second.Err);
        Assert.Contains("resumed: 1 outcomes", second.Err);
        Assert.Equal(3, File.ReadAllLines(log).Length);
        foreach (var line in File.ReadAllLines(log)) System.Text.Json.JsonDocument.Parse(line).Dispose();
        Assert.Equal(2, Solved("2.json"));

        // other settings never mix with the log's
        RobustnessTests.AssertCleanError(CliRunner.Run(Args("3.json", "--time-limit", "7")), "another setup");
        using (SymSeq.Datasets.FolderLock.ForFile(log, "a test holding the log"))
            RobustnessTests.AssertCleanError(CliRunner.Run(Args("4.json")), "in use by");
    }

    [Fact]
    public void Diff_prints_the_canonical_derivative()
    {
        var r = CliRunner.Run("diff", "x*cos(x)");
        Assert.Equal(0, r.Code);
        Assert.Equal("-x*sin(x) + cos(x)", r.Out.Trim());
    }

    [Fact]
    public void Parse_errors_name_the_column()
    {
        var r = CliRunner.Run("simplify", "x*cos(x");
        Assert.Equal(1, r.Code);
        Assert.Contains("expected ')', found end of input at column 8", r.Err);
    }

    [Fact]
    public void Unknown_options_and_commands_are_usage_errors()
    {
        var r = CliRunner.Run("generate", "--task", "bwd", "--count", "10", "--out", "/tmp/x", "--bogus", "1");
        Assert.Equal(2, r.Code);
        Assert.Contains("Unrecognized command or argument '--bogus'", r.Err);
        Assert.Contains("Usage:", r.Err); // the command's help follows the error
        Assert.Equal(2, CliRunner.Run("frobnicate").Code);
        var bad = CliRunner.Run("generate", "--task", "bwd", "--count", "ten", "--out", "/tmp/x");
        Assert.Contains("--count expects an integer, got 'ten'", bad.Err);
        Assert.Equal(2, bad.Code);
        Assert.Contains("Option '--out' is required", CliRunner.Run("generate", "--task", "bwd", "--count", "10").Err);
    }

    [Fact]
    public void Response_files_supply_options()
    {
        var rsp = Path.Combine(Path.GetTempPath(), $"symseq-{Guid.NewGuid():N}.rsp");
        try
        {
            File.WriteAllLines(rsp, ["--format", "latex"]);
            var r = CliRunner.Run("simplify", "sqrt(x)", $"@{rsp}");
            Assert.True(r.Code == 0, r.Err);
            Assert.Equal("\\sqrt{x}", r.Out.Trim());
        }
        finally { File.Delete(rsp); }
    }

    [Fact]
    public void Help_lists_every_option_with_its_default()
    {
        var r = CliRunner.Run("integrate", "--help");
        Assert.Equal(0, r.Code);
        foreach (var option in new[] { "--beam", "--wide-beam", "--time-limit", "--cas", "--model", "--format", "--verbose" })
            Assert.Contains(option, r.Out);
        Assert.Contains("[default: 10]", r.Out);
        Assert.Contains("Commands:", CliRunner.Run("--help").Out);
    }

    [Fact]
    public void Completion_suggests_options()
    {
        var r = CliRunner.Run("[suggest:22]", "symseq integrate --tim");
        Assert.Equal(0, r.Code);
        Assert.Contains("--time-limit", r.Out);
    }

    [Fact]
    public void Simplify_converts_between_notations()
    {
        Assert.Equal("add x INT+ 1", CliRunner.Run("simplify", "1 + x", "--format", "prefix").Out.Trim());
        Assert.Equal("x + 1", CliRunner.Run("simplify", "--prefix", "add INT+ 1 x").Out.Trim());
        Assert.Equal(@"\frac{1}{x}", CliRunner.Run("simplify", "1/x", "--format", "latex", "--raw").Out.Trim());
    }
}
