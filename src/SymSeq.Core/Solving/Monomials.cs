using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>Terms c·vᵏ: a coefficient free of the variable v times a rational power of it.</summary>
internal static class Monomials
{
    /// <summary>
    /// term = c·vᵏ with c free of <paramref name="variable"/>: products and quotients nested in any way, √v counts as
    /// v^½, and a rational power of a positive constant times v splits, (c·v)ʳ = cʳ·vʳ (exact for every real v when c &gt; 0,
    /// principal branches included; a power of v itself, or of c/v, does not split that way for negative v, so it stays whole).
    /// </summary>
    /// <summary>
    /// e as Σ cₖ·variableᵏ once products over sums are multiplied out (<see cref="Linearity.Distribute"/>): the
    /// coefficient of each power k (free of the variable, the terms of one k summed), or null when a term does not
    /// split (<see cref="TrySplit"/>). The Bernoulli rule reads p, q, n off it, the exact-equation rule a quadratic in y.
    /// </summary>
    public static Dictionary<Rational, Expr>? PowersOf(Expr e, string variable, int maxTerms = 32)
    {
        var powers = new Dictionary<Rational, List<Expr>>();
        foreach (var term in ExprParts.Terms(Linearity.Distribute(e, maxTerms, variable)))
        {
            if (!TrySplit(term, variable, out var coefficient, out var k)) return null;
            if (!powers.TryGetValue(k, out var list)) powers[k] = list = [];
            list.Add(coefficient);
        }
        return powers.ToDictionary(p => p.Key, p => ExprParts.Sum(p.Value));
    }

    public static bool TrySplit(Expr term, string variable, out Expr coefficient, out Rational power)
    {
        var constants = new List<Expr>();
        var k = Rational.Zero;
        bool Walk(Expr f, Rational scale)
        {
            switch (f)
            {
                case Op { Kind: Operator.Mul } product:
                    return product.Args.All(a => Walk(a, scale));
                case Op { Kind: Operator.Div, Args: [var top, var bottom] } when !ExprParts.Contains(bottom, variable):
                    return Walk(top, scale) && Walk(bottom, -scale);
                case Sym s when s.Name == variable:
                    k += scale;
                    return true;
                case Op { Kind: Operator.Pow, Args: [Sym s, Num { Value: var e }] } when s.Name == variable:
                    k += scale * e;
                    return true;
                case Op { Kind: Operator.Sqrt, Args: [Sym s] } when s.Name == variable:
                    k += scale * Rational.Half;
                    return true;
                case Op { Kind: Operator.Pow, Args: [var inner, Num { Value: var e }] } when PositiveTimesVariable(inner, variable):
                    return Walk(inner, scale * e);
                case Op { Kind: Operator.Sqrt, Args: [var inner] } when PositiveTimesVariable(inner, variable):
                    return Walk(inner, scale * Rational.Half);
                default:
                    if (ExprParts.Contains(f, variable)) return false;
                    constants.Add(scale.IsOne ? f : scale == Rational.MinusOne ? new Op(Operator.Div, Expr.One, f) : Expr.Pow(f, new Num(scale)));
                    return true;
            }
        }
        var ok = Walk(term, Rational.One);
        coefficient = ExprParts.Product(constants);
        power = k;
        return ok;
    }

    /// <summary>c·v or v/c with c a product of positive numbers (a single v, nothing else in v).</summary>
    private static bool PositiveTimesVariable(Expr e, string variable) => e switch
    {
        Op { Kind: Operator.Mul } m => m.Args.Count(a => a is Sym s && s.Name == variable) == 1
            && m.Args.All(a => a is Sym s && s.Name == variable || a is Num { Value.Sign: > 0 }),
        Op { Kind: Operator.Div, Args: [var top, Num { Value.Sign: > 0 }] } => top is Sym s && s.Name == variable || PositiveTimesVariable(top, variable),
        _ => false,
    };
}
