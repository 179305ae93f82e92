using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>Terms c·vᵏ: a coefficient free of the variable v times a rational power of it.</summary>
internal static class Monomials
{
    /// <summary>term = c·vᵏ with c free of <paramref name="variable"/> (products nested in any way; √v counts as v^½).</summary>
    public static bool TrySplit(Expr term, string variable, out Expr coefficient, out Rational power)
    {
        var constants = new List<Expr>();
        var k = Rational.Zero;
        bool Walk(Expr f)
        {
            switch (f)
            {
                case Op { Kind: Operator.Mul } product:
                    return product.Args.All(Walk);
                case Sym s when s.Name == variable:
                    k += Rational.One;
                    return true;
                case Op { Kind: Operator.Pow, Args: [Sym s, Num { Value: var e }] } when s.Name == variable:
                    k += e;
                    return true;
                case Op { Kind: Operator.Sqrt, Args: [Sym s] } when s.Name == variable:
                    k += Rational.Half;
                    return true;
                default:
                    if (ExprParts.Contains(f, variable)) return false;
                    constants.Add(f);
                    return true;
            }
        }
        var ok = Walk(term);
        coefficient = ExprParts.Product(constants);
        power = k;
        return ok;
    }
}
