
namespace SymSeq.Tests.Cli;

public class CliTests
{
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
        Assert.Contains("unknown option: --bogus", r.Err);
        Assert.Equal(2, CliRunner.Run("frobnicate").Code);
        var bad = CliRunner.Run("generate", "--task", "bwd", "--count", "ten", "--out", "/tmp/x");
        Assert.Contains("--count expects an integer, got 'ten'", bad.Err);
    }

    [Fact]
    public void Simplify_converts_between_notations()
    {
        Assert.Equal("add x INT+ 1", CliRunner.Run("simplify", "1 + x", "--format", "prefix").Out.Trim());
        Assert.Equal("x + 1", CliRunner.Run("simplify", "--prefix", "add INT+ 1 x").Out.Trim());
        Assert.Equal(@"\frac{1}{x}", CliRunner.Run("simplify", "1/x", "--format", "latex", "--raw").Out.Trim());
    }
}
