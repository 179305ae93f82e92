using SymSeq.Algebra;
namespace SymSeq.Tests.Solving;

/// <summary>Polynomials over xᵐ·(a·x + b) with constants that are not numbers, through BasicIntegrals (LinearDenominators).</summary>
public class LinearDenominatorsTests
{
    private static Expr P(string s) => RuleChecks.Canonical(s);

    [Theory]
    [InlineData("4*(x^3/(x + x^2*tan(4)))")]
    [InlineData("x/(x - sqrt(2))")]
    [InlineData("x^2/(x - x*exp(tan(4)))")]
    [InlineData("x/(1/5*x + 1/5*atan(3))")]
    [InlineData("1/(x^2*(x+pi))")]
    [InlineData("(x+1)/(x^3*(2*x-sin(1)))")]
    public void Named_cases_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Theory]
    [InlineData("1/(x^2 + pi)")]        // not linear
    [InlineData("sin(x)/(x + pi)")]     // not a polynomial over it
    [InlineData("1/(x + 2)")]           // numbers only: the table and partial fractions
    public void Other_shapes_are_declined(string integrand) => Assert.Null(LinearDenominators.TryIntegrate(P(integrand)));

    /// <summary>p(x)/(xᵐ·(a·x + c)) for random p, m, a and a constant c of a few kinds: always integrated, always verified.</summary>
    [Fact]
    public void Random_polynomials_over_symbolic_linear_factors_verify()
    {
        string[] constants = ["sqrt(2)", "pi", "tan(3)", "exp(1/2)", "-ln(5)", "atan(2)/3"];
        var poly = Gen.Choose(0, 4).SelectMany(d => Gen.ArrayOf(Gen.Choose(-3, 3).Select(v => new Rational(v)), d + 1)).Select(c => new Polynomial(c));
        var shape = Gen.Choose(-3, 3).Where(a => a != 0).SelectMany(a => Gen.Choose(0, 2).Select(m => (a, m)));
        Prop.ForAll(poly.ToArbitrary(), shape.ToArbitrary(), Gen.Elements(constants).ToArbitrary(), (p, am, c) =>
        {
            if (p.IsZero) return true.ToProperty();
            var f = P($"({p})/(x^{am.m}*({am.a}*x + {c}))");
            var integral = RuleChecks.IntegrateLikeDecomposition(f);
            return (integral is not null && RuleChecks.HoldsSomewhere(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(100));
    }
}
