namespace SymSeq.Tests.Solving;

/// <summary>Squares of tangents and double angles rewritten by identities where they open a rule (TrigIdentities), through BasicIntegrals.</summary>
public class TrigIdentitiesTests
{
    [Theory]
    [InlineData("x*tan(x)^2")]                 // x·sec²x − x, by parts
    [InlineData("(3*x + 1)*tan(2*x)^2")]
    [InlineData("x*cot(x)^2")]
    [InlineData("x*tanh(x)^2")]
    [InlineData("x*coth(x)^2")]
    [InlineData("sin(x)*tan(x)^2")]            // sin x/cos²x − sin x
    [InlineData("sin(2*x)*exp(sin(x))")]       // 2·sin x·cos x·e^(sin x): t = sin x
    [InlineData("sin(2*x)*ln(cos(x))")]
    [InlineData("cos(2*x)*cos(x)*exp(sin(x))")]
    [InlineData("sinh(2*x)*exp(cosh(x))")]
    [InlineData("cos(3*x)/cos(x)")]
    [InlineData("sin(3*x)*sec(x)")]
    [InlineData("sinh(3*x)/sinh(x)")]
    public void Named_rewrites_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Theory]
    [InlineData("x^2*tan(x)^2")]               // leaves ∫x·tan x, not elementary
    [InlineData("exp(x)*tan(x)^2")]            // leaves ∫eˣ·sec²x, not elementary
    [InlineData("sin(2*x)*exp(x^2)")]          // no function of the single angle beside it
    public void Integrals_the_identities_do_not_open_are_declined(string integrand) =>
        Assert.Null(BasicIntegrals.TryIntegrateSum(RuleChecks.Canonical(integrand)));

    [Theory]
    [InlineData("x*tan(x)^2", "tan")]
    [InlineData("sin(2*x)*exp(sin(x))", "sin(2*x)")]
    public void A_rewrite_removes_what_it_rewrote(string integrand, string gone)
    {
        var rewritten = TrigIdentities.Rewrite(RuleChecks.Canonical(integrand));
        Assert.NotNull(rewritten);
        Assert.DoesNotContain(gone, InfixPrinter.Readable.Print(rewritten!).Replace(" ", ""));
    }

    /// <summary>(a·x + b)·g(k·x + d)² for g ∈ {tan, cot, tanh, coth}, random coefficients: integrated and verified every time.</summary>
    [Fact]
    public void Linear_factors_times_squared_tangents_always_verify()
    {
        var g = Gen.Elements("tan", "cot", "tanh", "coth");
        var coefficients = Gen.Choose(1, 4).SelectMany(a => Gen.Choose(-3, 3).SelectMany(b => Gen.Choose(1, 3).SelectMany(k => Gen.Choose(-2, 2).Select(d => (a, b, k, d)))));
        Prop.ForAll(g.ToArbitrary(), coefficients.ToArbitrary(), (fn, c) =>
        {
            var f = RuleChecks.Canonical($"({c.a}*x + {c.b})*{fn}({c.k}*x + {c.d})^2");
            var integral = BasicIntegrals.TryIntegrateSum(f);
            return (integral is not null && RuleChecks.HoldsSomewhere(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(60));
    }

    /// <summary>sin(2u)·h(sin u)·cos(u)⁰ and sinh(2u)·h(cosh u) for u = k·x and h from a small table: integrated and verified every time.</summary>
    [Fact]
    public void Double_angles_beside_their_single_angle_always_verify()
    {
        var h = Gen.Elements("exp(T)", "T^3", "1/(1 + T^2)", "ln(T)");
        var pair = Gen.Elements(("sin", "sin"), ("sin", "cos"), ("sinh", "cosh"), ("sinh", "sinh"));
        Prop.ForAll(h.ToArbitrary(), pair.ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), (outer, fns, k) =>
        {
            var single = $"{fns.Item2}({k}*x)";
            var f = RuleChecks.Canonical($"{fns.Item1}({2 * k}*x)*{outer.Replace("T", single)}");
            var integral = BasicIntegrals.TryIntegrateSum(f);
            return (integral is not null && RuleChecks.HoldsSomewhere(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(40));
    }
}
