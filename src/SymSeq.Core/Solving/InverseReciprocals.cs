using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// acot, asec, acsc and their hyperbolic twins written as atan, acos, asin, atanh, acosh and asinh of the reciprocal
/// (acot u = atan(1/u), asec u = acos(1/u), acoth u = atanh(1/u), ...: SymPy's definitions, so they hold on principal
/// branches wherever the function is real), the forms the table and by parts know; the answer is written back in the
/// functions the integrand used. ∫ asec x, x·acoth x, acsch(x)/x².
/// </summary>
internal static class InverseReciprocals
{
    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        if (!ExprParts.Nodes(core).Any(n => n is Op { Kind: var k } && Primary(k) is not null)) return null;
        var rewritten = ExprParts.Substitute(core, n => n is Op { Args: [var u] } f && Primary(f.Kind) is { } g
            ? Expr.Call(g, Expr.One / u)
            : null);
        if (!Simplifier.TrySimplify(rewritten, out var simple) || simple.Equals(core)) return null;
        scope.Note($"rewritten as {simple}");
        if (BasicIntegrals.TryIntegrate(simple, scope) is not { } answer) return null;
        // back in the integrand's own functions: atan(1/u) is acot(u) again, and so on
        var used = ExprParts.Nodes(core).OfType<Op>().Select(o => o.Kind).ToHashSet();
        return ExprParts.Substitute(answer, n => n is Op { Args: [var arg] } f && Reciprocal(f.Kind) is { } r && used.Contains(r)
            && Inverse(arg) is { } u ? Expr.Call(r, u) : null);
    }

    /// <summary>u when e is 1/u (written 1/u or u⁻¹), else null.</summary>
    private static Expr? Inverse(Expr e) => e switch
    {
        Op { Kind: Operator.Div, Args: [Num { Value.IsOne: true }, var u] } => u,
        Op { Kind: Operator.Pow, Args: [var u, Num { Value: var k }] } when k == Rational.MinusOne => u,
        _ => null,
    };

    private static Operator? Primary(Operator f) => f switch
    {
        Operator.Acot => Operator.Atan,
        Operator.Asec => Operator.Acos,
        Operator.Acsc => Operator.Asin,
        Operator.Acoth => Operator.Atanh,
        Operator.Asech => Operator.Acosh,
        Operator.Acsch => Operator.Asinh,
        _ => null,
    };

    private static Operator? Reciprocal(Operator f) => f switch
    {
        Operator.Atan => Operator.Acot,
        Operator.Acos => Operator.Asec,
        Operator.Asin => Operator.Acsc,
        Operator.Atanh => Operator.Acoth,
        Operator.Acosh => Operator.Asech,
        Operator.Asinh => Operator.Acsch,
        _ => null,
    };
}
