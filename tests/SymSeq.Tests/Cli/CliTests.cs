using SymSeq.Cli;

namespace SymSeq.Tests.Cli;

public class CliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = Task.Run(() => CliApp.RunAsync(args, o, e)).Result;
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void Diff_prints_the_canonical_derivative()
    {
        var r = Run("diff", "x*cos(x)");
        Assert.Equal(0, r.Code);
        Assert.Equal("-x*sin(x) + cos(x)", r.Out.Trim());
    }

    [Fact]
    public void Parse_errors_name_the_column()
    {
        var r = Run("simplify", "x*cos(x");
        Assert.Equal(1, r.Code);
        Assert.Contains("expected ')', found end of input at column 8", r.Err);
    }

    [Fact]
    public void Unknown_options_and_commands_are_usage_errors()
    {
        var r = Run("generate", "--task", "bwd", "--count", "10", "--out", "/tmp/x", "--bogus", "1");
        Assert.Equal(2, r.Code);
        Assert.Contains("unknown option: --bogus", r.Err);
        Assert.Equal(2, Run("frobnicate").Code);
        var bad = Run("generate", "--task", "bwd", "--count", "ten", "--out", "/tmp/x");
        Assert.Contains("--count expects an integer, got 'ten'", bad.Err);
    }

    [Fact]
    public void Simplify_converts_between_notations()
    {
        Assert.Equal("add x INT+ 1", Run("simplify", "1 + x", "--format", "prefix").Out.Trim());
        Assert.Equal("x + 1", Run("simplify", "--prefix", "add INT+ 1 x").Out.Trim());
        Assert.Equal(@"\frac{1}{x}", Run("simplify", "1/x", "--format", "latex", "--raw").Out.Trim());
    }
}
