using SymSeq.Algebra;
namespace SymSeq.Tests.Solving;

public class RationalIntegralsTests
{
    /// <summary>p/q in canonical form: partial fractions integrate it and the answer verifies.</summary>
    private static Property IntegratedAndVerified(Polynomial p, Polynomial q)
    {
        var f = Simplifier.Simplify(new Op(Operator.Div, p.ToExpr(), q.ToExpr()));
        var integral = RationalIntegrals.TryIntegrate(f);
        return (integral is not null && RuleChecks.HoldsSomewhere(f, integral)).Label($"{f} -> {integral}");
    }

    [Theory]
    [InlineData("x/(x^2+3*x+2)")]
    [InlineData("(x+x^2)^3/x^2")]
    [InlineData("1/(x^2-1)")]
    [InlineData("1/(x^3+x)")]
    [InlineData("(x^3+1)/(x^2+x+1)")]
    [InlineData("x^2/(x-1)^3")]
    [InlineData("1/(x^4-1)")]
    [InlineData("(2*x+3)/(x^2+2*x+5)")]
    [InlineData("1/(x^2-2)")]                 // irrational roots: the quadratic stays whole
    [InlineData("(x^4+1)/(x*(x+1)^2*(x^2+1))")]
    [InlineData("1/(3*x^2+12)")]
    [InlineData("1/(x^2+1)^2")]               // repeated quadratics: Hermite's reduction
    [InlineData("x^2/(1+x^2)^2")]
    [InlineData("1/(x^2+2*x+5)^3")]
    [InlineData("(x^3+1)/((x-1)^2*(x^2+1)^2)")]
    [InlineData("1/(x^3+1)^2")]
    [InlineData("1/((x^2+1)*(x^2+4))")]      // two quadratics with rational coefficients
    [InlineData("(x^3-2*x+7)/((x^2+x+1)*(x^2+3)*(x-2))")]
    [InlineData("1/(x^4+x^2+1)")]            // (x² + x + 1)(x² − x + 1), found by Kronecker's method
    [InlineData("1/(x^4+4)")]
    [InlineData("1/(x^4+1)")]                // quartics that factor only over radicals
    [InlineData("x^2/(x^4+1)")]
    [InlineData("(x^3+x^2+x+1)/(x^4+x^2+3)")]
    [InlineData("1/(x^4-2)")]
    [InlineData("1/(x^4-5*x^2+5)")]
    [InlineData("1/(x*(x^4+1))")]
    [InlineData("1/(x^6+1)")]                // (x² + 1)(x⁴ − x² + 1)
    [InlineData("1/((x^4+1)*(x^2+2))")]
    [InlineData("1/(x^4+1)^2")]               // Hermite's reduction leaves 1/(x⁴ + 1)
    [InlineData("(3*x^2+1)/(x^3+x+1)")]       // an irreducible cubic, but the numerator is its derivative
    [InlineData("x^4/(x^5+3)")]
    public void Named_rational_functions_verify(string integrand)
    {
        var f = Simplifier.Simplify(InfixParser.Parse(integrand));
        var integral = RationalIntegrals.TryIntegrate(f);
        Assert.True(integral is not null, $"{integrand} was declined");
        Assert.True(RuleChecks.VerifiesEverywhere(f, integral!), $"{integrand}: {integral}");
    }

    [Theory]
    [InlineData("1/(x^3+x+1)")]               // an irreducible cubic
    [InlineData("1/(x^5+x+3)")]
    [InlineData("1/(x^4+x+1)")]               // an irreducible quartic with odd terms
    [InlineData("exp(x)/x")]
    public void Denominators_that_do_not_factor_into_roots_quadratics_and_an_even_quartic_are_declined(string integrand) =>
        Assert.Null(RationalIntegrals.TryIntegrate(Simplifier.Simplify(InfixParser.Parse(integrand))));

    /// <summary>Random p/q, q a product of linear factors (repeated or not) and maybe one quadratic: always integrated, always verified.</summary>
    [Fact]
    public void Random_partial_fractions_always_integrate_and_verify()
    {
        var root = Gen.Choose(-6, 6).SelectMany(p => Gen.Elements(1, 1, 2, 3).Select(q => new Rational(p, q)));
        var quadratic = Gen.Choose(-4, 4).SelectMany(b => Gen.Choose(1, 6).Select(c => new Polynomial([new Rational(c * c + b * b + 1), new Rational(b), Rational.One])));
        var numerator = Gen.Choose(0, 5).SelectMany(d => Gen.ArrayOf(Gen.Choose(-5, 5).Select(v => new Rational(v)), d + 1)).Select(c => new Polynomial(c));
        var denominator = Gen.ArrayOf(root, 3).SelectMany(roots => Gen.Elements(true, false).SelectMany(with => quadratic.Select(s => (roots, with, s))));
        Prop.ForAll(denominator.ToArbitrary(), numerator.ToArbitrary(),
            (q3, p) =>
            {
                var (roots, withQuadratic, s) = q3;
                if (p.IsZero) return true.ToProperty();
                var q = roots.Aggregate(withQuadratic ? s : Polynomial.One, (acc, r) => acc * (Polynomial.X - Polynomial.Constant(r)));
                return IntegratedAndVerified(p, q);
            }).Check(Fuzz.Config.WithMaxTest(150));
    }

    /// <summary>p/(s^m·(x − r)ⁿ) for a random irreducible quadratic s, m = 2 or 3 (Hermite's reduction): always integrated, always verified.</summary>
    [Fact]
    public void Random_repeated_quadratics_always_integrate_and_verify()
    {
        var quadratic = Gen.Choose(-4, 4).SelectMany(b => Gen.Choose(1, 6).Select(c => new Polynomial([new Rational(c * c + b * b + 1), new Rational(b), Rational.One])));
        var numerator = Gen.Choose(0, 4).SelectMany(d => Gen.ArrayOf(Gen.Choose(-5, 5).Select(v => new Rational(v)), d + 1)).Select(c => new Polynomial(c));
        var shape = Gen.Choose(2, 3).SelectMany(m => Gen.Choose(0, 2).SelectMany(n => Gen.Choose(-3, 3).Select(r => (m, n, r))));
        Prop.ForAll(quadratic.ToArbitrary(), shape.ToArbitrary(), numerator.ToArbitrary(), (s, mnr, p) =>
        {
            var (m, n, r) = mnr;
            if (p.IsZero) return true.ToProperty();
            var q = Polynomial.One;
            for (var i = 0; i < m; i++) q *= s;
            for (var i = 0; i < n; i++) q *= Polynomial.X - Polynomial.Constant(new Rational(r));
            return IntegratedAndVerified(p, q);
        }).Check(Fuzz.Config.WithMaxTest(100));
    }

    /// <summary>p/(s₁·s₂·(x − r)) for two random irreducible quadratics with rational coefficients: always integrated, always verified.</summary>
    [Fact]
    public void Random_products_of_quadratics_always_integrate_and_verify()
    {
        var quadratic = Gen.Choose(-4, 4).SelectMany(b => Gen.Choose(1, 6).Select(c => new Polynomial([new Rational(c * c + b * b + 1), new Rational(b), Rational.One])));
        var numerator = Gen.Choose(0, 4).SelectMany(d => Gen.ArrayOf(Gen.Choose(-5, 5).Select(v => new Rational(v)), d + 1)).Select(c => new Polynomial(c));
        var root = Gen.Choose(-3, 3).SelectMany(r => Gen.Elements(true, false).Select(with => (r, with)));
        Prop.ForAll(Gen.Two(quadratic).ToArbitrary(), root.ToArbitrary(), numerator.ToArbitrary(), (s, r, p) =>
        {
            if (p.IsZero || s.Item1.Equals(s.Item2)) return true.ToProperty();
            var q = s.Item1 * s.Item2 * (r.with ? Polynomial.X - Polynomial.Constant(new Rational(r.r)) : Polynomial.One);
            return IntegratedAndVerified(p, q);
        }).Check(Fuzz.Config.WithMaxTest(100));
    }

    /// <summary>p/(x⁴ + a·x² + b) for random a, b ≠ 0 with a² ≠ 4b (whether the quartic splits over the rationals or needs
    /// radicals), maybe times x − r: always integrated, always verified.</summary>
    [Fact]
    public void Random_even_quartics_always_integrate_and_verify()
    {
        var quartic = Gen.Choose(-6, 6).SelectMany(a => Gen.Choose(-6, 6).Select(b => (a, b)));
        var numerator = Gen.Choose(0, 3).SelectMany(d => Gen.ArrayOf(Gen.Choose(-5, 5).Select(v => new Rational(v)), d + 1)).Select(c => new Polynomial(c));
        var root = Gen.Choose(-3, 3).SelectMany(r => Gen.Elements(true, false).Select(with => (r, with)));
        Prop.ForAll(quartic.ToArbitrary(), root.ToArbitrary(), numerator.ToArbitrary(), (ab, r, p) =>
        {
            var (a, b) = ab;
            if (p.IsZero || b == 0 || a * a == 4 * b) return true.ToProperty();
            var q = new Polynomial([new Rational(b), Rational.Zero, new Rational(a), Rational.Zero, Rational.One])
                * (r.with ? Polynomial.X - Polynomial.Constant(new Rational(r.r)) : Polynomial.One);
            return IntegratedAndVerified(p, q);
        }).Check(Fuzz.Config.WithMaxTest(150));
    }
}
