using SymSeq.Algebra;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// ∫ p(x)/√q and ∫ p(x)·q^(m − ½) for a polynomial p and a quadratic q = a·x² + b·x + c with rational coefficients
/// (p·q^(m − ½) = p·qᵐ/√q: √q, q^(3/2), ...), by the reduction Iₙ = (xⁿ⁻¹·√q − (n − ½)·b·Iₙ₋₁ − (n − 1)·c·Iₙ₋₂)/(n·a) for Iₙ = ∫ xⁿ/√q, which
/// differentiating xⁿ⁻¹·√q gives; I₀ is the table's ∫ 1/√q (<see cref="BasicIntegrals.OfQuadratic"/>). This is
/// what integrating x²·asin(x) by parts leaves, and a textbook family of its own (x³/√(x² + 1), x·√(4 − x²)).
/// </summary>
internal static class SqrtQuadratics
{
    private const int MaxDegree = 10;

    /// <summary>∫ p/√q and ∫ p·√q.</summary>
    public static Expr? TryIntegrate(Expr core) => Integrate(core, 0, 1);

    /// <summary>∫ p·q^(3/2) and higher powers, tried after the substitutions (x·(x² + 1)^(3/2) is tidier by t = x² + 1).</summary>
    public static Expr? TryIntegrateHigherPowers(Expr core) => Integrate(core, 2, MaxUp);

    private static Expr? Integrate(Expr core, int lowest, int highest)
    {
        var factors = core is Op { Kind: Operator.Mul } m ? m.Args.ToArray() : [core];
        // exactly one factor is the root of a quadratic (or one over it)
        (int Index, Expr Q, int Up, Rational A, Rational B, Rational C)? found = null;
        for (var i = 0; i < factors.Length; i++)
            if (Radicand(factors[i], out var up) is { } radicand && BasicIntegrals.QuadraticCoefficients(radicand) is var (qa, qb, qc))
            {
                if (found is not null) return null;
                found = (i, radicand, up, qa, qb, qc);
            }
        if (found is not var (index, q, power, a, b, c) || power < lowest || power > highest) return null;
        if (!Polynomial.TryPolynomial(ExprParts.Product(factors.Where((_, i) => i != index).ToArray()), out var p)) return null;
        p *= new Polynomial([c, b, a]).Pow(power);
        if (p.IsZero || p.Degree > MaxDegree) return null;
        if (BasicIntegrals.OfQuadratic(q, -Rational.Half) is not { } i0) return null;
        var root = Expr.Call(Operator.Sqrt, q);
        var integrals = new List<Expr> { i0 };
        for (var n = 1; n <= p.Degree; n++)
        {
            Expr next = n == 1 ? root : Expr.Pow(Expr.X, Expr.Int(n - 1)) * root;
            if (!b.IsZero) next -= new Num((n - Rational.Half) * b) * integrals[n - 1];
            if (n >= 2 && !c.IsZero) next -= new Num((n - 1) * c) * integrals[n - 2];
            integrals.Add(Simplifier.SimplifyOrKeep(next / new Num(n * a)));
        }
        var terms = Enumerable.Range(0, p.Degree + 1).Where(k => !p[k].IsZero).Select(k => new Num(p[k]) * integrals[k]).ToList();
        return Simplifier.SimplifyOrKeep(ExprParts.Sum(terms));
    }

    /// <summary>Highest power q^(m − ½) read as q^m/√q.</summary>
    private const int MaxUp = 3;

    /// <summary>q for a factor q^(m − ½), 0 ≤ m ≤ <see cref="MaxUp"/> (q^(−½), √q, q^(3/2), ...), with m in <paramref name="up"/>; else null.</summary>
    private static Expr? Radicand(Expr f, out int up)
    {
        up = 0;
        switch (f)
        {
            case Op { Kind: Operator.Pow, Args: [var q, Num { Value: var e }] } when (e + Rational.Half).IsInteger && e + Rational.Half >= Rational.Zero && e + Rational.Half <= new Rational(MaxUp):
                up = (int)(e + Rational.Half).Num;
                return q;
            case Op { Kind: Operator.Sqrt, Args: [var q] }:
                up = 1;
                return q;
            default:
                return null;
        }
    }
}
