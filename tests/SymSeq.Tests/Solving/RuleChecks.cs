namespace SymSeq.Tests.Solving;

/// <summary>What the tests of the integration and ODE rules share: canonical input, the rules as decomposition offers them, and the named-case checks.</summary>
internal static class RuleChecks
{
    /// <summary>An integrand in canonical form, as cores reach the rules.</summary>
    public static Expr Canonical(string integrand) => Simplifier.Simplify(InfixParser.Parse(integrand));

    /// <summary>The rules on the canonical form, then on its multiplied-out form: the two plans decomposition makes.</summary>
    public static Expr? IntegrateLikeDecomposition(Expr f) =>
        BasicIntegrals.TryIntegrateSum(f) ?? BasicIntegrals.TryIntegrateSum(Simplifier.SimplifyOrKeep(Linearity.Distribute(f)));

    /// <summary>The rules integrate the canonical integrand (linearity takes constant factors out first) and the answer verifies.</summary>
    public static void AssertIntegrated(string integrand)
    {
        var f = Canonical(integrand);
        var integral = BasicIntegrals.TryIntegrateSum(f);
        Assert.True(integral is not null, $"{integrand} (canonical {f}) was declined");
        Assert.True(IntegralVerifier.Check(f, integral!).Accepted, $"{integrand}: {integral}");
    }

    /// <summary>
    /// Like <see cref="AssertIntegrated"/>, and the answer is no larger than the textbook's closed form give or take
    /// <paramref name="slack"/> nodes: the method that should answer did, not a later one with a longer form.
    /// </summary>
    public static void AssertIntegratedInClosedForm(string integrand, string textbook, int slack)
    {
        var f = Canonical(integrand);
        var integral = BasicIntegrals.TryIntegrateSum(f);
        Assert.True(integral is not null, $"{integrand} (canonical {f}) was declined");
        Assert.True(IntegralVerifier.Check(f, integral!).Accepted, $"{integrand}: {integral}");
        Assert.True(integral!.Size <= Canonical(textbook).Size + slack, $"{integrand}: {integral} is larger than {textbook}");
    }

    /// <summary>The ODE rule answers the equation with a solution the verifier accepts.</summary>
    public static void AssertSolved(string equation, Func<Expr, TimeSpan?, Expr?> rule)
    {
        var problem = InfixParser.ParseEquation(equation);
        var answer = rule(problem, TimeSpan.FromSeconds(5));
        Assert.True(answer is not null, $"{equation}: no answer");
        var verdict = OdeVerifier.Check(problem, answer!);
        Assert.True(verdict.Accepted, $"{equation}: {answer} ({verdict.Reason})");
    }
}
