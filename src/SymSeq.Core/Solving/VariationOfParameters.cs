using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// A particular solution of a linear ODE a2·y'' + a1·y' + a0·y = g from a basis of its homogeneous solutions, by
/// variation of parameters: for order 2, y = u1·y1 + u2·y2 with u1' = −y2·f/W, u2' = y1·f/W, f = g/a2 and the
/// Wronskian W = y1·y2' − y1'·y2; for order 1, y = y1·∫ (g/a1)/y1. This is how a first course solves y'' + y = sec x
/// or y'' − 2y' + y = eˣ/x, where no undetermined coefficient fits. The integrals are the rules' (see
/// <see cref="Antiderivatives"/>); null when one is out of their reach.
/// </summary>
internal static class VariationOfParameters
{
    /// <param name="basis">y1 alone (order 1) or y1, y2 (order 2), independent solutions of the homogeneous equation.</param>
    /// <param name="leading">The coefficient of the highest derivative (a1 or a2), nonzero.</param>
    public static Expr? Particular(IReadOnlyList<Expr> basis, Expr leading, Expr g, Deadline clock)
    {
        var f = Simplifier.Simplify(new Op(Operator.Div, g, leading), clock.Left);
        Expr? Integral(Expr integrand) => Antiderivatives.Smallest(
            Antiderivatives.Find(Simplifier.Simplify(integrand, clock.Left), clock),
            // u' = −sin x·tan x integrates (and reads) better as −sin²x/cos x
            ExprParts.Nodes(integrand).Any(n => n is Op { Kind: Operator.Tan })
                ? Antiderivatives.Find(Simplifier.Simplify(SinesOverCosines(integrand), clock.Left), clock) : null);
        if (basis.Count == 1)
            return Integral(new Op(Operator.Div, f, basis[0])) is { } u ? new Op(Operator.Mul, u, basis[0]) : null;
        var (y1, y2) = (basis[0], basis[1]);
        var w = Simplifier.Simplify(new Op(Operator.Sub,
            new Op(Operator.Mul, y1, Derivative.Of(y2)), new Op(Operator.Mul, Derivative.Of(y1), y2)), clock.Left);
        // multiplied out, W of eˣ, x·eˣ is e^(2x); with cos² + sin² = 1, W of cos x, sin x is 1
        w = Antiderivatives.Smallest(Antiderivatives.Smallest(w, MultipliedOut(w, clock)), Pythagorean(w, clock))!;
        if (w is Num { Value.IsZero: true }) return null;
        if (Integral(new Op(Operator.Div, new Op(Operator.Mul, Expr.MinusOne, y2, f), w)) is not { } u1
            || Integral(new Op(Operator.Div, new Op(Operator.Mul, y1, f), w)) is not { } u2)
            return null;
        var particular = Simplifier.Simplify(new Op(Operator.Add, new Op(Operator.Mul, u1, y1), new Op(Operator.Mul, u2, y2)), clock.Left);
        // multiplied out, u1·y1 + u2·y2 often cancels ((sin x − ln(sec x + tan x))·cos x − sin x·cos x for tan x)
        return Antiderivatives.Smallest(particular, MultipliedOut(particular, clock));
    }

    /// <summary>e multiplied out and simplified, or null when simplifying fails.</summary>
    private static Expr? MultipliedOut(Expr e, Deadline clock) =>
        Simplifier.TrySimplify(Expansion.Expand(e), out var s, clock.Left) ? s : null;

    /// <summary>e with sin²u written 1 − cos²u, multiplied out and simplified (null when that fails).</summary>
    private static Expr? Pythagorean(Expr e, Deadline clock)
    {
        var rewritten = ExprParts.Substitute(e, n => n is Op { Kind: Operator.Pow } p && p[0] is Op { Kind: Operator.Sin } sin && p[1] is Num { Value: var k } && k == 2
            ? new Op(Operator.Sub, Expr.One, Expr.Pow(new Op(Operator.Cos, sin[0]), Expr.Two)) : null);
        return rewritten.Equals(e) ? null : MultipliedOut(rewritten, clock);
    }

    private static Expr SinesOverCosines(Expr e) =>
        ExprParts.Substitute(e, n => n is Op { Kind: Operator.Tan } t ? new Op(Operator.Div, new Op(Operator.Sin, t[0]), new Op(Operator.Cos, t[0])) : null);
}
