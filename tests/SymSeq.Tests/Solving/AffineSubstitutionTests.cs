namespace SymSeq.Tests.Solving;

/// <summary>The shift of variable t = k·x + d when every function reads the same affine u (AffineSubstitution).</summary>
public class AffineSubstitutionTests
{
    public static readonly TheoryData<string> Functions = new() { "asin", "acos", "atan", "asinh", "acosh", "atanh", "asec", "acsc", "acot" };

    /// <summary>
    /// A polynomial times an inverse function of an affine u, or its square: the plain-variable case of each is the
    /// rules' own, and the shift must bring every affine u back to it. Whatever answers must verify on the whole domain.
    /// </summary>
    [Theory]
    [MemberData(nameof(Functions))]
    public void Polynomials_times_inverse_functions_of_an_affine_argument_are_integrated(string f)
    {
        foreach (var integrand in new[] { $"x*{f}(2*x)", $"x^2*{f}(3*x + 1)", $"{f}(2*x - 1)^2/3" })
        {
            var plain = integrand.Replace("(2*x)", "(x)").Replace("(3*x + 1)", "(x)").Replace("(2*x - 1)", "(x)");
            if (BasicIntegrals.TryIntegrateSum(RuleChecks.Canonical(plain)) is null) continue;   // not the shift's to find
            RuleChecks.AssertIntegrated(integrand);
        }
    }

    [Theory]
    [InlineData("x*asec(2*x)")]
    [InlineData("asinh(3*x + 1)^2")]
    [InlineData("x^2*asin(3*x + 1)^2")]
    [InlineData("x^3*acosh(2*x + 3)")]
    public void Named_cases_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Theory]
    [InlineData("x*asec(2*x)")]              // x outside the function: t·asec(t)/4
    [InlineData("acosh(2*x + 1)^2")]         // no x outside: by parts on the plain x would meet 1/√((2x + 1)² − 1)
    public void The_shift_answers_at_the_top(string integrand)
    {
        var step = BasicIntegrals.TryDerive(RuleChecks.Canonical(integrand));
        Assert.NotNull(step);
        Assert.Equal("shift of variable", step!.Rule);
    }

    [Theory]
    [InlineData("sin(2*x)*cos(3*x)")]        // two different affine operands: no one t
    [InlineData("x*sin(x)")]                 // the plain variable: nothing to shift
    [InlineData("exp(x^2)*sin(2*x)")]        // an operand that is not affine
    public void Declines_what_no_single_shift_simplifies(string integrand) =>
        Assert.Null(AffineSubstitution.TryIntegrate(RuleChecks.Canonical(integrand), new RuleScope()));

    [Fact]
    public void The_root_of_a_positive_quadratic_integrates_to_asinh_on_the_whole_line()
    {
        // ln(x + √(x² + 1)) hid asinh from the substitution that by parts of x·asinh(x)² needs next
        var answer = BasicIntegrals.TryIntegrateSum(RuleChecks.Canonical("1/sqrt(4*x^2 + 9)"));
        Assert.NotNull(answer);
        Assert.Contains("asinh", InfixPrinter.Readable.Print(answer!));
        RuleChecks.AssertIntegratedOnTheWholeLine("1/sqrt(4*x^2 + 9)");
        RuleChecks.AssertIntegrated("x*asinh(x)^2");
    }
}
