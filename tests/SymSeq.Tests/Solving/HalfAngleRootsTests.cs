namespace SymSeq.Tests.Solving;

/// <summary>√(k(1 ± cos u)) and √(k(1 ± sin u)): one closed form across the zeros of the radicand.</summary>
public class HalfAngleRootsTests
{
    [Theory]
    [InlineData("sqrt(1 + cos(x))", "2*sin(x)/sqrt(1 + cos(x))")]
    [InlineData("sqrt(1 - cos(x))", "-2*sin(x)/sqrt(1 - cos(x))")]
    [InlineData("sqrt(2 - 2*sin(3*x + 1))", "4*cos(3*x + 1)/(3*sqrt(2 - 2*sin(3*x + 1)))")]
    [InlineData("5*sqrt(1 + sin(x/2))", "-20*cos(x/2)/sqrt(1 + sin(x/2))")]
    public void Half_angle_roots_come_out_in_closed_form(string integrand, string textbook) =>
        RuleChecks.AssertIntegratedInClosedForm(integrand, textbook, 2);

    [Theory]
    [InlineData("sqrt(2 + cos(x))")]       // elliptic
    [InlineData("sqrt(1 + cos(x)^2)")]
    [InlineData("sqrt(1 + cos(x^2))")]
    public void Other_roots_of_sines_are_not_this_rule(string integrand) =>
        Assert.Null(HalfAngleRoots.TryIntegrate(RuleChecks.Canonical(integrand)));

    /// <summary>Random k, sign, function and affine argument: always integrated, always verified.</summary>
    [Fact]
    public void Every_half_angle_root_is_integrated_and_verified()
    {
        var gen = from k in Gen.Choose(1, 9)
                  from minus in Gen.Elements(true, false)
                  from f in Gen.Elements("sin", "cos")
                  from a in Gen.Choose(-5, 5).Where(v => v != 0)
                  from b in Gen.Choose(-3, 3)
                  select $"sqrt({k} {(minus ? "-" : "+")} {k}*{f}({a}*x + {b}))";
        Prop.ForAll(gen.ToArbitrary(), integrand =>
        {
            var f = RuleChecks.Canonical(integrand);
            var integral = BasicIntegrals.TryIntegrateSum(f);
            return (integral is not null && RuleChecks.HoldsSomewhere(f, integral)).Label($"{integrand} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(60));
    }
}
