namespace SymSeq.Tests.Solving;

/// <summary>y' = F(y/x) by y = x·v and the separable rule.</summary>
public class HomogeneousOdesTests
{
    [Theory]
    [InlineData("y' = y/x + tan(y/x)")]                // sin v = a·x
    [InlineData("y' = y/x + exp(y/x)")]
    [InlineData("x*y' = y + x*cos(y/x)^2")]            // y' not alone; tan v = ln x + a8
    [InlineData("x*y' = y + sqrt(x^2 + y^2)")]         // asinh v = ln x + a8
    [InlineData("x^2*y' = y^2 + x*y")]
    [InlineData("y' = (x^2 + y^2)/(x*y)")]
    public void Every_answer_is_a_verified_general_solution(string equation) => RuleChecks.AssertSolved(equation, HomogeneousOdes.TrySolve);

    [Theory]
    [InlineData("y' = x + y")]                         // not a function of y/x
    [InlineData("y' = y^2/x")]
    [InlineData("y' = (x + y)/(x - y)")]               // homogeneous, but atan v − ln(1 + v²)/2 = ln x + a8 has no explicit v
    [InlineData("y'' = y/x")]                          // second order
    public void Other_equations_get_no_answer(string equation) =>
        Assert.Null(HomogeneousOdes.TrySolve(InfixParser.ParseEquation(equation), TimeSpan.FromSeconds(5)));

    /// <summary>y' = y/x + k·G(y/x) for G of a few shapes and random k: whatever the rule answers verifies, and most are answered.</summary>
    [Fact]
    public void Random_homogeneous_equations_are_never_answered_wrong()
    {
        string[] g = ["tan(V)", "exp(V)", "cos(V)^2", "sqrt(1 + V^2)", "V^2", "1/V", "sin(V)", "1 + V^2"];
        var tally = new OdeTally();
        Prop.ForAll(Gen.Elements(g).ToArbitrary(), Gen.Choose(-3, 3).Where(k => k != 0).ToArbitrary(), (shape, k) =>
            RuleChecks.NotWrong($"y' = y/x + ({k})*({shape.Replace("V", "(y/x)")})", HomogeneousOdes.TrySolve, tally))
            .Check(Fuzz.Config.WithMaxTest(60));
        Assert.True(tally.Solved * 2 >= tally.Tried, $"only {tally.Solved} of {tally.Tried} solved");
    }
}
