namespace SymSeq.Tests.Solving;

/// <summary>Rational functions of e^(k·x) (sinh, cosh and tanh included) by t = e^(g·x), through BasicIntegrals (ExponentialSubstitution).</summary>
public class ExponentialSubstitutionTests
{
    [Theory]
    [InlineData("1/(exp(x) + 1)")]
    [InlineData("exp(x)/(1 + exp(2*x))")]
    [InlineData("1/(1 + exp(-x))")]
    [InlineData("exp(2*x)/(exp(x) + 1)")]
    [InlineData("1/(exp(x) - exp(-x))")]
    [InlineData("1/(exp(x/2) + 1)")]
    [InlineData("exp(3*x)/(exp(x) + 2)^2")]
    [InlineData("1/cosh(x)")]
    [InlineData("1/(2 + cosh(x))")]
    [InlineData("sinh(x)/(1 + cosh(x))")]
    [InlineData("1/(sinh(x) + cosh(x))")]
    [InlineData("sqrt(exp(x) - 1)")]          // an exponential under a root: t = eˣ, then the rules on 2√(t − 1)/t
    [InlineData("1/sqrt(exp(2*x) - 1)")]
    [InlineData("exp(x)/sqrt(1 - exp(2*x))")]
    [InlineData("sqrt(exp(2*x) + 1)")]
    [InlineData("1/(exp(2*x + 1) + 1)")]
    [InlineData("1/cosh(3*x - 2)")]
    public void Named_cases_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Theory]
    [InlineData("x/(exp(x) + 1)")]           // x outside the exponentials: not elementary
    [InlineData("1/(exp(x^2) + 1)")]         // a rate that is not a number
    [InlineData("1/(exp(x) + exp(sqrt(2)*x))")]
    public void Other_shapes_are_declined(string integrand) =>
        Assert.Null(ExponentialSubstitution.TryIntegrate(RuleChecks.Canonical(integrand)));

    /// <summary>c·e^(j·k·x)/(a + b·e^(k·x)) for random a, b, c, j, k: nearly always integrated, and every answer verifies.</summary>
    [Fact]
    public void Random_quotients_of_exponentials_verify()
    {
        var tally = new IntegrationTally(BasicIntegrals.TryIntegrateSum);
        var ab = Gen.Choose(-5, 5).SelectMany(a => Gen.Choose(-5, 5).Select(b => (a, b)));
        var rates = Gen.Choose(-2, 3).SelectMany(j => Gen.Elements("1", "2", "1/2", "-3").Select(k => (j, k)));
        Prop.ForAll(ab.ToArbitrary(), rates.ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), (coefficients, jk, c) =>
        {
            var (a, b) = coefficients;
            var (j, k) = jk;
            if (a == 0 || b == 0) return true.ToProperty();
            var f = RuleChecks.Canonical($"{c}*exp({j}*({k})*x)/({a} + {b}*exp(({k})*x))");
            return tally.Check(f);
        }).Check(Fuzz.Config.WithMaxTest(120));
        tally.AssertIntegratedAtLeast(3, 4);
    }

    /// <summary>(a + b·e^(k·x))^(n/2)·e^(j·k·x) for random a, b, j, k and odd n: nearly always integrated, and every answer verifies.</summary>
    [Fact]
    public void Random_roots_of_exponentials_verify()
    {
        var tally = new IntegrationTally(BasicIntegrals.TryIntegrateSum);
        var ab = Gen.Choose(-4, 4).SelectMany(a => Gen.Choose(-3, 3).Select(b => (a, b)));
        var shape = Gen.Choose(-1, 2).SelectMany(j => Gen.Elements("1", "2", "-1").SelectMany(k => Gen.Elements(-1, 1, 3).Select(n => (j, k, n))));
        Prop.ForAll(ab.ToArbitrary(), shape.ToArbitrary(), (coefficients, jkn) =>
        {
            var (a, b) = coefficients;
            var (j, k, n) = jkn;
            if (a == 0 || b == 0) return true.ToProperty();
            var f = RuleChecks.Canonical($"({a} + {b}*exp(({k})*x))^({n}/2)*exp({j}*({k})*x)");
            return tally.Check(f);
        }).Check(Fuzz.Config.WithMaxTest(120));
        tally.AssertIntegratedAtLeast(2, 3);
    }
}
