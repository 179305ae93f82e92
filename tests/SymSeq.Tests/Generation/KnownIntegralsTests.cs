using SymSeq.Generation;

namespace SymSeq.Tests.Generation;

public class KnownIntegralsTests
{
    private static Expr P(string s) => Simplifier.Simplify(InfixParser.Parse(s));

    private static KnownIntegrals Table(params (string f, string F)[] pairs)
    {
        var t = new KnownIntegrals(e => Simplifier.Simplify(e));
        foreach (var (f, F) in pairs) t.Add(P(f), P(F));
        return t;
    }

    private static void AssertAntiderivative(Expr? integral, string integrand)
    {
        Assert.NotNull(integral);
        Assert.True(NumericEquivalence.Check(Derivative.Of(integral), P(integrand)).IsEqual, $"d/dx {integral} != {integrand}");
    }

    [Theory]
    [InlineData("sin(x)")]
    [InlineData("-sin(x)")]
    [InlineData("3/4*sin(x)")]
    public void A_pair_is_found_whatever_its_constant_factor(string asked)
    {
        var t = Table(("-sin(x)", "cos(x)"));
        AssertAntiderivative(t.TryIntegrate(P(asked)), asked);
    }

    [Fact]
    public void Sums_integrate_term_by_term_and_constants_to_cx()
    {
        var t = Table(("cos(x)", "sin(x)"), ("exp(x)", "exp(x)"));
        AssertAntiderivative(t.TryIntegrate(P("2*cos(x) - exp(x) + 5")), "2*cos(x) - exp(x) + 5");
        Assert.Null(t.TryIntegrate(P("cos(x) + tan(x)")));
    }

    [Fact]
    public void The_first_pair_for_an_integrand_wins_and_capacity_is_respected()
    {
        var t = new KnownIntegrals(e => Simplifier.Simplify(e), capacity: 1);
        Assert.True(t.Add(P("cos(x)"), P("sin(x)")));
        Assert.False(t.Add(P("2*cos(x)"), P("2*sin(x) + 1")));
        Assert.False(t.Add(P("exp(x)"), P("exp(x)")));
        Assert.Equal(1, t.Count);
        Assert.Null(t.TryIntegrate(P("exp(x)")));
    }
}
