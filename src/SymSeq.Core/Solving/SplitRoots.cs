using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// An antiderivative found over one root √q written back over two, √u·√v with u·v = q: every q^(k/2) (k odd) becomes
/// u^(k/2)·v^(k/2). Rules merge √u·√v into √(u·v) (<see cref="AlgebraicPart"/>) or meet √(v² − 1) where the integrand
/// has √(v − 1)·√(v + 1) (acosh′ in <see cref="ByParts"/>); the two agree only where u and v are both positive. Both
/// roots s obey s² = q and s′ = q′/(2s), which is all the rules' algebra uses, so the answer with the roots split is
/// an antiderivative of the integrand as written on principal branches everywhere, not on one interval only. That
/// matters beside a term such as |x|, analytic nowhere off the real line, where the verifier cannot fall back on the
/// complex plane.
/// </summary>
internal static class SplitRoots
{
    public static Expr Apply(Expr answer, Expr q, Expr u, Expr v) =>
        ExprParts.Substitute(answer, node => node switch
        {
            Op { Kind: Operator.Pow, Args: [var b, Num { Value: var r }] } when r.Den == 2 && Same(b, q) =>
                Expr.Pow(u, new Num(r)) * Expr.Pow(v, new Num(r)),
            Op { Kind: Operator.Sqrt, Args: [var b] } when Same(b, q) =>
                Expr.Call(Operator.Sqrt, u) * Expr.Call(Operator.Sqrt, v),
            _ => null,
        });

    private static bool Same(Expr b, Expr q) => ExprParts.Contains(b, "x") && Simplifier.TrySimplify(b - q, out var d) && d is Num { Value.IsZero: true };
}
