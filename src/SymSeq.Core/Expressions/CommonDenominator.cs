namespace SymSeq.Expressions;

/// <summary>A sum in canonical form written over one denominator, so that a factor it shares with another expression can cancel.</summary>
public static class CommonDenominator
{
    /// <summary>
    /// N/D for a sum: D is the product of each base's largest negative power among the terms, N the sum of each term
    /// times D, simplified (1 + x/√(x² + 1) → (√(x² + 1) + x)/√(x² + 1)). The expression itself when it is not a sum or
    /// no term has a denominator. Not simplified as a whole: simplification would take D apart again.
    /// </summary>
    public static Expr Together(Expr e)
    {
        if (e is not Op { Kind: Operator.Add } sum) return e;
        var bases = new Dictionary<Expr, Rational>();
        foreach (var term in sum.Args)
            foreach (var factor in term is Op { Kind: Operator.Mul } product ? product.Args.ToArray() : [term])
                if (factor is Op { Kind: Operator.Pow, Args: [var b, Num { Value: { Sign: < 0 } k }] })
                    bases[b] = bases.TryGetValue(b, out var had) && had > -k ? had : -k;
        if (bases.Count == 0) return e;
        var d = ExprParts.Product(bases.Select(kv => kv.Value.IsOne ? kv.Key : Expr.Pow(kv.Key, new Num(kv.Value))).ToArray());
        var n = Simplifier.SimplifyOrKeep(ExprParts.Sum(sum.Args.Select(t => Simplifier.SimplifyOrKeep(t * d)).ToArray()));
        return n / d;
    }
}
