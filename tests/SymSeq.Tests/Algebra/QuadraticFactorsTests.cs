namespace SymSeq.Tests.Algebra;

public class QuadraticFactorsTests
{
    private static Polynomial Quadratic(int c, int b) => new([new Rational(c), new Rational(b), Rational.One]);

    [Fact]
    public void Splits_a_product_of_irreducible_quadratics_into_its_monic_factors()
    {
        var factors = new[] { Quadratic(1, 0), Quadratic(3, 1), Quadratic(5, -2) };
        var f = new Rational(3) * factors.Aggregate(Polynomial.One, (acc, s) => acc * s);
        var (quadratics, rest) = QuadraticFactors.Split(f);
        Assert.Equal(factors.OrderBy(s => s.ToString()), quadratics.OrderBy(s => s.ToString()));
        Assert.Equal(Polynomial.One, rest);
    }

    [Theory]
    [InlineData(new[] { 1, 0, 0, 0, 1 })]        // x⁴ + 1 needs √2
    [InlineData(new[] { -2, 0, 0, 0, 1 })]       // x⁴ − 2
    [InlineData(new[] { 1, 1, 0, 0, 1 })]        // x⁴ + x + 1 is irreducible
    public void Leaves_whole_what_has_no_rational_quadratic_factor(int[] coefficients)
    {
        var f = new Polynomial(coefficients.Select(c => new Rational(c)));
        var (quadratics, rest) = QuadraticFactors.Split(f);
        Assert.Empty(quadratics);
        Assert.Equal(f, rest);
    }

    /// <summary>Random products of two or three monic quadratics with no real roots, times a constant: split back into exactly those factors.</summary>
    [Fact]
    public void Random_products_split_back_into_their_factors()
    {
        var quadratic = Gen.Choose(-5, 5).SelectMany(b => Gen.Choose(0, 8).Select(e => Quadratic((b * b / 4) + 1 + e, b)));
        var product = Gen.Choose(2, 3).SelectMany(n => Gen.ArrayOf(quadratic, n));
        Prop.ForAll(product.ToArbitrary(), Gen.Choose(1, 7).ToArbitrary(), (factors, scale) =>
        {
            var f = new Rational(scale) * factors.Aggregate(Polynomial.One, (acc, s) => acc * s);
            var (quadratics, rest) = QuadraticFactors.Split(f);
            var back = quadratics.Aggregate(rest, (acc, s) => acc * s);
            var expected = factors.Select(s => s.ToString()).OrderBy(s => s);
            return (rest.Equals(Polynomial.One) && back.Equals(f.Lead.Reciprocal() * f)
                    && expected.SequenceEqual(quadratics.Select(s => s.ToString()).OrderBy(s => s)))
                .Label($"{f} -> {string.Join(" · ", quadratics)} · {rest}");
        }).Check(Fuzz.Config.WithMaxTest(150));
    }
}
