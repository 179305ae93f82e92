using SymSeq.Expressions;

namespace SymSeq.Tests.Expressions;

public class NumericEquivalenceTests
{
    private static EquivalenceResult Check(string a, string b, NumericEquivalence.Options? o = null) =>
        NumericEquivalence.Check(InfixParser.Parse(a), InfixParser.Parse(b), o);

    [Theory]
    [InlineData("sin(x)^2 + cos(x)^2", "1")]
    [InlineData("ln(x^2)", "2*ln(abs(x))")]
    [InlineData("sqrt(x)*sqrt(x)", "x")] // only defined for x >= 0; negative points are skipped
    [InlineData("asin(x) + acos(x)", "pi/2")] // only on [-1, 1]
    public void Identities_hold(string a, string b) => Assert.Equal(Equivalence.Equal, Check(a, b).Verdict);

    [Theory]
    [InlineData("sin(x)", "cos(x)")]
    [InlineData("x^2", "x^2 + 0.001")]
    [InlineData("ln(x)", "ln(x) + 1")]
    public void Differences_are_found(string a, string b) => Assert.Equal(Equivalence.Different, Check(a, b).Verdict);

    [Fact]
    public void Functions_defined_only_off_the_real_line_are_compared_in_the_complex_plane()
    {
        // acosh(x) for x in (-1, 1) is complex; both sides are never real together on small ranges.
        var o = NumericEquivalence.Default with { Range = 0.5 };
        Assert.Equal(Equivalence.Equal, Check("sqrt(-1 - x^2)^2", "-1 - x^2", o).Verdict);
        Assert.Equal(Equivalence.Inconclusive, Check("sqrt(-1 - x^2)", "0", o with { AllowComplex = false }).Verdict);
    }

    [Fact]
    public void Up_to_a_constant()
    {
        var o = NumericEquivalence.Default with { UpToConstant = true };
        Assert.True(Check("sin(x)^2", "-cos(x)^2", o).IsEqual);
        Assert.False(Check("sin(x)^2", "cos(x)^2", o).IsEqual);
    }
}
