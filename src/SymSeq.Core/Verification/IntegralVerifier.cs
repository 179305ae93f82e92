using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Accepts an antiderivative H of f when H' - f vanishes (<see cref="Residual"/>: symbolically, else numerically
/// with error bounds on principal branches) and H is real, at every real point where f is real: an answer right on
/// some intervals only (ln(x) for 1/x) is <see cref="VerdictKind.Partial"/>, never verified. Any constant of integration is therefore accepted. Every step is time-bounded; nothing
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
            // Right wherever the integrand is real: there the answer must be real and its derivative the integrand.
            return Residual.Judge(new Op(Operator.Sub, d, integrand), budget ?? TimeSpan.FromMilliseconds(500),
                "d/dx answer = integrand", "d/dx answer differs from the integrand", domain: [integrand], required: [hypothesis]);
        });
    }
}
