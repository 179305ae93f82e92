namespace SymSeq.Tests.Solving;

/// <summary>Rational functions of x and the root of one quadratic, by Euler's substitutions (EulerSubstitution), and higher powers of the root (SqrtQuadratics), through BasicIntegrals.</summary>
public class EulerSubstitutionTests
{
    [Theory]
    [InlineData("1/(x^2*sqrt(1 - x^2))")]       // c a square: √q = x·t + 1
    [InlineData("sqrt(1 - x^2)/x^2")]
    [InlineData("1/(x^2*sqrt(x^2 + 4))")]       // a a square: √q = t − x
    [InlineData("1/(1 + sqrt(1 - x^2))")]
    [InlineData("1/((x + 1)*sqrt(x^2 + 1))")]
    [InlineData("1/(x^2 - 1)^(3/2)")]           // rational roots: √q = (x − 1)·t
    [InlineData("1/(x^2 + 1)^(3/2)")]
    [InlineData("1/(x*sqrt(2*x - x^2))")]
    [InlineData("(1 - x^2)^(3/2)")]             // a polynomial times q^(3/2): SqrtQuadratics
    [InlineData("x^2*(4 - x^2)^(3/2)")]
    public void Named_integrals_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Fact]
    public void Quadratics_without_a_rational_substitution_are_left_to_other_rules() =>
        // a = 2 and c = 3 are no squares and 2x² + 3 has no rational root (the change of variable t = √(2x² + 3) does it)
        Assert.Null(EulerSubstitution.TryIntegrate(RuleChecks.Canonical("1/(x*sqrt(2*x^2 + 3))")));

    [Fact]
    public void Roots_of_several_radicands_or_of_cubics_are_declined()
    {
        Assert.Null(EulerSubstitution.TryIntegrate(RuleChecks.Canonical("1/(sqrt(x^2 + 1)*sqrt(x^2 - 1))")));
        Assert.Null(EulerSubstitution.TryIntegrate(RuleChecks.Canonical("1/(x*sqrt(x^3 + 1))")));
        Assert.Null(EulerSubstitution.TryIntegrate(RuleChecks.Canonical("1/(x*(x^2 + 1)^(1/3))")));
    }

    /// <summary>
    /// xʲ·q^(k/2) for j from −3 to 2, odd k from −3 to 3 and q from a table covering each substitution: integrated and
    /// verified every time. For a q whose only rational substitution is the first (a square, c not, no rational root:
    /// x² + 2x + 2), a pole at x = 0 becomes t² = c, irrational, which partial fractions over the rationals cannot
    /// split, so there j ≥ 0.
    /// </summary>
    [Fact]
    public void Powers_of_x_times_odd_powers_of_a_root_always_verify()
    {
        var anyPower = Gen.Elements("1 - x^2", "x^2 + 1", "x^2 - 1", "4 - x^2", "x^2 + x", "9*x^2 + 4", "2*x - x^2")
            .SelectMany(q => Gen.Choose(-3, 2).Select(j => (q, j)));
        var natural = Gen.Choose(0, 2).Select(j => ("x^2 + 2*x + 2", j));
        var k = Gen.Elements(-3, -1, 1, 3);
        Prop.ForAll(Gen.Frequency((6, anyPower), (1, natural)).ToArbitrary(), k.ToArbitrary(), (qj, half) =>
        {
            var f = RuleChecks.Canonical($"x^({qj.Item2})*({qj.Item1})^({half}/2)");
            var integral = BasicIntegrals.TryIntegrateSum(f);
            return (integral is not null && RuleChecks.HoldsSomewhere(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(80));
    }
}
