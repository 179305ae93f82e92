using SymSeq.Algebra;
namespace SymSeq.Tests.Solving;

/// <summary>e^(αx+β) times a rational function, integrated as e^(αx+β)·f with α·f + f′ = r when such an f exists (ExponentialRational).</summary>
public class ExponentialRationalTests
{
    [Theory]
    [InlineData("x*exp(x)/(x + 1)^2")]
    [InlineData("exp(x)*(1/x - 1/x^2)")]
    [InlineData("exp(2*x)*(2*x^2 - 2*x + 1)/x^2")]
    [InlineData("exp(1 - x)*(1 - x - x^2 - x^3)/(x^2 + 1)^2")]   // exp(1 − x)·x/(x² + 1)
    public void Named_products_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Theory]
    [InlineData("exp(x)/x")]                    // the exponential integral
    [InlineData("exp(x)/(x^2 + 1)")]            // a factor appears once
    [InlineData("exp(x)/x^2")]                  // f would be c/x, and α·c/x leaves 1/x
    public void Non_elementary_products_are_declined(string integrand) =>
        Assert.Null(BasicIntegrals.TryIntegrateSum(RuleChecks.Canonical(integrand)));

    /// <summary>
    /// For a random f = A/B (B a product of (x − c)ᵉ and maybe x² + 1) and α, r = α·f + f′ reduced to N/D: Solve finds an f
    /// equal to A/B, and the integral of e^(αx)·r the rule writes verifies.
    /// </summary>
    [Fact]
    public void Every_exponential_times_a_derivative_form_is_found()
    {
        var coefficient = Gen.Choose(-4, 4).Select(c => new Rational(c));
        var numerator = Gen.ArrayOf(coefficient, 3).Select(c => new Polynomial(c)).Where(p => !p.IsZero);
        var root = Gen.Choose(-3, 3).Select(c => new Polynomial([new Rational(-c), Rational.One]));
        var denominator = Gen.Choose(1, 2).SelectMany(k => Gen.ArrayOf(root, k)).SelectMany(roots => Gen.Elements(true, false).Select(quadratic =>
            roots.Aggregate(quadratic ? new Polynomial([Rational.One, Rational.Zero, Rational.One]) : Polynomial.One, (p, q) => p * q)));
        var alpha = Gen.Elements(new Rational(1), new Rational(-1), new Rational(2), new Rational(1, 2));
        Prop.ForAll(numerator.ToArbitrary(), denominator.ToArbitrary(), alpha.ToArbitrary(), (a, b, al) =>
        {
            // r = α·A/B + (A′B − AB′)/B² = (α·A·B + A′·B − A·B′)/B²
            var top = (al * a * b) + (a.Derivative() * b) - (a * b.Derivative());
            if (top.IsZero) return true.ToProperty();
            var g = Polynomial.Gcd(top, b * b);
            var (n, d) = (Polynomial.DivRem(top, g).Quotient, Polynomial.DivRem(b * b, g).Quotient);
            if (d.Degree < 1) return true.ToProperty();
            var found = ExponentialRational.Solve(al * Rational.One, (Rational.One / d.Lead) * n, (Rational.One / d.Lead) * d);
            var same = found is var (fa, fb) && (fa * b).Equals(a * fb);
            var integrand = Simplifier.Simplify(Expr.Call(Operator.Exp, new Num(al) * Expr.X) * n.ToExpr() / d.ToExpr());
            var integral = ExponentialRational.TryIntegrate(integrand) ?? BasicIntegrals.TryIntegrateSum(integrand);
            return (same && integral is not null && RuleChecks.HoldsSomewhere(integrand, integral))
                .Label($"f = {a}/({b}), α = {al}: found {found}, ∫ {integrand} = {integral}");
        }).Check(Fuzz.Config.WithMaxTest(80));
    }
}
