namespace SymSeq.Tests.Solving;

public class SeparableOdesTests
{
    [Theory]
    [InlineData("y' = y^2")]                     // −1/y = x + a8
    [InlineData("y' = exp(x - y)")]              // the exponential splits into eˣ·e^(−y)
    [InlineData("y' = 1 + y^2")]                 // atan
    [InlineData("y' = x*y^2 + x")]               // factors only after reading R at points: x·(y² + 1)
    [InlineData("y' = x/y")]                     // a square root branch
    [InlineData("y' = cos(x)/sin(y)")]
    [InlineData("y' = 1 - y^2")]                 // atanh
    [InlineData("y' = (y^2 + 2*y + 5)*x")]       // completing the square
    [InlineData("y' = 1/(x*y)")]
    [InlineData("x*y' = y^3")]                   // y' not alone
    [InlineData("y'*exp(y) = 2*x")]
    [InlineData("y' = sqrt(1 + y^2)")]          // ln(y + √(y² + 1)) read as asinh y, so y occurs once
    [InlineData("y' = x*sqrt(y^2 - 1)")]         // acosh
    public void Every_answer_is_a_verified_general_solution(string equation) => RuleChecks.AssertSolved(equation, SeparableOdes.TrySolve);

    /// <summary>Textbook answers that hold on one side of a point only: (x + a8)²/4 for y' = √y needs x &gt; −a8, sin(x + a8) for y' = √(1 − y²) needs cos(x + a8) ≥ 0.</summary>
    [Theory]
    [InlineData("y' = sqrt(y)")]
    [InlineData("y' = sqrt(1 - y^2)")]
    public void Answers_that_hold_on_part_of_the_line_are_reported_as_such(string equation) =>
        RuleChecks.AssertSolvedOnPartOfTheLine(equation, SeparableOdes.TrySolve);

    [Theory]
    [InlineData("y' = x + y^2")]                 // Riccati: does not separate
    [InlineData("y' = sin(x*y)")]
    [InlineData("y' = exp(y^2)")]                // ∫ e^(−y²) dy is not elementary
    [InlineData("y'^2 = y")]                     // not linear in y'
    [InlineData("y'' = y^2")]                    // second order
    [InlineData("y' = y + sin(y)")]              // separates, but 1/(y + sin y) has no basic integral
    [InlineData("y' = x")]                       // no y: an integral, not this rule's business
    public void Other_equations_get_no_answer(string equation) =>
        Assert.Null(SeparableOdes.TrySolve(InfixParser.ParseEquation(equation), TimeSpan.FromSeconds(5)));

    [Fact]
    public void An_exhausted_budget_gives_no_answer_rather_than_a_late_one() =>
        Assert.Null(SeparableOdes.TrySolve(InfixParser.ParseEquation("y' = x*y^2 + x"), TimeSpan.FromTicks(1)));

    /// <summary>
    /// y' = k·g(x)·h(y) for g of the integral table and h whose reciprocal integrates to something y can be solved from:
    /// always solved, and the answer verifies (right on some interval at least: with √y, (x + a8)² holds for x &gt; −a8 only).
    /// </summary>
    [Fact]
    public void Random_separable_equations_are_solved_and_verified()
    {
        string[] g = ["1", "x", "x^2", "1/x", "exp(2*x)", "cos(x)", "sin(3*x)", "sqrt(x)", "1/(1 + x^2)"];
        string[] h = ["y^2", "y^3", "1/y", "exp(y)", "exp(-2*y)", "1 + y^2", "4 + y^2", "sqrt(y)", "1/y^2", "cos(y)^0*y^4"];
        Prop.ForAll(Gen.Elements(g).ToArbitrary(), Gen.Elements(h).ToArbitrary(), Gen.Elements(-3, -1, 2, 5).ToArbitrary(), (gx, hy, k) =>
        {
            var text = $"y' = ({k})*({gx})*({hy})";
            var problem = InfixParser.ParseEquation(text);
            var answer = SeparableOdes.TrySolve(problem, TimeSpan.FromSeconds(5));
            var verdict = answer is null ? null : OdeVerifier.Check(problem, answer, TimeSpan.FromSeconds(5));
            return (verdict?.HoldsOnSomeInterval == true && (verdict.Accepted || hy == "sqrt(y)")).Label($"{text} -> {answer} ({verdict?.Reason})");
        }).Check(Fuzz.Config.WithMaxTest(120));
    }

    /// <summary>y' = g(x)·h(y) + e(x, y) for random shapes, most not separable: declined or verified, never wrong.</summary>
    [Fact]
    public void Answers_are_never_wrong()
    {
        string[] shapes = ["0", "1", "x", "y", "y^2", "x*y", "exp(y)", "exp(x + y)", "sin(y)", "cos(x)", "1/y", "sqrt(1 - y^2)", "y/x", "x^2 + y^2", "ln(y)"];
        Prop.ForAll(Gen.Elements(shapes).ToArbitrary(), Gen.Elements(shapes).ToArbitrary(), Gen.Elements(shapes).ToArbitrary(), (a, b, c) =>
        {
            var text = $"y' = ({a})*({b}) + {c}";
            var problem = InfixParser.ParseEquation(text);
            if (!ExprParts.ContainsUnknown(Problems.Canonical(problem))) return true.Label("no y");
            var answer = SeparableOdes.TrySolve(problem, TimeSpan.FromSeconds(5));
            if (answer is null) return true.Label("declined");
            var verdict = OdeVerifier.Check(problem, answer, TimeSpan.FromSeconds(5));
            // right on some interval at least: sin(x + a8) solves y' = √(1 − y²) only where cos(x + a8) ≥ 0
            return verdict.HoldsOnSomeInterval.Label($"{text} -> {answer} ({verdict.Reason})");
        }).Check(Fuzz.Config.WithMaxTest(200));
    }
}
