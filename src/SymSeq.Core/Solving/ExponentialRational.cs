using SymSeq.Algebra;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// ∫ e^(αx+β)·r(x) dx for a rational r = N/D with a denominator (α rational, non-zero): e^(αx+β)·f when a rational f
/// with α·f + f′ = r exists, which is when the integral is elementary (Risch's theorem for this case). f′ raises the
/// multiplicity of each factor of f's denominator by one and α·f does not, so f = A/B with B = gcd(D, D′) (every
/// factor of D once less) and every factor of D at least squared; A then solves α·A·B + A′·B − A·B′ = N·B²/D,
/// a triangular system in A's coefficients, solved from the top. x·eˣ/(x + 1)² gives eˣ/(x + 1), eˣ·(1/x − 1/x²)
/// gives eˣ/x; eˣ/x (the exponential integral) finds none. A polynomial r is the tabular method's (<see cref="ByParts"/>).
/// Every answer is verified by the caller like any other.
/// </summary>
internal static class ExponentialRational
{
    public static Expr? TryIntegrate(Expr core)
    {
        var factors = core is Op { Kind: Operator.Mul } m ? m.Args.ToArray() : [core];
        if (factors.Where(f => f is Op { Kind: Operator.Exp }).ToArray() is not [Op exp]
            || BasicIntegrals.Slope(exp[0]) is not Num { Value: var alpha } || alpha.IsZero)
            return null;
        var rest = ExprParts.Product(factors.Where(f => !ReferenceEquals(f, exp)).ToArray());
        if (!Polynomial.TryRational(rest, out var n, out var d) || d.Degree < 1) return null;
        return Solve(alpha, n, d) is var (a, b) ? Simplifier.SimplifyOrKeep(exp * a.ToExpr() / b.ToExpr()) : null;
    }

    /// <summary>(A, B) with f = A/B rational and α·f + f′ = N/D, or null when no rational f exists.</summary>
    internal static (Polynomial A, Polynomial B)? Solve(Rational alpha, Polynomial n, Polynomial d)
    {
        var b = Polynomial.Gcd(d, d.Derivative());
        var (t, leftover) = Polynomial.DivRem(n * b * b, d);
        if (!leftover.IsZero) return null;   // a factor of D appears once: f′ cannot make it
        var degree = t.Degree - b.Degree;
        if (degree < 0) return null;
        var bPrime = b.Derivative();
        var coefficients = new Rational[degree + 1];
        var residual = t;
        for (var k = degree; k >= 0; k--)
        {
            // the top coefficient of L(aₖxᵏ) = α·aₖxᵏ·B + (aₖxᵏ)′·B − aₖxᵏ·B′ is α·aₖ·lead(B) at degree k + deg B
            var ak = residual[k + b.Degree] / (alpha * b.Lead);
            coefficients[k] = ak;
            var monomial = Polynomial.Monomial(ak, k);
            residual -= (alpha * monomial * b) + (monomial.Derivative() * b) - (monomial * bPrime);
        }
        return residual.IsZero ? (new Polynomial(coefficients), b) : null;
    }
}
