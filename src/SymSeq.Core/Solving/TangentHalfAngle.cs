using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// ∫ R(sin u, cos u, tan u) for a rational function R and u = k·x, by the tangent half-angle substitution
/// t = tan(u/2): sin u = 2t/(1 + t²), cos u = (1 − t²)/(1 + t²), tan u = 2t/(1 − t²), dx = 2/(k(1 + t²)) dt, which
/// leaves a rational function of t for partial fractions (<see cref="RationalIntegrals"/>): 1/(1 + cos x) = tan(x/2).
/// The answer holds between the poles of tan(u/2), which is what the verifier checks.
/// </summary>
internal static class TangentHalfAngle
{
    internal const int MaxSize = 40;

    /// <summary>
    /// A sine or cosine under a division or a negative power: what the substitution is for (1/(a + b·cos x)). Products
    /// and powers of sines, cosines and tangents alone have tidier answers elsewhere (<see cref="TrigProducts"/>, the model).
    /// </summary>
    private static bool HasTrigDenominator(Expr e) =>
        ExprParts.HasDenominator(e, d => ExprParts.Nodes(d).Any(n => n is Op { Kind: Operator.Sin or Operator.Cos }));

    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        // Every x must sit in sin, cos or tan of one argument u = k·x (k rational).
        if (!HasTrigDenominator(core) || ExprParts.ArgumentsHoldingX(core, op => op.Kind is Operator.Sin or Operator.Cos or Operator.Tan) is not [var u, ..] arguments
            || arguments.Any(a => !a.Equals(u)) || BasicIntegrals.Slope(u) is not Num k || Simplifier.SimplifyOrKeep(u - k * Expr.X) is not Num { Value.IsZero: true })
            return null;
        var t = Expr.X;   // t takes x's place, so the rational machinery in x applies
        var onePlus = Expr.One + Expr.Pow(t, Expr.Two);
        var inT = ExprParts.Substitute(core, n => n switch
        {
            Op { Kind: Operator.Sin } s when s[0].Equals(u) => Expr.Two * t / onePlus,
            Op { Kind: Operator.Cos } c when c[0].Equals(u) => (Expr.One - Expr.Pow(t, Expr.Two)) / onePlus,
            Op { Kind: Operator.Tan } g when g[0].Equals(u) => Expr.Two * t / (Expr.One - Expr.Pow(t, Expr.Two)),
            _ => null,
        });
        if (RationalIntegrals.TryIntegrate(inT * Expr.Two / (k * onePlus)) is not { } inTIntegral) return null;
        scope.Note("t = tan(u/2): sin u = 2t/(1 + t²), cos u = (1 − t²)/(1 + t²), dx = 2 dt/(k(1 + t²)), then partial fractions");
        var half = Expr.Call(Operator.Tan, Simplifier.SimplifyOrKeep(u / Expr.Two));
        var back = ExprParts.Substitute(inTIntegral, n => n is Sym { Name: "x" } ? half : null);
        // atan(tan v) is v up to a constant between the poles, with the same derivative: write v.
        return Simplifier.SimplifyOrKeep(ExprParts.Substitute(back, n => n is Op { Kind: Operator.Atan, Args: [Op { Kind: Operator.Tan } inner] } ? inner[0] : null));
    }
}
