using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Solving;

/// <summary>
/// The integrals inside the ODE methods (an integrating factor, variation of parameters, a reduced order): a basic
/// rule's answer for every term when there is one, else the first of the integration rules' candidates
/// (<see cref="RuleIntegration"/>) that the integral verifier accepts, all inside the caller's budget. So ∫ sec x dx
/// or ∫ x·eˣ dx inside an ODE costs no more than a basic integral where the basic rules suffice, and an
/// unverified candidate never enters an answer.
/// </summary>
internal static class Antiderivatives
{
    /// <summary>An antiderivative of <paramref name="integrand"/> (free symbols are constants), or null.</summary>
    public static Expr? Find(Expr integrand, Deadline clock)
    {
        if (integrand is Num { Value.IsZero: true }) return Expr.Zero;
        if (BasicIntegrals.TryIntegrateSum(integrand) is { } basic) return basic;
        foreach (var candidate in RuleIntegration.Candidates(integrand))
            if (IntegralVerifier.Check(integrand, candidate, clock.Left).Accepted) return candidate;
        return null;
    }
}
