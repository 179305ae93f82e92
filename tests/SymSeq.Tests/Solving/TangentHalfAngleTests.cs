namespace SymSeq.Tests.Solving;

/// <summary>Rational functions of sin, cos and tan of one argument k·x, through BasicIntegrals (TangentHalfAngle).</summary>
public class TangentHalfAngleTests
{
    private static Expr P(string s) => RuleChecks.Canonical(s);

    [Theory]
    [InlineData("1/(1+cos(x))")]
    [InlineData("1/(2+sin(x))")]
    [InlineData("1/(sin(x)+cos(x))")]
    [InlineData("sin(x)/(1+sin(x))")]
    [InlineData("1/(3+cos(2*x))")]
    [InlineData("1/(5-3*cos(x))")]
    [InlineData("tan(x)/(1+cos(x))")]
    public void Named_cases_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Theory]
    [InlineData("x/(1+cos(x))")]          // x outside the functions
    [InlineData("1/(sin(x)+cos(2*x))")]   // two arguments
    [InlineData("1/(1+cos(x+1))")]        // an offset
    public void Other_shapes_are_declined(string integrand) => Assert.Null(TangentHalfAngle.TryIntegrate(P(integrand)));

    /// <summary>c/(a + b·f(k·x)) for f = sin, cos: nearly always integrated, and every answer verifies.</summary>
    [Fact]
    public void Random_reciprocals_of_shifted_sines_and_cosines_verify()
    {
        var tally = new IntegrationTally(BasicIntegrals.TryIntegrateSum);
        var ab = Gen.Choose(-5, 5).SelectMany(a => Gen.Choose(-5, 5).Select(b => (a, b)));
        Prop.ForAll(ab.ToArbitrary(), Gen.Elements("sin", "cos").ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (coefficients, f, k) =>
        {
            var (a, b) = coefficients;
            if (a == 0 || b == 0 || a == b || a == -b) return true.ToProperty();   // 1/(1 + cos) is tested by name; a = ±b loses a pole
            var integrand = P($"1/({a} + {b}*{f}({k}*x))");
            return tally.Check(integrand);
        }).Check(Fuzz.Config.WithMaxTest(100));
        tally.AssertIntegratedAtLeast(3, 4);
    }
}
