using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Accepts an antiderivative H of f when H' = f: first symbolically (the canonical form of H' - f is 0), else
/// numerically at random points (domain-aware, complex where the real line has too few points). Any constant
/// of integration is therefore accepted. Every step is time-bounded; nothing here throws on bad hypotheses.
/// </summary>
public static class IntegralVerifier
{
    public static Verdict Check(Expr integrand, Expr hypothesis, TimeSpan? budget = null) => Verdict.Guard(() =>
    {
        if (ExprParts.ContainsUnknown(hypothesis)) return Verdict.Reject("the answer mentions the unknown function");
        var d = Derivative.Of(hypothesis);
        if (Simplifier.TrySimplify(new Op(Operator.Sub, d, integrand), out var diff, budget ?? TimeSpan.FromMilliseconds(500))
            && diff is Num { Value.IsZero: true })
            return Verdict.Accept("symbolic: d/dx answer - integrand simplifies to 0");
        return Verdict.FromComparison(NumericEquivalence.Check(d, integrand),
            "d/dx answer = integrand", "d/dx answer differs from the integrand");
    });
}
