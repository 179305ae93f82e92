
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
}
