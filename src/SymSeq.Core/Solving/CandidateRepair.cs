using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Simple fixes of a wrong antiderivative A of f, each to be verified again like any answer:
/// <list type="bullet">
/// <item>A' = c·f for a constant c (a wrong coefficient or sign): A/c;</item>
/// <item>A' − f is a sum of constants and powers of x (a wrong polynomial part): A − ∫(A' − f).</item>
/// </list>
/// </summary>
public static class CandidateRepair
{
    // Small |x| too: a fast-growing candidate (e^(e^(12x))) overflows at the larger points. Larger |x| too: nested
    // functions of 1/x (sinh(sinh(6/x))) overflow at the small ones, and the ratio needs three finite points.
    private static readonly double[] Points = [0.31, 0.77, 1.43, 2.29, -0.53, 0.07, -0.13, 0.19, 3.61, -1.87, 5.17];

    /// <param name="rules">False: no polynomial or other part is integrated by the basic rules to correct the candidate (--no-rules).</param>
    public static IEnumerable<Expr> Fixes(Expr integrand, Expr candidate, TimeSpan? budget = null, bool rules = true)
    {
        var fixes = new List<Expr>();
        Expr derivative;
        try { derivative = Derivative.Of(candidate); }
        catch (Exception e) when (e is UndefinedExpressionException or DivideByZeroException) { return fixes; }

        if (ConstantRatio(derivative, integrand, budget) is { } c)
            fixes.Add(Simplifier.SimplifyOrKeep(candidate / c, budget));
        if (rules && Simplifier.TrySimplify(derivative - integrand, out var residual, budget) && residual is not Num { Value.IsZero: true }
            && BasicIntegrals.TryIntegrateSum(residual) is { } correction)
            fixes.Add(Simplifier.SimplifyOrKeep(candidate - correction, budget));
        return fixes.Distinct();
    }

    /// <summary>c when A'/f is a nonzero constant other than 1: found symbolically, or numerically as a small rational.</summary>
    private static Expr? ConstantRatio(Expr derivative, Expr integrand, TimeSpan? budget)
    {
        if (Simplifier.TrySimplify(derivative / integrand, out var ratio, budget) && !ExprParts.Contains(ratio, "x"))
            return ratio is Num { Value: var r } && (r.IsZero || r.IsOne) ? null : ratio;
        var values = new List<double>();
        foreach (var x in Points)
        {
            double a = Evaluator.Eval(derivative, x), b = Evaluator.Eval(integrand, x);
            if (double.IsFinite(a) && double.IsFinite(b) && Math.Abs(b) > 1e-9) values.Add(a / b);
        }
        if (values.Count < 3 || values.Any(v => Math.Abs(v - values[0]) > 1e-9 * Math.Max(1, Math.Abs(values[0])))) return null;
        return SmallRational(values[0]) is { } q && !q.IsZero && !q.IsOne ? new Num(q) : null;
    }

    /// <summary>The rational with denominator at most 1000 within 1e-9 of v (continued fractions), or null.</summary>
    public static Rational? SmallRational(double v)
    {
        if (!double.IsFinite(v) || Math.Abs(v) > 1e9) return null;
        long h0 = 0, h1 = 1, k0 = 1, k1 = 0;
        var a = v;
        for (var i = 0; i < 20; i++)
        {
            var ai = (long)Math.Floor(a);
            (h0, h1) = (h1, ai * h1 + h0);
            (k0, k1) = (k1, ai * k1 + k0);
            if (k1 > 1000) return null;
            if (Math.Abs((double)h1 / k1 - v) <= 1e-9 * Math.Max(1, Math.Abs(v))) return new Rational(h1, k1);
            var frac = a - ai;
            if (frac < 1e-12) return null;
            a = 1 / frac;
        }
        return null;
    }

}
