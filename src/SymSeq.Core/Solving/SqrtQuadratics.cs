using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// ∫ p(x)/√q and ∫ p(x)·√q for a polynomial p and a quadratic q = a·x² + b·x + c with rational coefficients
/// (√q·p = p·q/√q), by the reduction Iₙ = (xⁿ⁻¹·√q − (n − ½)·b·Iₙ₋₁ − (n − 1)·c·Iₙ₋₂)/(n·a) for Iₙ = ∫ xⁿ/√q, which
/// differentiating xⁿ⁻¹·√q gives; I₀ is the table's ∫ 1/√q (<see cref="BasicIntegrals.OfQuadratic"/>). This is
/// what integrating x²·asin(x) by parts leaves, and a textbook family of its own (x³/√(x² + 1), x·√(4 − x²)).
/// </summary>
internal static class SqrtQuadratics
{
    private const int MaxDegree = 10;

    public static Expr? TryIntegrate(Expr core)
    {
        var factors = core is Op { Kind: Operator.Mul } m ? m.Args.ToArray() : [core];
        // exactly one factor is the root of a quadratic (or one over it)
        (int Index, Expr Q, bool Up, Rational A, Rational B, Rational C)? found = null;
        for (var i = 0; i < factors.Length; i++)
            if (Radicand(factors[i], out var isUp) is { } radicand && BasicIntegrals.QuadraticCoefficients(radicand) is var (qa, qb, qc))
            {
                if (found is not null) return null;
                found = (i, radicand, isUp, qa, qb, qc);
            }
        if (found is not var (index, q, up, a, b, c)) return null;
        if (!Polynomial.TryPolynomial(ExprParts.Product(factors.Where((_, i) => i != index).ToArray()), out var p)) return null;
        if (up) p *= new Polynomial([c, b, a]);
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

    /// <summary>q for a factor q^(−½) (up false) or √q, q^(½) (up true), else null.</summary>
    private static Expr? Radicand(Expr f, out bool up)
    {
        up = false;
        switch (f)
        {
            case Op { Kind: Operator.Pow, Args: [var q, Num { Value: var e }] } when e == -Rational.Half || e == Rational.Half:
                up = e == Rational.Half;
                return q;
            case Op { Kind: Operator.Sqrt, Args: [var q] }:
                up = true;
                return q;
            default:
                return null;
        }
    }
}
