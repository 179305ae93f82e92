using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// t = k·x + d when every function and root of the integrand reads the same affine u = k·x + d other than x:
/// x = (t − d)/k and dx = dt/k make functions of t alone, beside a polynomial or rational factor in t, which the
/// rules are written for (x·asec(2x) → t·asec(t)/4; x²·asin(3x + 1)² → (t − 1)²·asin(t)²/27; asinh(3x + 1)² →
/// asinh(t)²/3, where by parts with the plain x would meet 1/√((3x + 1)² + 1)). Tried late, after the table has
/// taken the single functions of an affine u.
/// A shift of variable is one-to-one on the whole line, so no branch is chosen and the answer holds wherever the
/// integral in t does. The new integrand's functions read t alone, so the rule never applies to its own result.
/// </summary>
internal static class AffineSubstitution
{
    /// <summary>Largest integrand tried (nodes).</summary>
    internal const int MaxSize = 60;

    private static readonly Sym T = new("t");

    public static Expr? TryIntegrate(Expr core, RuleScope scope)
    {
        if (ExprParts.Contains(core, T.Name) || SharedOperand(core) is not { } u || BasicIntegrals.RationalSlope(u) is not var (k, d)) return null;
        var x = (T - d) / new Num(k);
        var inT = ExprParts.Substitute(core, n => n is Sym { Name: "x" } ? x : null) / new Num(k);
        return ChangeOfVariable.Integrate(inT, u, scope);
    }

    /// <summary>
    /// The one affine operand, other than x, of every function and fractional power in <paramref name="core"/> that
    /// holds x; else null (x read plainly by a function, two different operands, or no function of x at all).
    /// </summary>
    private static Expr? SharedOperand(Expr core)
    {
        Expr? shared = null;
        return Visit(core) ? shared : null;

        bool Visit(Expr e)
        {
            switch (e)
            {
                case Op { Kind: Operator.Add or Operator.Mul } op:
                    return op.Args.All(Visit);
                case Op { Kind: Operator.Pow, Args: [var b, Num { Value.IsInteger: true }] }:
                    return Visit(b);
                case Op { Kind: Operator.Pow, Args: [var b, Num] }:
                    return Operand(b);
                case Op { Args: [var a] } when ExprParts.Contains(a, "x"):
                    return Operand(a);
                case Op op when ExprParts.Contains(op, "x"):
                    return false;   // x in an exponent, or any other shape: not this rule's
                default:
                    return true;
            }
        }

        bool Operand(Expr a)
        {
            if (!ExprParts.Contains(a, "x")) return true;
            if (a is Sym || BasicIntegrals.RationalSlope(a) is null) return false;
            if (shared is null) { shared = a; return true; }
            return shared.Equals(a);
        }
    }
}
