namespace SymSeq.Tests.Algebra;

public class PolynomialTests
{
    private static readonly Gen<Polynomial> Polys =
        Gen.Choose(0, 5).SelectMany(d => Gen.ArrayOf(Gen.Choose(-9, 9).SelectMany(p => Gen.Choose(1, 4).Select(q => new Rational(p, q))), d + 1))
            .Select(c => new Polynomial(c));

    /// <summary>pⁿ has n times p's degree and takes the value p(x)ⁿ at every x.</summary>
    [Fact]
    public void A_power_has_the_powered_values_and_degree() =>
        Prop.ForAll(Polys.Where(p => !p.IsZero).ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), Gen.Choose(-5, 5).ToArbitrary(), (p, n, x) =>
            p.Pow(n).Degree == n * p.Degree && p.Pow(n).At(x) == p.At(x).Pow(n)).QuickCheckThrowOnFailure();

    [Fact]
    public void Division_leaves_a_smaller_remainder_and_rebuilds_the_dividend() =>
        Prop.ForAll(Polys.ToArbitrary(), Polys.Where(p => !p.IsZero).ToArbitrary(), (a, b) =>
        {
            var (q, r) = Polynomial.DivRem(a, b);
            return (q * b + r).Equals(a) && r.Degree < b.Degree;
        }).Check(Fuzz.Config.WithMaxTest(200));

    [Fact]
    public void The_gcd_divides_both_and_a_common_factor_is_found() =>
        Prop.ForAll(Polys.Where(p => p.Degree >= 1).ToArbitrary(), Polys.Where(p => !p.IsZero).ToArbitrary(), Polys.Where(p => !p.IsZero).ToArbitrary(), (common, a, b) =>
        {
            var g = Polynomial.Gcd(common * a, common * b);
            return Polynomial.DivRem(common * a, g).Remainder.IsZero && Polynomial.DivRem(common * b, g).Remainder.IsZero
                && Polynomial.DivRem(g, common.Lead.Reciprocal() * common).Remainder.IsZero && g.Lead.IsOne;
        }).Check(Fuzz.Config.WithMaxTest(150));

    [Fact]
    public void Expressions_round_trip_and_rational_functions_come_out_reduced() =>
        Prop.ForAll(Polys.ToArbitrary(), Polys.Where(p => p.Degree >= 1).ToArbitrary(), (p, common) =>
        {
            Assert.True(Polynomial.TryPolynomial(p.ToExpr(), out var back));
            Assert.Equal(p, back);
            // (p·c)/(c·x): the common factor cancels, and the denominator is monic
            var e = new Op(Operator.Div, p.ToExpr() * common.ToExpr(), common.ToExpr() * Expr.X);
            Assert.True(Polynomial.TryRational(e, out var n, out var d));
            // n/d = p/x, reduced: n·x = d·p, gcd(n, d) = 1, d monic
            return (n * Polynomial.X).Equals(d * p) && d.Lead.IsOne && Polynomial.Gcd(n, d).Degree == 0;
        }).Check(Fuzz.Config.WithMaxTest(100));

    [Fact]
    public void Rational_roots_are_found_with_their_multiplicities() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(-12, 12).SelectMany(p => Gen.Choose(1, 3).Select(q => new Rational(p, q))), 3).ToArbitrary(), Polys.ToArbitrary(), (roots, extra) =>
        {
            var q = roots.Aggregate(Polynomial.One, (acc, r) => acc * (Polynomial.X - Polynomial.Constant(r))) * (extra.IsZero ? Polynomial.One : extra);
            var (found, rest) = q.RationalRoots();
            var rebuilt = found.Aggregate(rest, (acc, f) => Enumerable.Range(0, f.Multiplicity).Aggregate(acc, (a, _) => a * (Polynomial.X - Polynomial.Constant(f.Root))));
            foreach (var r in roots) Assert.Contains(found, f => f.Root == r && f.Multiplicity >= roots.Count(x => x == r));
            return rebuilt.Equals(q) && rest.RationalRoots().Roots.Count == 0;
        }).Check(Fuzz.Config.WithMaxTest(150));

    [Theory]
    [InlineData("sin(x)")]
    [InlineData("x^(1/2)")]
    [InlineData("x^40")]          // past the degree cap
    [InlineData("1/(x - x)")]
    [InlineData("a0*x")]
    public void Anything_not_a_small_rational_function_is_declined(string e) =>
        Assert.False(Polynomial.TryRational(InfixParser.Parse(e), out _, out _));
}
