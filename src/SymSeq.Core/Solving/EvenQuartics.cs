using SymSeq.Algebra;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// ∫ N/Q for Q = x⁴ + p·x² + r with rational p, r that does not factor over the rationals (x⁴ + 1, x⁴ − 2, x⁴ + x² + 3)
/// and deg N ≤ 3. The odd part of N, x·(a·x² + b), becomes ½∫(a·u + b)/(u² + p·u + r) du with u = x². For the even
/// part c·x² + d, Q factors over the reals:
/// <list type="bullet">
/// <item>with no real roots (p² &lt; 4r), Q = (x² + s·x + t)(x² − s·x + t) with t = √r, s = √(2t − p), and
/// ∫ = (d/t − c)/(4s)·ln((x² + s·x + t)/(x² − s·x + t)) + (d/t + c)/(2√k)·(atan((2x + s)/√k) + atan((2x − s)/√k)),
/// k = 2t + p, continuous on the whole line;</item>
/// <item>otherwise Q = (x² − α)(x² − β) with α, β = (−p ± √(p² − 4r))/2 real, and (c·x² + d)/Q = E/(x² − α) + F/(x² − β),
/// E = (c·α + d)/(α − β), F = (c·β + d)/(β − α), each an arctangent (negative root) or a difference of logarithms.</item>
/// </list>
/// The coefficients are radicals, so the answer is left to the verifier like every rule's.
/// </summary>
internal static class EvenQuartics
{
    /// <summary>True for x⁴ + p·x² + r with r ≠ 0 (monic, no odd terms).</summary>
    public static bool IsEven(Polynomial q) =>
        q.Degree == 4 && q.Lead.IsOne && q[3].IsZero && q[1].IsZero && !q[0].IsZero;

    public static Expr? Integrate(Polynomial n, Polynomial q)
    {
        if (!IsEven(q) || n.Degree > 3) return null;
        var (p, r) = (q[2], q[0]);
        var parts = new List<Expr>();
        if (!n[3].IsZero || !n[1].IsZero)
        {
            // x·(a·x² + b)/Q dx = ½·(a·u + b)/(u² + p·u + r) du, u = x²
            var inU = RationalIntegrals.Integrate(Rational.Half * new Polynomial([n[1], n[3]]), new Polynomial([r, p, Rational.One]));
            if (inU is null) return null;
            parts.Add(ExprParts.Substitute(inU, e => e is Sym { Name: "x" } ? Expr.Pow(Expr.X, Expr.Two) : null));
        }
        if (!n[2].IsZero || !n[0].IsZero)
            parts.Add((p * p) - (4 * r) < Rational.Zero ? NoRealRoots(n[2], n[0], p, r) : RealFactors(n[2], n[0], p, r));
        return parts.Count == 0 ? Expr.Zero : ExprParts.Sum(parts);
    }

    private static Expr NoRealRoots(Rational c, Rational d, Rational p, Rational r)
    {
        var t = SquareRoots.Of(r);
        var s = Sqrt(new Num(2) * t - new Num(p));
        var k = Sqrt(new Num(2) * t + new Num(p));
        var x2 = Expr.Pow(Expr.X, Expr.Two);
        var logs = (new Num(d) / t - new Num(c)) / (new Num(4) * s)
            * Expr.Call(Operator.Ln, (x2 + s * Expr.X + t) / (x2 - s * Expr.X + t));
        var atans = (new Num(d) / t + new Num(c)) / (new Num(2) * k)
            * (Expr.Call(Operator.Atan, (new Num(2) * Expr.X + s) / k) + Expr.Call(Operator.Atan, (new Num(2) * Expr.X - s) / k));
        return logs + atans;
    }

    private static Expr RealFactors(Rational c, Rational d, Rational p, Rational r)
    {
        var disc = (p * p) - (4 * r);
        var root = SquareRoots.Of(disc);
        var half = Math.Sqrt(disc.ToDouble()) / 2;
        var terms = new List<Expr>();
        foreach (var sign in new[] { 1, -1 })
        {
            // γ = (−p ± √disc)/2, its coefficient G = (c·γ + d)/(γ − other) = (c·γ + d)/(±√disc)
            var gamma = (new Num(-p) + new Num(sign) * root) / Expr.Two;
            var coefficient = (new Num(c) * gamma + new Num(d)) / (new Num(sign) * root);
            var value = (-p.ToDouble() / 2) + (sign * half);
            if (value < 0)
            {
                var w = Sqrt(-gamma);
                terms.Add(coefficient / w * Expr.Call(Operator.Atan, Expr.X / w));
            }
            else
            {
                var w = Sqrt(gamma);
                terms.Add(coefficient / (Expr.Two * w) * (Expr.Call(Operator.Ln, Expr.X - w) - Expr.Call(Operator.Ln, Expr.X + w)));
            }
        }
        return ExprParts.Sum(terms);
    }

    private static Expr Sqrt(Expr e) =>
        Simplifier.SimplifyOrKeep(e) is Num { Value: var v } && v.Sign > 0 ? SquareRoots.Of(v) : Expr.Pow(e, new Num(Rational.Half));
}
