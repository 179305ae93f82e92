using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// sec, csc, cot and their hyperbolic twins written as reciprocal powers of cos, sin, tan, cosh, sinh and tanh
/// (sec u = cos(u)⁻¹, cot u = tan(u)⁻¹), the form every integration rule reads: the canonical form keeps the names a
/// user typed, so ∫sec x and ∫1/cos x would otherwise meet different rules.
/// </summary>
internal static class ReciprocalFunctions
{
    /// <summary>The expression with every sec, csc, cot, sech, csch and coth rewritten, or null when it has none.</summary>
    public static Expr? Rewrite(Expr e)
    {
        if (!ExprParts.Nodes(e).Any(n => n is Op { Kind: Operator.Sec or Operator.Csc or Operator.Cot or Operator.Sech or Operator.Csch or Operator.Coth }))
            return null;
        var rewritten = ExprParts.Substitute(e, n => n is Op { Args: [var u] } f && Base(f.Kind) is { } g
            ? Expr.Pow(Expr.Call(g, Rewrite(u) ?? u), Expr.MinusOne)
            : null);
        return Simplifier.TrySimplify(rewritten, out var simple) ? simple : null;
    }

    private static Operator? Base(Operator f) => f switch
    {
        Operator.Sec => Operator.Cos,
        Operator.Csc => Operator.Sin,
        Operator.Cot => Operator.Tan,
        Operator.Sech => Operator.Cosh,
        Operator.Csch => Operator.Sinh,
        Operator.Coth => Operator.Tanh,
        _ => null,
    };
}
