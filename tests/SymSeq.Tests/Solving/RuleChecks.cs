namespace SymSeq.Tests.Solving;

/// <summary>What the tests of the integration and ODE rules share: canonical input, the rules as decomposition offers them, and the named-case checks.</summary>
internal static class RuleChecks
{
    /// <summary>
    /// What a user is told: the answer, or its real form (ln|u| for ln u, <see cref="Problems.VerifyEverywhere"/>),
    /// is right at every real point where the integrand is real. A rule answer right on part of the line only fails it.
    /// </summary>
    public static bool VerifiesEverywhere(Expr integrand, Expr answer) =>
        Problems.VerifyEverywhere(Problems.Integration(integrand), answer).Verdict.Accepted;

    /// <summary>
    /// The answer is right on some interval of the integrand's real domain at least (the verifier's Verified or
    /// Partial): what a rule must always give on random integrands. Where it is right on part of the line only, the
    /// user is told exactly that (<see cref="VerdictKind.Partial"/>), never that it is verified.
    /// </summary>
    public static bool HoldsSomewhere(Expr integrand, Expr answer) =>
        Problems.VerifyEverywhere(Problems.Integration(integrand), answer).Verdict.HoldsOnSomeInterval;

    /// <summary>Not wrong: the answer (or its real form) is right on some interval, or the verifier cannot tell.</summary>
    public static bool NotWrong(Expr integrand, Expr answer) =>
        HasNonRealConstant(integrand)
        || Problems.VerifyEverywhere(Problems.Integration(integrand), answer).Verdict.Kind != VerdictKind.Rejected;

    /// <summary>
    /// A constant part that is not a real number (atanh(5) = 0.2 + iπ/2, asin(3)): outside the rules' contract, which
    /// takes constants for real numbers (tanh(u + atanh 5) is the real coth(u + 0.2), yet ln(cosh(...)) is not its real
    /// antiderivative). The verifier still judges whatever they answer; such answers are just not the rules' promise.
    /// </summary>
    public static bool HasNonRealConstant(Expr e) =>
        ExprParts.Nodes(e).OfType<Op>().Where(op => !ExprParts.Contains(op, "x"))
            .Any(op => Evaluator.EvalComplex(op, new System.Numerics.Complex[Symbols.SlotCount]) is var v && double.IsFinite(v.Real) && Math.Abs(v.Imaginary) > 1e-9);

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
        Assert.True(VerifiesEverywhere(f, integral!), $"{integrand}: {integral}");
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
        Assert.True(VerifiesEverywhere(f, integral!), $"{integrand}: {integral}");
        Assert.True(integral!.Size <= Canonical(textbook).Size + slack, $"{integrand}: {integral} is larger than {textbook}");
    }

    /// <summary>
    /// Like <see cref="AssertIntegrated"/>, and d/dx answer equals the integrand at every real point that can decide,
    /// on principal branches (complex values allowed): the answer holds on the whole line, not on one interval only,
    /// so it still verifies beside a term like |x| that rules out the verifier's complex-plane fallback.
    /// </summary>
    public static void AssertIntegratedOnTheWholeLine(string integrand)
    {
        var f = Canonical(integrand);
        var integral = BasicIntegrals.TryIntegrateSum(f);
        Assert.True(integral is not null, $"{integrand} (canonical {f}) was declined");
        var onTheLine = NumericEquivalence.Check(Derivative.Of(integral!), f, NumericEquivalence.Default with { AllowComplex = false });
        Assert.True(onTheLine.IsEqual, $"{integrand}: {integral} ({onTheLine})");
        var beside = Canonical($"abs(x) + {integrand}");
        var sum = BasicIntegrals.TryIntegrateSum(beside);
        Assert.True(sum is not null && VerifiesEverywhere(beside, sum), $"abs(x) + {integrand}: {sum}");
    }

    /// <summary>The ODE rule answers the equation with a solution the verifier accepts.</summary>
    public static void AssertSolved(string equation, Func<Expr, TimeSpan?, RuleScope?, Expr?> rule)
    {
        var problem = InfixParser.ParseEquation(equation);
        var answer = rule(problem, TimeSpan.FromSeconds(5), null);
        Assert.True(answer is not null, $"{equation}: no answer");
        var verdict = OdeVerifier.Check(problem, answer!);
        Assert.True(verdict.Accepted, $"{equation}: {answer} ({verdict.Reason})");
    }

    /// <summary>
    /// The ODE rule answers with a solution right on some interval only, and the verifier says so: y = (x + a8)²/4
    /// solves y' = √y for x &gt; −a8 only (for x &lt; −a8 its slope is negative).
    /// </summary>
    public static void AssertSolvedOnPartOfTheLine(string equation, Func<Expr, TimeSpan?, RuleScope?, Expr?> rule)
    {
        var problem = InfixParser.ParseEquation(equation);
        var answer = rule(problem, TimeSpan.FromSeconds(5), null);
        Assert.True(answer is not null, $"{equation}: no answer");
        var verdict = OdeVerifier.Check(problem, answer!);
        Assert.True(verdict.Kind == VerdictKind.Partial, $"{equation}: {answer} ({verdict.Label}: {verdict.Reason})");
    }

    /// <summary>
    /// One draw of a "never answered wrong" property for an ODE rule: it may decline, but the verifier must not
    /// reject what it answers (an uncheckable verdict on a starved machine is no wrong answer). Counts into <paramref name="tally"/>.
    /// </summary>
    public static Property NotWrong(string equation, Func<Expr, TimeSpan?, RuleScope?, Expr?> rule, OdeTally tally, double seconds = 10)
    {
        var (answer, verdict) = Answer(equation, rule, tally, seconds);
        if (answer is null) return true.Label("declined");
        return (verdict!.Kind != VerdictKind.Rejected).Label($"{equation} -> {answer} ({verdict.Reason})");
    }

    /// <summary>The rule's answer to the equation and the verifier's verdict on it (both null when the rule declines), counted into <paramref name="tally"/>.</summary>
    public static (Expr? Answer, Verdict? Verdict) Answer(string equation, Func<Expr, TimeSpan?, RuleScope?, Expr?> rule, OdeTally tally, double seconds = 10)
    {
        var problem = InfixParser.ParseEquation(equation);
        tally.Tried++;
        var answer = rule(problem, TimeSpan.FromSeconds(seconds), null);
        if (answer is null) return (null, null);
        tally.Solved++;
        return (answer, OdeVerifier.Check(problem, answer, TimeSpan.FromSeconds(seconds)));
    }
}

/// <summary>How many equations a random ODE property tried, and how many the rule answered.</summary>
internal sealed class OdeTally
{
    public int Tried { get; set; }
    public int Solved { get; set; }
}
