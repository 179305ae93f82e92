namespace SymSeq.Tests.Solving;

/// <summary>Products and powers of sines and cosines (and sinh, cosh) through BasicIntegrals, which hands them to TrigProducts.</summary>
public class TrigProductsTests
{
    private static Expr P(string s) => RuleChecks.Canonical(s);

    [Theory]
    [InlineData("sin(3*x)*cos(2*x)")]
    [InlineData("cos(x)^4")]
    [InlineData("sin(x)^2*cos(x)^3")]
    [InlineData("x*sin(x)^3")]
    [InlineData("sin(x)*sin(2*x)*sin(3*x)")]
    [InlineData("cos(2*x + 1)*sin(x - 3)")]
    [InlineData("exp(x)*cosh(x)")]
    [InlineData("sinh(x)^2")]
    [InlineData("cos(2*x)*cosh(x)")]
    [InlineData("x^2*sinh(3*x)*cosh(x)")]
    public void Named_products_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Theory]
    [InlineData("sin(x)*cos(2*x)")]
    [InlineData("cos(x)^3*sin(x)^2")]
    [InlineData("sinh(x)*cos(x)")]
    public void The_rewrite_is_the_same_function(string e)
    {
        var f = P(e);
        var rewritten = TrigProducts.Rewrite(f);
        Assert.NotNull(rewritten);
        Assert.True(NumericEquivalence.AreEqual(f, rewritten!), $"{f} became {rewritten}");
    }

    [Theory]
    [InlineData("sin(x)")]                // one factor: the table's
    [InlineData("x*cos(x)")]              // by parts, not a product of sines
    [InlineData("sin(x^2)*cos(x^2)")]     // rewritten, but sin(2x²) has no rule
    public void Nothing_to_reduce_or_nothing_to_gain_is_declined(string e) =>
        Assert.Null(TrigProducts.TryIntegrate(P(e)));

    /// <summary>sin(a·x + b)ᵐ·cos(c·x + d)ⁿ times xᵏ for small random integers: always integrated, always verified.</summary>
    [Fact]
    public void Random_products_of_sines_and_cosines_always_verify()
    {
        var sine = Gen.Choose(1, 4).SelectMany(a => Gen.Choose(-2, 2).SelectMany(b => Gen.Choose(0, 3).Select(m => (a, b, m))));
        Prop.ForAll(sine.ToArbitrary(), sine.ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), (s, c, k) =>
        {
            if (s.m + c.m < 2) return true.ToProperty();
            var f = P($"x^{k}*sin({s.a}*x + {s.b})^{s.m}*cos({c.a}*x + {c.b})^{c.m}");
            var integral = RuleChecks.IntegrateLikeDecomposition(f);
            return (integral is not null && RuleChecks.HoldsSomewhere(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(100));
    }
}
