using SymSeq.Generation;

namespace SymSeq.Tests.Generation;

public class ConstantSolverTests
{
    private static Expr? Solve(string f, int seed = 0) =>
        ConstantSolver.Solve(Simplifier.Simplify(InfixParser.Parse(f)), "a8", new Unknown(0), new Random(seed), e => Simplifier.Simplify(e));

    /// <summary>F evaluated with a8 replaced by the solution is Y again, at a few points (x, Y).</summary>
    private static void AssertSolves(string f, Expr solution)
    {
        var F = InfixParser.Parse(f);
        var checkedPoints = 0;
        foreach (var (x, y) in new[] { (0.3, 0.7), (1.7, 2.9), (2.2, -0.4), (-0.8, 1.3) })
        {
            var slots = new double[Symbols.SlotCount];
            slots[Symbols.SlotOf("x")] = x;
            slots[Symbols.UnknownSlot] = y;
            var a8 = Evaluator.Eval(solution, slots);
            if (!double.IsFinite(a8)) continue;
            slots[Symbols.SlotOf("a8")] = a8;
            var back = Evaluator.Eval(F, slots);
            Assert.True(Math.Abs(back - y) < 1e-8 * (1 + Math.Abs(y)), $"F({x}, a8 = {solution}) = {back}, not {y}");
            checkedPoints++;
        }
        Assert.True(checkedPoints >= 2, $"{solution} was undefined at almost every point");
    }

    [Theory]
    [InlineData("a8 + a8*x")]                       // linear: a8 = Y/(x + 1)
    [InlineData("a8/(a8 - cos(x))")]                // linear once the denominator is cleared
    [InlineData("a8 + a8/tan(x)")]
    [InlineData("a8*(a8 + x)")]                     // quadratic: either root
    [InlineData("exp(x)*(a8 + 1/4*(a8*x))")]
    [InlineData("sin(x + a8)")]                     // once: the path is inverted
    public void Solves_for_a_constant_that_is_rational_in_it(string f)
    {
        for (var seed = 0; seed < 4; seed++)
        {
            var solution = Solve(f, seed);
            Assert.NotNull(solution);
            Assert.False(ExprParts.Contains(solution!, "a8"));
            AssertSolves(f, solution!);
        }
    }

    [Theory]
    [InlineData("a8*exp(a8 + x)")]                  // under a function and outside it: no closed form
    [InlineData("a8^5*x + a8")]                     // degree 5
    public void Gives_up_where_no_closed_form_with_x_exists(string f) => Assert.Null(Solve(f));
}
