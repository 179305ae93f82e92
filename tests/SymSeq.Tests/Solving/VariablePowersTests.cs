namespace SymSeq.Tests.Solving;

/// <summary>Powers with x in the exponent, rewritten as exponentials for the rules, through BasicIntegrals.</summary>
public class VariablePowersTests
{
    [Theory]
    [InlineData("2^x*3^x")]
    [InlineData("2^x*exp(x)")]
    [InlineData("x^x*(1 + ln(x))")]
    [InlineData("x^sin(x)*(cos(x)*ln(x) + sin(x)/x)")]
    [InlineData("5^(2*x)*sin(x)")]
    [InlineData("x*2^(x^2)")]
    public void Named_variable_powers_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Fact]
    public void The_answer_keeps_the_bases_of_the_integrand()
    {
        var answer = BasicIntegrals.TryIntegrateSum(RuleChecks.Canonical("x^x*(1 + ln(x))"));
        Assert.Equal("x^x", answer!.ToString());
        var product = BasicIntegrals.TryIntegrateSum(RuleChecks.Canonical("2^x*exp(x)"))!.ToString();
        Assert.Contains("2^x", product);
        Assert.DoesNotContain("ln(2)*x", product.Replace("x*ln(2)", "ln(2)*x"));   // no e^(x·ln 2) left
    }

    [Fact]
    public void Exponentials_of_logarithms_of_the_bases_become_powers()
    {
        var bases = new HashSet<Expr> { Expr.X, Expr.Int(2) };
        Assert.Equal("2^x*exp(x)", VariablePowers.AsPowers(RuleChecks.Canonical("x + x*ln(2)"), bases)!.ToString());
        Assert.Equal("x^x", VariablePowers.AsPowers(RuleChecks.Canonical("x*ln(x)"), bases)!.ToString());
        Assert.Null(VariablePowers.AsPowers(RuleChecks.Canonical("x*ln(3)"), bases));   // 3 was not a base
    }

    /// <summary>c·a^(k·x)·g(x) for random bases, slopes and g from a few shapes: whatever the rules answer verifies.</summary>
    [Fact]
    public void Random_exponential_products_are_never_answered_wrong()
    {
        string[] shapes = ["1", "x", "x^2", "sin(x)", "cos(2*x)", "exp(x)", "3^x"];
        var gen = Gen.Choose(2, 7).SelectMany(a => Gen.Choose(-3, 3).Where(k => k != 0).SelectMany(k => Gen.Elements(shapes).Select(g => $"{a}^({k}*x)*{g}")));
        var answered = 0;
        Prop.ForAll(gen.ToArbitrary(), s =>
        {
            var f = RuleChecks.Canonical(s);
            var integral = RuleChecks.IntegrateLikeDecomposition(f);
            if (integral is null) return true.ToProperty();
            answered++;
            return (RuleChecks.NotWrong(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(100));
        Assert.True(answered >= 80, $"answered {answered} of 100");
    }
}
