using SymSeq.Verification;

namespace SymSeq.Tests.Solving;

/// <summary>
/// Which rule answers what: one integrand per rule of <see cref="IntegrationRules.All"/> and one equation per method
/// of <see cref="OdeMethods.All"/>, each answered by that rule (the step at the top of its derivation), with steps
/// that all hold. No rule goes untested: the list of cases must name every rule.
/// </summary>
public class RuleStepsTests
{
    public static readonly TheoryData<string, string> Integrals = new()
    {
        { "constant", "sqrt(2)" },
        { "power rule", "(2*x + 1)^5" },
        { "reciprocal functions", "sec(x)^2" },
        { "trigonometric powers", "tan(x)^3" },
        { "completing the square", "1/(x^2 + 2*x + 5)" },
        { "exponential of another base", "2^x" },
        { "table of integrals", "sin(3*x + 1)" },
        { "table of integrals", "asec(2*x)" },
        { "table of integrals", "acsc(3*x - 1)" },
        { "table of integrals", "acoth(x + 2)" },
        { "table of integrals", "asech(x/2)" },
        { "table of integrals", "acsch(5*x)" },
        { "table of integrals", "acot(1 - x)" },
        { "inverse reciprocal functions", "x*acoth(x)" },
        { "powers of x", "x*sqrt(10*x)" },
        { "half-angle roots", "sqrt(1 + cos(x))" },
        { "partial fractions", "1/(x^3 - x)" },
        { "linear denominators", "x^2/(x + tan(3))" },
        { "root of a quadratic", "x^2/sqrt(x^2 + 1)" },
        { "algebraic part", "1/(x^2*sqrt(x^2 + 1))" },
        { "by parts", "x*exp(x)" },
        { "exponential times a rational function", "x*exp(x)/(x + 1)^2" },
        { "product to sum", "sin(3*x)*cos(2*x)" },
        { "substitution", "x*exp(x^2)" },
        { "reciprocal functions as quotients", "tan(x)/cos(x)" },
        { "higher powers of a quadratic's root", "x*(x^2 - 2*x + 1)^(3/2)" },   // a double root: not the algebraic part's
        { "rationalizing substitution", "1/(1 + sqrt(x))" },
        { "exponential substitution", "1/(exp(x) + 1)" },
        { "exponentials of logarithms", "tanh(ln(3*x + 10))" },
        { "change of variable", "cos(x)/(1 + sin(x)^2)" },
        { "shift of variable", "acosh(2*x + 1)^2" },
        { "shift of variable", "x*asec(2*x)" },
        { "tangent half-angle", "1/(2 + cos(x))" },
        { "Euler substitution", "1/(x + sqrt(x^2 + x + 1))" },
        { "trigonometric identity", "x*tan(x)^2" },
        { "powers as exponentials", "2^x*3^x" },
        { "tabular by parts", "x*sin(x)/cos(x)^3" },
    };

    [Theory]
    [MemberData(nameof(Integrals))]
    public void Each_rule_answers_its_own_integral_and_every_step_holds(string rule, string integrand)
    {
        var core = RuleChecks.Canonical(integrand);
        var step = BasicIntegrals.TryDerive(core);
        Assert.True(step is not null, $"{integrand} (canonical {core}) was declined");
        Assert.Equal(rule, step.Rule);
        Assert.Equal(core, step.Problem);
        AssertEveryStepVerifies(step);
    }

    [Fact]
    public void Every_integration_rule_has_a_case()
    {
        var named = Integrals.Select(row => (string)row[0]).ToHashSet();
        Assert.DoesNotContain(IntegrationRules.All, r => !named.Contains(r.Name));
        Assert.Equal(IntegrationRules.All.Count, IntegrationRules.All.Select(r => r.Name).Distinct().Count());
    }

    public static readonly TheoryData<string, string> Equations = new()
    {
        { "linear ODE", "y'' + y = x" },
        { "reduction of order", "y*y'' = y'^2" },
        { "separable ODE", "y' = y^2" },
        { "Bernoulli ODE", "y' + y = x*y^2" },
        { "homogeneous ODE", "y' = y/x + tan(y/x)" },
        { "shifted ODE", "y' = (x + y)^2" },
        { "exact ODE", "2*x*y + (x^2 + 2*y)*y' = 0" },
    };

    [Theory]
    [MemberData(nameof(Equations))]
    public void Each_ode_method_answers_its_own_equation_and_every_step_holds(string method, string equation)
    {
        var problem = InfixParser.ParseEquation(equation);
        var step = OdeRules.Derive(problem, TimeSpan.FromSeconds(10)).FirstOrDefault();
        Assert.True(step is not null, $"{equation} got no answer");
        Assert.Equal(method, step.Rule);
        AssertEveryStepVerifies(step);
    }

    [Fact]
    public void Every_ode_method_has_a_case()
    {
        var named = Equations.Select(row => (string)row[0]).ToHashSet();
        Assert.DoesNotContain(OdeMethods.All, m => !named.Contains(m.Name));
    }

    [Fact]
    public void A_rule_that_integrates_smaller_integrals_shows_them_as_its_sub_steps()
    {
        // by parts on x²·ln x leaves ∫ x²/3, and the substitution in x·e^(x²) leaves ∫ eᵗ: each a sub-step of its rule
        var byParts = BasicIntegrals.TryDeriveSum(RuleChecks.Canonical("x*exp(x^2) + x^2*ln(x)"))!;
        Assert.Equal(IntegrationRules.LinearityName, byParts.Rule);
        Assert.Equal(["substitution", "by parts"], byParts.SubSteps.Select(s => s.Rule).Order().Reverse());
        var substitution = byParts.SubSteps.Single(s => s.Rule == "substitution");
        Assert.Equal(IntegrationRules.TableName, Assert.Single(substitution.SubSteps).Rule);
        Assert.StartsWith("t = x^2", substitution.Detail);
        Assert.Equal("substitution -> by parts", byParts.Chain);
    }

    private static void AssertEveryStepVerifies(Step root)
    {
        foreach (var (s, _, verdict, _) in StepCheck.Verify(root))
            Assert.True(verdict.Accepted, $"{s.Rule}: {s.Problem} -> {s.Result}: {verdict.Reason}");
    }
}
