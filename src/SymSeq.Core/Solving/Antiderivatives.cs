using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Solving;

/// <summary>
/// The integrals inside the ODE methods (an integrating factor, variation of parameters, a reduced order, an exact
/// equation's potential): the smaller of a basic rule's answer for every term and the first of the integration
/// rules' candidates (<see cref="RuleIntegration"/>) that the integral verifier accepts, all inside the caller's
/// budget. A rule candidate enters an answer only verified.
/// </summary>
internal static class Antiderivatives
{
    /// <summary>At most this many of the plans' candidates are checked.</summary>
    public const int MaxCandidates = 3;

    /// <summary>An antiderivative of <paramref name="integrand"/> (free symbols are constants), or null.</summary>
    public static Expr? Find(Expr integrand, Deadline clock)
    {
        if (integrand is Num { Value.IsZero: true }) return Expr.Zero;
        var scope = clock.Scope;   // the plans integrate the same terms as the basic sum: one memo
        Step? best;
        using (scope.Open())   // only the step kept is recorded for the asking method
        {
            var basic = BasicIntegrals.TryDeriveSum(integrand, scope);
            // the basic rules alone can take a long way round with a parameter in the integrand ((y + x²)/x² gave
            // √(x²) − y/√(x²), right for x > 0 only); the smallest of the plans' first verified answers is kept when it is smaller
            best = basic;
            foreach (var candidate in RuleIntegration.Derivations(Decomposition.Plans(integrand, scope: scope)).Take(MaxCandidates))
                if (!candidate.Result.Equals(basic?.Result) && IntegralVerifier.Check(integrand, candidate.Result, clock.Left).HoldsOnSomeInterval
                    && ReferenceEquals(Smallest(best?.Result, candidate.Result), candidate.Result))
                    best = candidate;
        }
        if (best is not null) scope.Record(best);
        return best?.Result;
    }

    /// <summary>The one of a and b with fewer nodes (a on a tie), or the one that is not null.</summary>
    public static Expr? Smallest(Expr? a, Expr? b) =>
        a is null ? b : b is null ? a : ExprParts.Nodes(b).Count() < ExprParts.Nodes(a).Count() ? b : a;
}
