using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Accepts an antiderivative H of f when H' - f vanishes (<see cref="Residual"/>: symbolically, else numerically
/// with error bounds on principal branches, on some interval at least). Any constant of integration is therefore accepted. Every step is time-bounded; nothing
/// here throws on bad hypotheses.
/// </summary>
public static class IntegralVerifier
{
    public static Verdict Check(Expr integrand, Expr hypothesis, TimeSpan? budget = null)
    {
        if (ExprParts.ContainsUnknown(integrand))
            throw new ArgumentException("an integrand may not contain the unknown function f(x) (or y); use solve for an ODE");
        return Verdict.Guard(() =>
        {
            if (ExprParts.ContainsUnknown(hypothesis)) return Verdict.Reject("the answer mentions the unknown function");
            var d = Derivative.Of(hypothesis);
            return Residual.Judge(new Op(Operator.Sub, d, integrand), budget ?? TimeSpan.FromMilliseconds(500),
                "d/dx answer = integrand", "d/dx answer differs from the integrand");
        });
    }
}
