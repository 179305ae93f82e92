namespace SymSeq.Tests.Solving;

/// <summary>Integer powers of tan, cot, sec, csc and their hyperbolic twins by reduction formulas (TrigPowers), through BasicIntegrals.</summary>
public class TrigPowersTests
{
    [Theory]
    [InlineData("sec(x)")]
    [InlineData("csc(x)")]
    [InlineData("cot(x)")]
    [InlineData("tan(x)^2")]
    [InlineData("tan(x)^5")]
    [InlineData("sec(x)^3")]
    [InlineData("csc(2*x)^4")]
    [InlineData("1/tan(x)^3")]
    [InlineData("cot(3*x + 1)^2")]
    [InlineData("1/cos(x)^5")]
    [InlineData("tanh(x)^4")]
    [InlineData("coth(x)^3")]
    [InlineData("sech(x)")]
    [InlineData("sech(2*x)^3")]
    [InlineData("csch(x)^4")]
    [InlineData("x*sec(x)^2")]            // by parts: p·sec² ends for p of degree 1
    [InlineData("(2*x + 1)*csc(3*x)^2")]
    [InlineData("x*sech(x)^2")]
    public void Named_powers_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Theory]
    [InlineData("tan(x^2)^2")]            // the argument is not affine
    [InlineData("sin(x)^(1/2)")]          // not an integer power (and elliptic)
    [InlineData("x^2*sec(x)^2")]          // by parts leaves ∫x·tan x, which is not elementary
    public void Other_shapes_are_declined(string integrand) => Assert.Null(BasicIntegrals.TryIntegrateSum(RuleChecks.Canonical(integrand)));

    /// <summary>g(k·x + d)ⁿ for each function of the reduction table, random n, k, d: always integrated, always verified.</summary>
    [Fact]
    public void Random_powers_always_verify()
    {
        var functions = Gen.Elements("tan", "cot", "sec", "csc", "tanh", "coth", "sech", "csch", "1/cos", "1/sinh");
        var affine = Gen.Choose(1, 4).SelectMany(k => Gen.Choose(-3, 3).Select(d => (k, d)));
        Prop.ForAll(functions.ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), affine.ToArbitrary(), (g, n, kd) =>
        {
            var (k, d) = kd;
            var f = RuleChecks.Canonical($"({g}({k}*x + {d}))^{n}");
            var integral = BasicIntegrals.TryIntegrateSum(f);
            return (integral is not null && RuleChecks.HoldsSomewhere(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(150));
    }
}
