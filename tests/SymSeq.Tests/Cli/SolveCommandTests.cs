
namespace SymSeq.Tests.Cli;

[Collection("torch")]
public class SolveCommandTests
{
    [Fact]
    public void An_untrained_model_gives_an_honest_failure_not_a_wrong_answer()
    {
        // The reference model has random weights: its candidates are malformed or wrong, and must be rejected.
        var r = CliRunner.Run("integrate", "x/(1+x^5)", "--model", TestPaths.Fixture("reference/tiny.pth"), "--beam", "3", "--wide-beam", "0", "--cas", "none", "--verbose");
        Assert.Equal(3, r.Code);
        Assert.Contains("no verified solution", r.Out);
        Assert.Contains("model (beam 3): no candidate verified (3 rejected)", r.Err);
        Assert.Contains("rejected", r.Err);
    }

    [Fact]
    public void Missing_models_and_bad_input_are_clear_errors()
    {
        var r = CliRunner.Run("integrate", "x*cos(x)", "--model", "/nonexistent/model.symseq");
        Assert.Equal(1, r.Code);
        Assert.Contains("does not exist", r.Err);
        var bad = CliRunner.Run("solve", "y'' + = 0", "--model", TestPaths.Fixture("reference/tiny.pth"));
        Assert.Equal(1, bad.Code);
        Assert.Contains("column", bad.Err);
    }

    [Fact]
    public void Steps_print_the_derivation_each_step_verified_and_the_provenance_names_the_rules()
    {
        var r = CliRunner.Run("integrate", "x^2*ln(x) + x*exp(x^2)", "--no-model", "--cas", "none", "--steps");
        Assert.Equal(0, r.Code);
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("steps:", lines[1]);
        Assert.StartsWith("  1. linearity: integral of ", lines[2]);
        Assert.Contains(lines, l => l.StartsWith("    1.2. by parts: integral of x^2*ln(x) dx = ", StringComparison.Ordinal) && l.EndsWith("[verified]", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Trim() == "u = ln(x), v = x^3/3");
        Assert.Contains(lines, l => l.StartsWith("      1.1.1. table of integrals: integral of exp(x) dx = exp(x)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("[rejected]") || l.Contains("uncheckable"));
        Assert.Contains("by basic rules (substitution -> by parts)", r.Err);

        var ode = CliRunner.Run("solve", "y' = y^2", "--no-model", "--cas", "none", "--steps");
        Assert.Equal(0, ode.Code);
        Assert.Contains("1. separable ODE: ", ode.Out);
        Assert.Contains("1.1. power rule: integral of 1/x^2 dx = -1/x  [verified]", ode.Out);

        // without --steps, only the answer
        Assert.DoesNotContain("steps:", CliRunner.Run("integrate", "x*cos(x)", "--no-model", "--cas", "none").Out);
    }
}
