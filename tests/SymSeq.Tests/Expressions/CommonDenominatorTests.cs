namespace SymSeq.Tests.Expressions;

public class CommonDenominatorTests
{
    [Fact]
    public void A_sum_with_a_root_in_a_denominator_goes_over_that_root_and_then_cancels()
    {
        var derivative = Simplifier.Simplify(InfixParser.Parse("1 + x/sqrt(x^2 + 1)"));
        var together = CommonDenominator.Together(derivative);
        Assert.True(together is Op { Kind: Operator.Div }, $"{together}");
        // over one denominator, the numerator is v itself and v′/v cancels to 1/√(x² + 1)
        var ratio = Simplifier.Simplify(together / Simplifier.Simplify(InfixParser.Parse("x + sqrt(x^2 + 1)")));
        Assert.Equal(Simplifier.Simplify(InfixParser.Parse("1/sqrt(x^2 + 1)")), ratio);
    }

    [Theory]
    [InlineData("x^2 + 3*x")]       // no denominator
    [InlineData("sin(x)/x")]        // not a sum
    public void Anything_else_is_left_as_it_is(string e)
    {
        var canonical = Simplifier.Simplify(InfixParser.Parse(e));
        Assert.Same(canonical, CommonDenominator.Together(canonical));
    }

    /// <summary>Random sums of quotients: the sum over one denominator has the same values.</summary>
    [Fact]
    public void Together_keeps_the_values()
    {
        var quotient = ExprGen.Arb(ExprGen.FaithfulUnary, maxOps: 3).Generator.Two()
            .Select(pair => (Expr)new Op(Operator.Div, pair.Item1, pair.Item2));
        Prop.ForAll(Gen.ArrayOf(quotient, 3).ToArbitrary(), terms =>
        {
            Expr sum;
            try { sum = Simplifier.Simplify(ExprParts.Sum(terms)); }
            catch (Exception e) when (e is UndefinedExpressionException or DivideByZeroException or SymbolicTimeoutException) { return true.ToProperty(); }
            var together = CommonDenominator.Together(sum);
            var verdict = NumericEquivalence.Check(sum, together).Verdict;
            return (verdict != Equivalence.Different).Label($"{sum} -> {together}: {verdict}");
        }).Check(Fuzz.Config.WithMaxTest(200));
    }
}
