using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// The integrals no model is needed for: constants and powers of x (c → c·x, xⁿ → xⁿ⁺¹/(n+1), 1/x → ln x,
/// √x → ⅔x^(3/2)), and the table of elementary functions of c·x (exp, ln, sin, cos, tan, sinh, cosh, tanh and the
/// inverse functions). The model never saw a constant integrand in training, and a lone exp(x) is rare in its
/// data, so decomposition hands these to the rules. Every answer is verified like any other.
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
        if (core is Op { Args.Length: 1 } fn && LinearFactor(fn[0]) is { } c && Table(fn.Kind, fn[0]) is { } antiderivative)
        {
            var scaled = c is Num { Value.IsOne: true } ? antiderivative : antiderivative / c;
            return Simplifier.SimplifyOrKeep(scaled);
        }
        return null;
    }

    /// <summary>∫ g(u) du for an elementary g of the table, or null.</summary>
    private static Expr? Table(Operator g, Expr u)
    {
        Expr F(Operator op, Expr a) => Expr.Call(op, a);
        var half = Expr.Rat(1, 2);
        var uu = Expr.Pow(u, Expr.Two);
        return g switch
        {
            Operator.Exp => F(Operator.Exp, u),
            Operator.Ln => u * F(Operator.Ln, u) - u,
            Operator.Sin => -F(Operator.Cos, u),
            Operator.Cos => F(Operator.Sin, u),
            Operator.Tan => -F(Operator.Ln, F(Operator.Cos, u)),
            Operator.Sinh => F(Operator.Cosh, u),
            Operator.Cosh => F(Operator.Sinh, u),
            Operator.Tanh => F(Operator.Ln, F(Operator.Cosh, u)),
            Operator.Asin => u * F(Operator.Asin, u) + F(Operator.Sqrt, Expr.One - uu),
            Operator.Acos => u * F(Operator.Acos, u) - F(Operator.Sqrt, Expr.One - uu),
            Operator.Atan => u * F(Operator.Atan, u) - half * F(Operator.Ln, uu + Expr.One),
            Operator.Asinh => u * F(Operator.Asinh, u) - F(Operator.Sqrt, uu + Expr.One),
            Operator.Acosh => u * F(Operator.Acosh, u) - F(Operator.Sqrt, uu - Expr.One),
            Operator.Atanh => u * F(Operator.Atanh, u) + half * F(Operator.Ln, Expr.One - uu),
            _ => null,
        };
    }

    /// <summary>c when u = c·x with c free of x (1 for x itself), else null.</summary>
    private static Expr? LinearFactor(Expr u)
    {
        if (u is Sym { Name: "x" }) return Expr.One;
        if (u is Op { Kind: Operator.Mul } m && m.Args.Count(a => a is Sym { Name: "x" }) == 1
            && m.Args.Where(a => a is not Sym { Name: "x" }).All(a => !ExprParts.Contains(a, "x")))
        {
            var rest = m.Args.Where(a => a is not Sym { Name: "x" }).ToArray();
            return rest.Length == 1 ? rest[0] : new Op(Operator.Mul, rest);
        }
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
