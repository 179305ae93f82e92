using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// The integrals no model is needed for: constants and powers of x (c → c·x, xⁿ → xⁿ⁺¹/(n+1), 1/x → ln x,
/// √x → ⅔x^(3/2)). The model never saw a constant integrand in training, so decomposition hands these to the rules.
/// </summary>
public static class BasicIntegrals
{
    /// <summary>∫ core dx for a core of <see cref="LinearTerm"/> (1 for a constant term), or null.</summary>
    public static Expr? TryIntegrate(Expr core)
    {
        if (!ExprParts.Contains(core, "x")) return core is Num { Value.IsOne: true } ? Expr.X : core * Expr.X;
        if (core is Sym { Name: "x" }) return Expr.Rat(1, 2) * Expr.Pow(Expr.X, Expr.Two);
        if (core is Op { Kind: Operator.Sqrt } r && r[0] is Sym { Name: "x" }) return Expr.Rat(2, 3) * Expr.Pow(Expr.X, Expr.Rat(3, 2));
        if (core is Op { Kind: Operator.Pow } p && p[0] is Sym { Name: "x" } && p[1] is Num { Value: var n })
        {
            if (n == Rational.MinusOne) return Expr.Call(Operator.Ln, Expr.X);
            var m = n + Rational.One;
            return new Num(m.Reciprocal()) * Expr.Pow(Expr.X, new Num(m));
        }
        if (core is Op { Kind: Operator.Div } d && d[0] is Num { Value.IsOne: true } && d[1] is Sym { Name: "x" })
            return Expr.Call(Operator.Ln, Expr.X);
        return null;
    }

    /// <summary>∫ e dx when every summand of e is a factor times a basic integral, or null.</summary>
    public static Expr? TryIntegrateSum(Expr e)
    {
        var parts = new List<(Expr, Expr)>();
        foreach (var t in Linearity.Split(e))
        {
            if (TryIntegrate(t.Core) is not { } g) return null;
            parts.Add((t.Factor, g));
        }
        return Linearity.Combine(parts);
    }
}
