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

    /// <summary>
    /// ∫ e with tan u written sin u/cos u and tanh u as sinh u/cosh u, for an e that holds tan (tanh) beside sin or cos
    /// (sinh or cosh) or powers of them: tan x/cos x = sin x/cos²x, a substitution, where the half-angle
    /// substitution would find a longer answer. Null when e has no such mix or the rules find no integral.
    /// </summary>
    public static Expr? TryIntegrateAsQuotients(Expr e, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        var kinds = ExprParts.Nodes(e).OfType<Op>().Select(n => n.Kind).ToHashSet();
        var circular = kinds.Contains(Operator.Tan) && (kinds.Contains(Operator.Sin) || kinds.Contains(Operator.Cos));
        var hyperbolic = kinds.Contains(Operator.Tanh) && (kinds.Contains(Operator.Sinh) || kinds.Contains(Operator.Cosh));
        if (!circular && !hyperbolic) return null;
        var rewritten = ExprParts.Substitute(e, n => n switch
        {
            Op { Kind: Operator.Tan, Args: [var u] } when circular => new Op(Operator.Div, Expr.Call(Operator.Sin, u), Expr.Call(Operator.Cos, u)),
            Op { Kind: Operator.Tanh, Args: [var u] } when hyperbolic => new Op(Operator.Div, Expr.Call(Operator.Sinh, u), Expr.Call(Operator.Cosh, u)),
            _ => null,
        });
        return Simplifier.TrySimplify(rewritten, out var simple) && !simple.Equals(e) ? BasicIntegrals.TryIntegrate(simple, scope) : null;
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
