namespace SymSeq.Tests.Expressions;

public class DerivativeTests
{
    private static Expr D(string s) => Simplifier.Simplify(Derivative.Of(InfixParser.Parse(s)));

    [Theory]
    [InlineData("x*cos(x)", "cos(x) - x*sin(x)")]
    [InlineData("x^3", "3*x^2")]
    [InlineData("ln(x)", "1/x")]
    [InlineData("exp(2*x)", "2*exp(2*x)")]
    [InlineData("sqrt(x)", "1/(2*sqrt(x))")]
    [InlineData("atan(x)", "1/(1 + x^2)")]
    [InlineData("a0*x + a1", "a0")]
    [InlineData("x^x", "x^x*(ln(x) + 1)")]
    public void Known_derivatives(string f, string expected)
    {
        var d = D(f);
        Assert.True(NumericEquivalence.AreEqual(d, InfixParser.Parse(expected)), $"d/dx {f} = {d}, expected {expected}");
    }

    [Fact]
    public void Derivative_of_the_unknown_function_raises_its_order()
    {
        Assert.Equal(new Unknown(1), Derivative.Of(new Unknown(0)));
        Assert.Equal(new Unknown(2), Derivative.Of(new Unknown(1)));
        Assert.True(NumericEquivalence.AreEqual(D("x^2*f'(x)"), InfixParser.Parse("x^2*f''(x) + 2*x*f'(x)")));
        Assert.Throws<NotSupportedException>(() => Derivative.Of(new Unknown(2)));
    }

    [Fact]
    public void Every_operator_has_a_rule_that_matches_finite_differences()
    {
        foreach (var op in Operators.Values.Where(o => o.IsUnary() && o != Operator.Sign))
        {
            var f = new Op(op, Expr.Int(3) / (Expr.X + Expr.Int(2)) + new Num(new Rational(1, 5)));
            // Test at grid points inside the function's real domain (every function has some).
            var grid = Enumerable.Range(-8, 80).Select(i => i * 0.37 + 0.01)
                .Where(x => double.IsFinite(CentralDifference(f, x, 1e-3)) && Math.Abs(Evaluator.Eval(Derivative.Of(f), x)) < 1e3)
                .ToArray();
            Assert.True(grid.Length >= 3, $"{op}: no points in domain");
            AssertMatchesFiniteDifference(f, grid);
        }
        foreach (var op in new[] { Operator.Pow, Operator.Rac, Operator.Div, Operator.Sub })
            AssertMatchesFiniteDifference(new Op(op, Expr.X + Expr.Int(3), Expr.X * Expr.X + Expr.One), [0.3, 0.7, 1.9]);
    }

    private static void AssertMatchesFiniteDifference(Expr f, double[] points)
    {
        var d = Derivative.Of(f);
        foreach (var x in points)
        {
            var fd = CentralDifference(f, x, 1e-5);
            var exact = Evaluator.Eval(d, x);
            Assert.True(Math.Abs(fd - exact) <= 1e-5 * Math.Max(1, Math.Abs(exact)), $"d/dx {f} at {x}: rule {exact}, finite difference {fd}");
        }
    }

    private static double CentralDifference(Expr f, double x, double h) =>
        (Evaluator.Eval(f, x + h) - Evaluator.Eval(f, x - h)) / (2 * h);

    [Fact]
    public void Random_trees_match_finite_differences_where_smooth()
    {
        var checkedPoints = 0;
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 6), Gen.Choose(-300, 300).ToArbitrary(), (f, xi) =>
        {
            var x = xi / 97.0;
            var exact = Evaluator.Eval(Derivative.Of(f), x);
            var fd1 = CentralDifference(f, x, 1e-4);
            var fd2 = CentralDifference(f, x, 1e-5);
            // Skip points near singularities or kinks: the two step sizes must already agree.
            if (!double.IsFinite(exact) || !double.IsFinite(fd1) || !double.IsFinite(fd2) || Math.Abs(exact) > 1e6) return;
            if (Math.Abs(fd1 - fd2) > 1e-4 * Math.Max(1, Math.Abs(fd2))) return;
            // Finite differences of large values lose all their digits to rounding (|f| eps / h).
            var fx = Evaluator.Eval(f, x);
            if (Math.Abs(fx) > 1e5) return;
            // Ill-conditioned points (csc of 8e15, say) make finite differences meaningless: skip them when
            // perturbing every intermediate by 1e-14 already moves f by more than 1e-9.
            var slots = new double[Symbols.SlotCount];
            slots[0] = x;
            if (!(Math.Abs(Evaluator.EvalPerturbed(f, slots, 1e-14) - fx) <= 1e-9 * Math.Max(1, Math.Abs(fx)))) return;
            checkedPoints++;
            Assert.True(Math.Abs(exact - fd2) <= 1e-4 * Math.Max(1, Math.Abs(exact)), $"d/dx {f} at {x}: {exact} vs {fd2}");
        }).Check(Fuzz.Config.WithMaxTest(400));
        Assert.True(checkedPoints > 100, $"only {checkedPoints} smooth points checked");
    }
}
