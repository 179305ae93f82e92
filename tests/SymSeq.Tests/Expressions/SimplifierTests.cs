namespace SymSeq.Tests.Expressions;

public class SimplifierTests
{
    private static string S(string s) => Simplifier.Simplify(InfixParser.Parse(s)).ToString();

    [Theory]
    [InlineData("x + x", "2*x")]
    [InlineData("x*x*x", "x^3")]
    [InlineData("x - x", "0")]
    [InlineData("x/x", "1")]
    [InlineData("2*(x + 1) - 2", "2*x")]
    [InlineData("1/2 + 1/3", "5/6")]
    [InlineData("sqrt(4)", "2")]
    [InlineData("8^(2/3)", "4")]
    [InlineData("exp(ln(x))", "x")]
    [InlineData("ln(exp(x))", "x")]
    [InlineData("exp(2*ln(x))", "x^2")]
    [InlineData("sin(-x)", "-sin(x)")]
    [InlineData("cos(-x)", "cos(x)")]
    [InlineData("cos(2*pi)", "1")]
    [InlineData("sin(0) + cos(0)", "1")]
    [InlineData("exp(x)*exp(2*x)", "exp(3*x)")]
    [InlineData("sqrt(x)*sqrt(x)", "x")]
    [InlineData("(x*y)^2", "x^2*y^2")]
    [InlineData("(x^2)^3", "x^6")]
    [InlineData("abs(-3)", "3")]
    [InlineData("y*x + x*y", "2*x*y")]
    [InlineData("E^x", "exp(x)")]
    [InlineData("pow2(x) + pow3(x)", "x^2 + x^3")]
    [InlineData("inv(x)*x", "1")]
    public void Canonical_forms(string input, string expected) => Assert.Equal(expected, S(input));

    [Fact]
    public void Canonical_form_does_not_depend_on_argument_order()
    {
        Assert.Equal(S("sin(x) + x^2 + 3"), S("3 + x^2 + sin(x)"));
        Assert.Equal(S("a0*x*cos(x)"), S("cos(x)*x*a0"));
    }

    [Fact]
    public void Undefined_values_are_reported()
    {
        Assert.Throws<UndefinedExpressionException>(() => Simplifier.Simplify(InfixParser.Parse("1/0")));
        Assert.Throws<UndefinedExpressionException>(() => Simplifier.Simplify(InfixParser.Parse("ln(0)")));
        Assert.False(Simplifier.TrySimplify(InfixParser.Parse("x + 0^(-2)"), out _));
    }

    [Fact]
    public void Huge_exact_powers_stay_symbolic()
    {
        var e = Simplifier.Simplify(InfixParser.Parse("9^(9^9)"));
        Assert.IsType<Op>(e);
    }

    [Fact]
    public void A_spent_budget_stops_simplification()
    {
        var big = Enumerable.Range(0, 2000).Aggregate((Expr)Expr.X, (acc, i) => new Op(Operator.Add, acc, new Op(Operator.Sin, Expr.Int(i) * Expr.X)));
        Assert.Throws<SymbolicTimeoutException>(() => Simplifier.Simplify(big, TimeSpan.Zero));
    }

    [Fact]
    public void Simplify_preserves_values_at_random_points()
    {
        var compared = 0;
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 10, allowNegative: true), e =>
        {
            if (!Simplifier.TrySimplify(e, out var s)) return;
            var r = NumericEquivalence.Check(e, s, NumericEquivalence.RealValues);
            if (r.Verdict == Equivalence.Inconclusive) return;
            compared++;
            Assert.True(r.IsEqual, $"{e}  ->  {s}  ({r})");
        }).Check(Fuzz.Config.WithMaxTest(500));
        Assert.True(compared > 200, $"only {compared} comparisons were conclusive");
    }

    [Fact]
    public void Simplify_is_idempotent()
    {
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 10, allowNegative: true), e =>
        {
            if (!Simplifier.TrySimplify(e, out var s)) return;
            Assert.Equal(s, Simplifier.Simplify(s));
        }).Check(Fuzz.Config.WithMaxTest(500));
    }

    [Fact]
    public void Prefix_round_trip_of_canonical_forms_is_exact_on_tokens()
    {
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 10, allowNegative: true), e =>
        {
            if (!Simplifier.TrySimplify(e, out var s)) return;
            var tokens = PrefixCodec.Encode(s);
            Assert.Equal(tokens, PrefixCodec.Encode(PrefixCodec.Decode(tokens)));
            Assert.Equal(s, Simplifier.Simplify(PrefixCodec.Decode(tokens)));
        }).Check(Fuzz.Config.WithMaxTest(500));
    }
}
