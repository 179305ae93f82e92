using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Accepts a solution y(x) of an ODE F(x, Y, Y', Y'') = 0 when substituting it (and its derivatives) makes the
/// equation vanish at random points, for random values of any constants a0..a9 it contains.
/// </summary>
public static class OdeVerifier
{
    public static Verdict Check(Expr equation, Expr solution) => Verdict.Guard(() =>
    {
        if (ExprParts.ContainsUnknown(solution)) return Verdict.Reject("the solution mentions the unknown function");
        var d1 = Derivative.Of(solution);
        var derivatives = new[] { solution, d1, Derivative.Of(d1) };
        var substituted = ExprParts.Substitute(equation, e => e is Unknown u ? derivatives[u.Order] : null);
        return Verdict.FromComparison(
            NumericEquivalence.Check(substituted, Expr.Zero, NumericEquivalence.Default with { RelativeTolerance = 1e-6 }),
            "the equation vanishes", "the equation does not vanish");
    });
}
