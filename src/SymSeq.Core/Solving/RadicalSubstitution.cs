using SymSeq.Algebra;
using System.Numerics;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Rationalizing substitution for roots of one affine u = a·x + b or one linear fraction u = (a·x + b)/(c·x + d):
/// when every root in the integrand is a power u^(p/q) of the same u (√u, u^(3/2), ∛u), t = u^(1/n) with n the least
/// common denominator makes each root tⁿ' and x a rational function of t (<see cref="Inverse"/>), so ∫ f dx = ∫ g(t) dt
/// with g free of roots: a rational function (1/(1 + √x), x·√(x + 1), √((1 + x)/(1 − x))) or another rule's integral
/// (e^√x → 2t·eᵗ, by parts). g is integrated by the basic
/// rules and t put back as u^(1/n). Every answer is verified by the caller like any other.
/// </summary>
internal static class RadicalSubstitution
{
    /// <summary>Largest integrand tried (nodes), and the largest common denominator n.</summary>
    internal const int MaxSize = 60;
    private const int MaxDenominator = 6;

    private static readonly Sym T = new("t");

    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        // the rules this calls may call it again on g; g has no roots of u, but the driver keeps the depth at one
        if (ExprParts.Contains(core, T.Name)) return null;
        if (Root(core) is not var (u, n) || Inverse(u, n) is not var (xOfT, dxdt)) return null;
        try
        {
            // roots → powers of t, then x → x(t), times dx/dt; integrated in t, and t = u^(1/n) put back
            var inT = ExprParts.Substitute(core, e => Exponent(e, u) is { } r ? Power(T, r * n) : null);
            inT = ExprParts.Substitute(inT, e => e is Sym { Name: "x" } ? xOfT : null);
            var root = n == 2 ? Expr.Call(Operator.Sqrt, u) : Expr.Pow(u, new Num(new Rational(1, n)));
            return ChangeOfVariable.Integrate(inT * dxdt, root, scope, 3 * MaxSize);
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }

    /// <summary>The one radicand u and the least common denominator n ≥ 2 of its exponents, or null when there is
    /// no root, roots of several radicands or n past <see cref="MaxDenominator"/> (<see cref="Inverse"/> then takes only
    /// affine radicands and linear fractions).</summary>
    private static (Expr U, int N)? Root(Expr core)
    {
        Expr? u = null;
        BigInteger n = 1;
        foreach (var node in ExprParts.Nodes(core))
        {
            var (radicand, exponent) = node switch
            {
                Op { Kind: Operator.Sqrt } s => (s[0], Rational.Half),
                Op { Kind: Operator.Pow, Args: [var r, Num { Value: var p }] } when !p.IsInteger => (r, p),
                _ => (null, Rational.Zero),
            };
            if (radicand is null || !ExprParts.Contains(radicand, "x")) continue;
            if (u is null) u = radicand;
            else if (!u.Equals(radicand)) return null;
            n = n * exponent.Den / BigInteger.GreatestCommonDivisor(n, exponent.Den);
            if (n > MaxDenominator) return null;
        }
        return u is null || n < 2 || u is Sym { Name: "x" } && Monomials.TrySplit(core, "x", out _, out _) ? null : (u, (int)n);
    }

    /// <summary>
    /// x and dx/dt as functions of t = u^(1/n): for an affine u = a·x + b, x = (tⁿ − b)/a and dx/dt = n·tⁿ⁻¹/a; for a
    /// linear fraction u = (a·x + b)/(c·x + d) with c ≠ 0 and ad − bc ≠ 0, x = (b − d·tⁿ)/(c·tⁿ − a) and
    /// dx/dt = n·tⁿ⁻¹·(ad − bc)/(c·tⁿ − a)². Null for any other radicand.
    /// </summary>
    private static (Expr X, Expr Dxdt)? Inverse(Expr u, int n)
    {
        var tn = Expr.Pow(T, Expr.Int(n));
        var dtn = Expr.Int(n) * Power(T, new Rational(n - 1));
        if (BasicIntegrals.Slope(u) is { } slope)
            return Simplifier.TrySimplify(u - slope * Expr.X, out var offset) && !ExprParts.Contains(offset, "x")
                ? ((tn - offset) / slope, dtn / slope)
                : null;
        if (Fraction(u) is not var (top, bottom) || !Polynomial.TryPolynomial(top, out var p) || !Polynomial.TryPolynomial(bottom, out var q)
            || p.Degree > 1 || q.Degree != 1)
            return null;
        var (a, b, c, d) = (p[1], p[0], q[1], q[0]);
        var det = (a * d) - (b * c);
        if (det.IsZero) return null;
        var denominator = (new Num(c) * tn) - new Num(a);
        return ((new Num(b) - (new Num(d) * tn)) / denominator, new Num(det) * dtn / Expr.Pow(denominator, Expr.Two));
    }

    /// <summary>Numerator and denominator of p/q, written p/q or, as the canonical form has it, p·q⁻¹; else null.</summary>
    private static (Expr Top, Expr Bottom)? Fraction(Expr u)
    {
        if (u is Op { Kind: Operator.Div, Args: [var top, var bottom] }) return (top, bottom);
        if (u is not Op { Kind: Operator.Mul } m) return null;
        var inverses = m.Args.Where(a => a is Op { Kind: Operator.Pow, Args: [_, Num { Value: var k }] } && k == Rational.MinusOne).ToArray();
        if (inverses is not [Op { Args: [var denominator, _] } inverse]) return null;
        var rest = m.Args.Where(a => !ReferenceEquals(a, inverse)).ToArray();
        return (rest.Length == 1 ? rest[0] : new Op(Operator.Mul, rest), denominator);
    }

    /// <summary>The exponent r when e is u^r for a non-integer r (√u: ½), else null; shared with <see cref="EulerSubstitution"/>.</summary>
    internal static Rational? Exponent(Expr e, Expr u) => e switch
    {
        Op { Kind: Operator.Sqrt } s when s[0].Equals(u) => Rational.Half,
        Op { Kind: Operator.Pow, Args: [var r, Num { Value: var p }] } when !p.IsInteger && r.Equals(u) => p,
        _ => null,
    };

    /// <summary>t^k, or t itself for k = 1.</summary>
    internal static Expr Power(Expr t, Rational k) => k.IsOne ? t : Expr.Pow(t, new Num(k));
}
