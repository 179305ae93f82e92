namespace SymSeq.Tests.Solving;

public class ReducedOrderOdesTests
{
    [Theory]
    [InlineData("y*y'' = y'^2")]              // x missing: p = a9·y, then y = a8·e^(a9·x)
    [InlineData("y*y'' + y'^2 = 0")]          // x missing: (y²)'' = 0
    [InlineData("y'' = y'/x")]                // y missing: p = a8·x
    [InlineData("x*y'' = y' + x^2")]          // y missing, p linear
    [InlineData("y'' = y'^2")]                // y missing, p separable: y = a9 − ln(−x − a8)
    [InlineData("y'' + y'^2 = 0")]
    [InlineData("y'' = exp(-y')")]            // y missing: p = ln(x + a8)
    public void Every_answer_is_a_verified_general_solution(string equation)
    {
        var problem = InfixParser.ParseEquation(equation);
        var answer = ReducedOrderOdes.TrySolve(problem, TimeSpan.FromSeconds(5));
        Assert.True(answer is not null, $"{equation}: no answer");
        Assert.True(ExprParts.Contains(answer!, "a8") && ExprParts.Contains(answer!, "a9"), $"{equation}: {answer} lacks a constant");
        var verdict = OdeVerifier.Check(problem, answer!, TimeSpan.FromSeconds(5));
        Assert.True(verdict.Accepted, $"{equation}: {answer} ({verdict.Reason})");
    }

    [Theory]
    [InlineData("y'' + y^2 = sin(x)")]        // neither y nor x is missing
    [InlineData("y' = y^2")]                  // first order: not this rule's
    [InlineData("y'' + a8*y' = 0")]           // names a constant the answer would use
    public void Other_equations_get_no_answer(string equation) =>
        Assert.Null(ReducedOrderOdes.TrySolve(InfixParser.ParseEquation(equation), TimeSpan.FromSeconds(5)));

    [Fact]
    public void An_exhausted_budget_gives_no_answer_rather_than_a_late_one() =>
        Assert.Null(ReducedOrderOdes.TrySolve(InfixParser.ParseEquation("x*y'' = y' + x^2"), TimeSpan.FromTicks(1)));

    /// <summary>y'' = F(x, y') and y'' = F(y, y') drawn from shapes: the rule may decline, but what it answers verifies.</summary>
    [Fact]
    public void Random_reducible_equations_are_never_answered_wrong()
    {
        string[] g = ["1", "t", "1/t", "-2", "exp(t)", "t^2"];
        string[] h = ["u", "u^2", "-u", "u^3", "1/u", "exp(u)", "sqrt(u)"];
        var tally = new OdeTally();
        // y missing: y'' = g(x)·h(y'); x missing: y'' = g(y)·h(y')
        Prop.ForAll(Gen.Elements(g).ToArbitrary(), Gen.Elements(h).ToArbitrary(), Gen.Elements(true, false).ToArbitrary(), (gg, hh, missingY) =>
            RuleChecks.NotWrong($"y'' = ({gg.Replace("t", missingY ? "x" : "y")})*({hh.Replace("u", "y'")})", ReducedOrderOdes.TrySolve, tally))
            .Check(Fuzz.Config.WithMaxTest(100));
        Assert.True(tally.Solved >= tally.Tried / 4, $"only {tally.Solved} of {tally.Tried} solved");
    }
}
