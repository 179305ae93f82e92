using SymSeq.Algebra;
using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Solving;

/// <summary>
/// Euler's substitutions for a rational function of x and √q, q = a·x² + b·x + c with rational coefficients (every
/// root in the integrand a power q^(k/2) of the same q): each writes x and √q as rational functions of t, so the
/// integrand becomes a rational function of t (<see cref="RationalIntegrals"/>), and t goes back as a function of x.
/// <list type="bullet">
/// <item>a = α² (α rational): √q = t − α·x, x = (t² − c)/(b + 2αt), t = √q + α·x;</item>
/// <item>c = γ² (γ rational): √q = x·t + γ, x = (2γt − b)/(a − t²), t = (√q − γ)/x;</item>
/// <item>q = a·(x − r)·(x − s) with rational roots: √q = (x − r)·t, x = (a·s − r·t²)/(a − t²), t = √q/(x − r).</item>
/// </list>
/// 1/(x²·√(1 − x²)), √(x² + 1)/x², 1/(x² + 1)^(3/2), 1/(1 + √(1 − x²)). The answer is right where t(x) is defined
/// and the logarithms it brings are real, so it is verified here and dropped when it fails: the rules never offer a
/// wrong antiderivative.
/// </summary>
internal static class EulerSubstitution
{
    /// <summary>Largest integrand tried (nodes), and largest rational integrand in t handed on.</summary>
    internal const int MaxSize = 40;
    private const int MaxRationalSize = 200;

    private static readonly Sym T = new("t");

    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        if (ExprParts.Contains(core, T.Name) || Radicand(core) is not { } q) return null;
        if (BasicIntegrals.QuadraticCoefficients(q) is not var (a, b, c)) return null;
        foreach (var substitution in Substitutions(a, b, c))
            if (Integrate(core, q, substitution, scope) is { } answer) return answer;
        return null;
    }

    /// <summary>∫ core by one substitution, verified, or null.</summary>
    private static Expr? Integrate(Expr core, Expr q, (Expr X, Expr Root, Func<Expr, Expr> T) substitution, RuleScope scope)
    {
        var (xOfT, rootOfT, tOfX) = substitution;
        try
        {
            var inT = ExprParts.Substitute(core, e => RadicalSubstitution.Exponent(e, q) is { } k ? RadicalSubstitution.Power(rootOfT, 2 * k) : null);
            inT = ExprParts.Substitute(inT, e => e is Sym { Name: "x" } ? xOfT : null) * Derivative.Of(xOfT, T.Name);
            var g = ExprParts.Substitute(inT, e => e is Sym { Name: "t" } ? Expr.X : null);
            if (!Simplifier.TrySimplify(g, out var gx) || gx.Size > MaxRationalSize || RationalIntegrals.TryIntegrate(gx) is not { } integral) return null;
            var t = tOfX(Expr.Call(Operator.Sqrt, q));
            scope.Note($"t = {t}: the integral of {gx} in t, by partial fractions");
            var answer = Simplifier.SimplifyOrKeep(ExprParts.Substitute(integral, e => e is Sym { Name: "x" } ? t : null));
            return IntegralVerifier.Check(core, answer).HoldsOnSomeInterval ? answer : null;
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }

    /// <summary>
    /// (x(t), √q(t), t(x) given √q) for each of Euler's substitutions whose coefficients stay rational, in the order
    /// above (the first may leave a denominator with irrational roots where another does not: 1/(x·(9x² + 4)^(3/2))).
    /// </summary>
    private static IEnumerable<(Expr X, Expr Root, Func<Expr, Expr> T)> Substitutions(Rational a, Rational b, Rational c)
    {
        Expr N(Rational r) => new Num(r);
        if (a.Sign > 0 && a.TryRoot(2, out var alpha))
        {
            var x = (Expr.Pow(T, Expr.Two) - N(c)) / (N(b) + N(2 * alpha) * T);
            yield return (x, T - N(alpha) * x, s => s + N(alpha) * Expr.X);
        }
        if (c.Sign > 0 && c.TryRoot(2, out var gamma))
        {
            var x = (N(2 * gamma) * T - N(b)) / (N(a) - Expr.Pow(T, Expr.Two));
            yield return (x, x * T + N(gamma), s => (s - N(gamma)) / Expr.X);
        }
        if (new Polynomial([c, b, a]).RationalRoots().Roots is [var (r, _), ..])
        {
            var other = -b / a - r;   // the roots sum to −b/a
            var x = (N(a * other) - N(r) * Expr.Pow(T, Expr.Two)) / (N(a) - Expr.Pow(T, Expr.Two));
            yield return (x, (x - N(r)) * T, s => s / (Expr.X - N(r)));
        }
    }

    /// <summary>The one quadratic radicand of the integrand's roots, or null when there is none, several, or one of higher or lower degree.</summary>
    private static Expr? Radicand(Expr core)
    {
        Expr? q = null;
        foreach (var node in ExprParts.Nodes(core))
        {
            var radicand = node switch
            {
                Op { Kind: Operator.Sqrt } r => r[0],
                Op { Kind: Operator.Pow, Args: [var r, Num { Value: var p }] } when !p.IsInteger => p.Den == 2 ? r : null,
                _ => null,
            };
            if (node is Op { Kind: Operator.Pow, Args: [var b, Num { Value: { IsInteger: false, Den: var den } }] } && den != 2 && ExprParts.Contains(b, "x")) return null;
            if (radicand is null || !ExprParts.Contains(radicand, "x")) continue;
            if (q is null) q = radicand;
            else if (!q.Equals(radicand)) return null;
        }
        return q is not null && BasicIntegrals.QuadraticCoefficients(q) is not null ? q : null;
    }
}
