using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Accepts an antiderivative H of f when H' = f: first symbolically (the canonical form of H' - f is 0), else
/// numerically at random points (domain-aware, complex where the real line has too few points). Any constant
/// of integration is therefore accepted. Every step is time-bounded; nothing here throws on bad hypotheses.
/// </summary>
public static class IntegralVerifier
{
    public static Verdict Check(Expr integrand, Expr hypothesis, TimeSpan? budget = null)
    {
        try
        {
            if (ExprParts.ContainsUnknown(hypothesis)) return Verdict.Reject("the answer mentions the unknown function");
            var d = Derivative.Of(hypothesis);
            if (Simplifier.TrySimplify(new Op(Operator.Sub, d, integrand), out var diff, budget ?? TimeSpan.FromMilliseconds(500))
                && diff is Num { Value.IsZero: true })
                return Verdict.Accept("symbolic: d/dx answer - integrand simplifies to 0");
            var r = NumericEquivalence.Check(d, integrand);
            return r.Verdict switch
            {
                Equivalence.Equal => Verdict.Accept($"numeric: d/dx answer = integrand at {r.PointsUsed} points (worst relative error {r.WorstError:G2})"),
                Equivalence.Different => Verdict.Reject($"d/dx answer differs from the integrand (relative error {r.WorstError:G2})"),
                _ => Verdict.Reject($"could not compare: only {r.PointsUsed} of {r.PointsTried} points were in the domain"),
            };
        }
        catch (Exception e) when (e is NotSupportedException or ArithmeticException or ArgumentException or TimeoutException)
        {
            return Verdict.Reject($"check failed: {e.Message}");
        }
    }
}
