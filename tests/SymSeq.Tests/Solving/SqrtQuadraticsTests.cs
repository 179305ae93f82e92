using SymSeq.Algebra;
namespace SymSeq.Tests.Solving;

/// <summary>Polynomials over or times the root of a quadratic, powers of x, and inverse functions by parts, through BasicIntegrals.</summary>
public class SqrtQuadraticsTests
{
    private static Expr P(string s) => RuleChecks.Canonical(s);

    [Theory]
    [InlineData("x^2/sqrt(1-x^2)")]
    [InlineData("x*sqrt(4-x^2)")]
    [InlineData("x^3/sqrt(x^2+1)")]
    [InlineData("x^2*sqrt(x^2-4)")]
    [InlineData("(x+1)/sqrt(x^2+2*x+5)")]
    [InlineData("x^2*asin(x)")]
    [InlineData("(x+5)*asin(x)")]
    [InlineData("x*acos(x)")]
    [InlineData("x*asinh(x)")]
    [InlineData("x*sqrt(10*x)")]
    [InlineData("sqrt(2*x)/x^3")]
    [InlineData("sqrt(x)*ln(x)")]
    [InlineData("x^(3/2)*ln(x)^2")]
    public void Named_cases_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Theory]
    [InlineData("sqrt(x^2)")]            // |x|, not x
    [InlineData("sqrt(-2*x)*x")]         // a negative multiple does not split off
    [InlineData("x/sqrt(x^3+1)")]        // not a quadratic
    [InlineData("1/sqrt(-x^2-1)")]       // no real values
    public void Roots_that_do_not_split_or_reduce_are_declined_or_verify(string integrand)
    {
        var f = P(integrand);
        var integral = BasicIntegrals.TryIntegrate(f);
        Assert.True(integral is null || RuleChecks.VerifiesEverywhere(f, integral), $"{integrand}: wrong answer {integral}");
    }

    /// <summary>p(x)·q^(±½) for random polynomials p and quadratics q: answered whenever ∫1/√q is in the table, every answer verifies.</summary>
    [Fact]
    public void Random_polynomials_over_roots_of_quadratics_verify()
    {
        var quadratic = Gen.Choose(-3, 3).Where(a => a != 0).SelectMany(a => Gen.Choose(-4, 4).SelectMany(b => Gen.Choose(-5, 5).Select(c => (a, b, c))));
        var poly = Gen.Choose(0, 4).SelectMany(d => Gen.ArrayOf(Gen.Choose(-3, 3).Select(v => new Rational(v)), d + 1)).Select(c => new Polynomial(c));
        var answered = 0;
        Prop.ForAll(quadratic.ToArbitrary(), poly.ToArbitrary(), Gen.Elements(-1, 1).ToArbitrary(), (q, p, sign) =>
        {
            if (p.IsZero) return true.ToProperty();
            var (a, b, c) = q;
            var f = P($"({p})*({a}*x^2 + {b}*x + {c})^({sign}/2)");
            var integral = RuleChecks.IntegrateLikeDecomposition(f);
            // a > 0 always has ∫1/√q; a < 0 needs a positive maximum, c − b²/4a > 0
            var expected = a > 0 || c - b * b / (4.0 * a) > 0;
            if (integral is not null) answered++;
            return (integral is null ? !expected : RuleChecks.HoldsSomewhere(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(100));
        Assert.True(answered > 40, $"only {answered} answered");
    }
}
