namespace SymSeq.Tests.Solving;

/// <summary>y' = R(x, y) through one u = k·y + g(x), by the separable rule on u' = k·R + g′ (ShiftedOdes).</summary>
public class ShiftedOdesTests
{
    [Theory]
    [InlineData("y' = (x + y)^2")]                     // u = x + y: u' = 1 + u², y = tan(x + a8) − x
    [InlineData("y' = (x - y + 1)^2")]                 // u' = 1 − u²
    [InlineData("y' = sin(x - y)")]                    // u' = 1 − sin u, by the tangent half-angle
    [InlineData("y' = exp(x + y) - 1")]                // u' = e^u
    [InlineData("y' = 1 + (x + y)^2")]                 // u' = 2 + u²
    public void Every_answer_is_a_verified_general_solution(string equation) => RuleChecks.AssertSolved(equation, ShiftedOdes.TrySolve);

    [Theory]
    [InlineData("y' = -x + sqrt(2*y + x^2)")]          // u = 2y + x², u' = 2√u: y = ((x + c)² − x²)/2 holds where x + c > 0
    [InlineData("y' = -sqrt(4*x + 4*y + 1) - 1")]      // u = 4x + 4y + 1, u' = −4√u
    public void Square_roots_give_solutions_on_part_of_the_line(string equation) =>
        RuleChecks.AssertSolvedOnPartOfTheLine(equation, ShiftedOdes.TrySolve);

    [Theory]
    [InlineData("y' = x*y")]                           // no function of x and y together
    [InlineData("y' = sin(x*y)")]                      // x·y is not linear in y with a constant k
    [InlineData("y' = sqrt(2*x + y + 1)")]             // u' = 2 + √u separates, but 2√u − 4·ln(2 + √u) = x + a8 has no explicit u
    [InlineData("y'' = (x + y)^2")]                    // second order
    public void Other_equations_get_no_answer(string equation) =>
        Assert.Null(ShiftedOdes.TrySolve(InfixParser.ParseEquation(equation), TimeSpan.FromSeconds(5)));

    /// <summary>y' = k·G(x + m·y) − 1/m for G of a few shapes: whatever the rule answers holds, and most are answered.</summary>
    [Fact]
    public void Random_shifted_equations_are_never_answered_wrong()
    {
        string[] g = ["U^2", "exp(U)", "1 + U^2", "cos(U)^2", "1/U", "tan(U)", "U^3"];
        var tally = new OdeTally();
        Prop.ForAll(Gen.Elements(g).ToArbitrary(), Gen.Choose(-3, 3).Where(k => k != 0).ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (shape, k, m) =>
            RuleChecks.NotWrong($"y' = ({k})*({shape.Replace("U", $"(x + {m}*y)")}) - 1/{m}", ShiftedOdes.TrySolve, tally))
            .Check(Fuzz.Config.WithMaxTest(40));
        Assert.True(tally.Solved * 2 >= tally.Tried, $"only {tally.Solved} of {tally.Tried} solved");
    }
}
