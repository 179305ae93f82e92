using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>One summand of an integrand: a factor free of x times the part that depends on x (1 for a constant term).</summary>
public sealed record LinearTerm(Expr Factor, Expr Core)
{
    public bool IsConstant => Core is Num { Value.IsOne: true };
}

/// <summary>
/// Linearity of integration: ∫ Σ cᵢ·gᵢ = Σ cᵢ·∫gᵢ. Splits a canonical integrand into its summands and takes every
/// x-free factor (numbers, π, e, sqrt(2), ln 3, ...) out of each, so the model sees the bare gᵢ whatever the
/// coefficients: 1000·f and f/7 become f, and f + exp(x) becomes f and exp(x).
/// </summary>
public static class Linearity
{
    public static IReadOnlyList<LinearTerm> Split(Expr integrand)
    {
        var terms = integrand is Op { Kind: Operator.Add } sum ? sum.Args.ToList() : [integrand];
        return terms.Select(SplitTerm).ToList();
    }

    public static LinearTerm SplitTerm(Expr term)
    {
        if (!ExprParts.Contains(term, "x")) return new LinearTerm(term, Expr.One);
        if (term is not Op { Kind: Operator.Mul } m) return new LinearTerm(Expr.One, term);
        var constant = m.Args.Where(a => !ExprParts.Contains(a, "x")).ToList();
        var varying = m.Args.Where(a => ExprParts.Contains(a, "x")).ToList();
        return new LinearTerm(Product(constant), Product(varying));
    }

    /// <summary>Σ factorᵢ·integralᵢ, simplified when that succeeds.</summary>
    public static Expr Combine(IEnumerable<(Expr Factor, Expr Integral)> parts)
    {
        var terms = parts.Select(p => p.Factor is Num { Value.IsOne: true } ? p.Integral : p.Factor * p.Integral).ToList();
        var sum = terms.Count == 1 ? terms[0] : new Op(Operator.Add, terms.ToArray());
        return Simplifier.TrySimplify(sum, out var s) ? s : sum;
    }

    private static Expr Product(List<Expr> factors) => factors.Count switch
    {
        0 => Expr.One,
        1 => factors[0],
        _ => new Op(Operator.Mul, factors.ToArray()),
    };
}
