using SymSeq.Algebra;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// ∫ p/q dx for polynomials p, q with rational coefficients, by partial fractions: the polynomial part by division,
/// then q factored into its rational roots (with multiplicities), quadratics with rational coefficients
/// (<see cref="QuadraticFactors"/>) and at most one quartic x⁴ + p·x² + r that needs radicals (<see cref="EvenQuartics"/>),
/// and the remainder written as Σ cᵣₖ/(x − r)ᵏ + Σ (A·x + B)/s + N/Q by solving a linear system. Each piece has a closed form:
/// ln(x − r), −1/((k−1)(x − r)^(k−1)), and for s = a·x² + b·x + c, (A/2a)·ln(±s) plus (B − A·b/2a)·∫1/s
/// (<see cref="BasicIntegrals.OfQuadratic"/>). A repeated factor that is not a rational root goes through Hermite's
/// reduction first; a remainder that is c·q′ gives c·ln(q) whatever q is. Declines (null) otherwise.
/// </summary>
public static class RationalIntegrals
{
    /// <summary>∫ e dx when e is a rational function of x that partial fractions can do, else null.</summary>
    public static Expr? TryIntegrate(Expr e) =>
        Polynomial.TryRational(e, out var p, out var q) ? Integrate(p, q) : null;

    public static Expr? Integrate(Polynomial p, Polynomial q)
    {
        var (whole, remainder) = Polynomial.DivRem(p, q);
        var terms = new List<Expr>();
        if (!whole.IsZero) terms.Add(whole.Antiderivative().ToExpr());
        if (!remainder.IsZero)
        {
            if ((Fractions(remainder, q) ?? Hermite(remainder, q) ?? LogarithmicDerivative(remainder, q)) is not { } fractions) return null;
            terms.AddRange(fractions);
        }
        return Simplifier.SimplifyOrKeep(terms.Count == 0 ? Expr.Zero : ExprParts.Sum(terms));
    }

    /// <summary>∫ r/q for deg r &lt; deg q, or null.</summary>
    private static List<Expr>? Fractions(Polynomial r, Polynomial q)
    {
        var (roots, rest) = q.RationalRoots();
        var (quadratics, left) = rest.Degree >= 2 ? QuadraticFactors.Split(rest) : ([], rest);
        var quartic = left.Degree == 4 && EvenQuartics.IsEven(left) ? left : null;
        if (left.Degree >= 1 && quartic is null) return null;
        // One basis numerator per unknown: q/(x − r)ᵏ for each root and k ≤ its multiplicity; x·q/s and q/s for each
        // quadratic s; xᵏ·q/Q for k ≤ 3 and the quartic Q.
        var basis = new List<Polynomial>();
        foreach (var (root, m) in roots)
        {
            var factor = Polynomial.X - Polynomial.Constant(root);
            var power = Polynomial.One;
            for (var k = 1; k <= m; k++)
            {
                power *= factor;
                basis.Add(Polynomial.DivRem(q, power).Quotient);
            }
        }
        foreach (var s in quadratics)
        {
            var over = Polynomial.DivRem(q, s).Quotient;
            basis.Add(Polynomial.X * over);
            basis.Add(over);
        }
        if (quartic is not null)
        {
            var over = Polynomial.DivRem(q, quartic).Quotient;
            for (var k = 0; k <= 3; k++) basis.Add(Polynomial.Monomial(Rational.One, k) * over);
        }
        if (Solve(basis, r, q.Degree) is not { } c) return null;

        var parts = new List<Expr>();
        var i = 0;
        foreach (var (root, m) in roots)
        {
            var u = Simplifier.SimplifyOrKeep(Expr.X - new Num(root));
            for (var k = 1; k <= m; k++, i++)
            {
                if (c[i].IsZero) continue;
                parts.Add(k == 1 ? new Num(c[i]) * Expr.Call(Operator.Ln, u)
                    : new Num(-c[i] / (k - 1)) / Expr.Pow(u, Expr.Int(k - 1)));
            }
        }
        foreach (var s in quadratics)
        {
            if (OverQuadratic(c[i], c[i + 1], s) is not { } part) return null;
            parts.AddRange(part);
            i += 2;
        }
        if (quartic is not null)
        {
            if (EvenQuartics.Integrate(new Polynomial(c.Skip(i).Take(4)), quartic) is not { } part) return null;
            parts.Add(part);
        }
        return parts;
    }

    /// <summary>∫ (A·x + B)/s for a quadratic s with no rational root: A·x + B = (A/2a)·s′ + (B − A·b/2a).</summary>
    private static List<Expr>? OverQuadratic(Rational A, Rational B, Polynomial quadratic)
    {
        var (a, b) = (quadratic[2], quadratic[1]);
        var logPart = A / (2 * a);
        var constant = B - (logPart * b);
        var parts = new List<Expr>();
        if (!logPart.IsZero)
        {
            var s = a.Sign > 0 ? quadratic : -quadratic;   // the sign that keeps the logarithm's argument positive where s has no roots
            parts.Add(new Num(logPart * a.Sign) * Expr.Call(Operator.Ln, s.ToExpr()));
        }
        if (!constant.IsZero)
        {
            if (BasicIntegrals.OfQuadratic(quadratic.ToExpr(), Rational.MinusOne) is not { } inverse) return null;
            parts.Add(new Num(constant) * inverse);
        }
        return parts;
    }

    /// <summary>
    /// Hermite's reduction, for a q with a repeated factor that is not a rational root (x²/(1 + x²)², 1/(x² + 2)³):
    /// with q₁ = gcd(q, q′) and q₂ = q/q₁ (square-free), ∫ r/q = p₁/q₁ + ∫ p₂/q₂ for deg p₁ &lt; deg q₁ and deg p₂ &lt;
    /// deg q₂, found from r = p₁′·q₂ − p₁·(q₂·q₁′/q₁) + p₂·q₁ as a linear system; then partial fractions on p₂/q₂. Null
    /// when q is square-free or q₂ does not factor that way.
    /// </summary>
    private static List<Expr>? Hermite(Polynomial r, Polynomial q)
    {
        var q1 = Polynomial.Gcd(q, q.Derivative());
        if (q1.Degree < 1) return null;
        var q2 = Polynomial.DivRem(q, q1).Quotient;
        var h = Polynomial.DivRem(q2 * q1.Derivative(), q1).Quotient;
        var basis = new List<Polynomial>();
        for (var j = 0; j < q1.Degree; j++)
            basis.Add(Polynomial.Monomial(Rational.One, j).Derivative() * q2 - Polynomial.Monomial(Rational.One, j) * h);
        for (var j = 0; j < q2.Degree; j++)
            basis.Add(Polynomial.Monomial(Rational.One, j) * q1);
        if (Solve(basis, r, q.Degree) is not { } c) return null;
        var p1 = new Polynomial(c.Take(q1.Degree));
        var p2 = new Polynomial(c.Skip(q1.Degree));
        var parts = new List<Expr>();
        if (!p1.IsZero) parts.Add(p1.ToExpr() / q1.ToExpr());
        if (!p2.IsZero)
        {
            if (Fractions(p2, q2) is not { } rest) return null;
            parts.AddRange(rest);
        }
        return parts;
    }

    /// <summary>c·ln(q) when r = c·q′, for a q that does not factor far enough for partial fractions (3x²/(x³ + 16)), else null.</summary>
    private static List<Expr>? LogarithmicDerivative(Polynomial r, Polynomial q)
    {
        var dq = q.Derivative();
        if (dq.IsZero || r.Degree != dq.Degree) return null;
        var c = r.Lead / dq.Lead;
        return (r - c * dq).IsZero ? [new Num(c) * Expr.Call(Operator.Ln, q.ToExpr())] : null;
    }

    /// <summary>The coefficients c with Σ cᵢ·basisᵢ = target (n unknowns, n equations: the coefficients of x⁰ … xⁿ⁻¹), or null when singular.</summary>
    private static Rational[]? Solve(List<Polynomial> basis, Polynomial target, int n)
    {
        if (basis.Count != n) return null;
        var m = new Rational[n, n + 1];
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++) m[row, col] = basis[col][row];
            m[row, n] = target[row];
        }
        for (var col = 0; col < n; col++)
        {
            var pivot = Enumerable.Range(col, n - col).FirstOrDefault(r => !m[r, col].IsZero, -1);
            if (pivot < 0) return null;
            if (pivot != col)
                for (var k = 0; k <= n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
            for (var r = 0; r < n; r++)
            {
                if (r == col || m[r, col].IsZero) continue;
                var f = m[r, col] / m[col, col];
                for (var k = col; k <= n; k++) m[r, k] -= f * m[col, k];
            }
        }
        return Enumerable.Range(0, n).Select(r => m[r, n] / m[r, r]).ToArray();
    }
}
