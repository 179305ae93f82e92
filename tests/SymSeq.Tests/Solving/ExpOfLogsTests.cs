namespace SymSeq.Tests.Solving;

/// <summary>Exponentials, sinh, cosh and tanh of sums with logarithms, taken apart before integrating.</summary>
public class ExpOfLogsTests
{
    [Theory]
    [InlineData("exp(x + 2*ln(x))")]               // x²·eˣ, by parts
    [InlineData("exp(3*x - ln(x + 1))*(x + 1)")]
    [InlineData("tanh(ln(3*x + 10))")]             // ((3x + 10)² − 1)/((3x + 10)² + 1)
    [InlineData("x/cosh(ln(x + 1))")]
    [InlineData("sinh(ln(x) + 1)")]
    [InlineData("cosh(2*ln(x))*x")]                // (x³ + 1/x)/2
    public void Named_cases_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Fact]
    public void Integrands_without_logs_in_exponents_are_not_this_rule()
    {
        Assert.Null(ExpOfLogs.TryIntegrate(RuleChecks.Canonical("exp(x)*ln(x)")));
        Assert.Null(ExpOfLogs.TryIntegrate(RuleChecks.Canonical("cosh(x^2)")));
    }

    /// <summary>
    /// f(a·x + k·ln(b·x + c)) for f ∈ {exp, sinh, cosh, tanh}: whatever the rules answer verifies, and the elementary
    /// ones within the rational rules' reach are answered (e^(a·x)·u^k for k > 0 or a = 0; sinh and cosh with a = 0;
    /// tanh(±ln u). With a ≠ 0 the others hold e^(a·x)/u^k, whose integral is not elementary; tanh(k·ln u) for |k| ≥ 2
    /// is (u^2k − 1)/(u^2k + 1), whose quartic and sextic denominators the rules do not split).
    /// </summary>
    [Fact]
    public void Functions_of_sums_with_logs_are_never_answered_wrong()
    {
        int answered = 0, tried = 0, elementary = 0, answeredElementary = 0;
        var missed = new List<string>();
        var gen = from f in Gen.Elements("exp", "sinh", "cosh", "tanh")
                  from a in Gen.Choose(-2, 2)
                  from k in Gen.Choose(-3, 3).Where(v => v != 0)
                  from b in Gen.Choose(1, 4)
                  from c in Gen.Choose(-3, 3)
                  select (text: $"{f}({a}*x + {k}*ln({b}*x + {c}))", isElementary: (a == 0 && (f != "tanh" || Math.Abs(k) == 1)) || (f == "exp" && k > 0));
        Prop.ForAll(gen.ToArbitrary(), draw =>
        {
            var (integrand, isElementary) = draw;
            var f = RuleChecks.Canonical(integrand);
            tried++;
            if (isElementary) elementary++;
            var integral = RuleChecks.IntegrateLikeDecomposition(f);
            if (integral is null) { if (isElementary) missed.Add(integrand); return true.ToProperty(); }
            answered++;
            if (isElementary) answeredElementary++;
            return (RuleChecks.NotWrong(f, integral)).Label($"{integrand} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(200));
        Assert.True(elementary >= 20, $"only {elementary} elementary draws of {tried}");
        Assert.True(answeredElementary * 10 >= elementary * 9, $"answered {answeredElementary} of {elementary} elementary draws ({answered} of {tried} in all); missed {string.Join(", ", missed.Take(8))}");
    }
}
