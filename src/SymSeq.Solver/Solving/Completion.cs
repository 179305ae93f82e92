using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// A sub-integral that would finish an answer: when <see cref="Integrand"/> is integrated to R, <c>Known + R</c> is a
/// candidate antiderivative of the whole problem (verified like any other).
/// </summary>
public sealed record Completion(Expr Integrand, Expr Known, Engine Engine, string What)
{
    public Expr With(Expr integralOfRest)
    {
        var sum = Known is Num { Value.IsZero: true } ? integralOfRest : Known + integralOfRest;
        return Simplifier.SimplifyOrKeep(sum);
    }

    /// <summary>
    /// The unsolved pieces of a decomposed integrand (its terms, or groups of terms) taken together, next to the
    /// integrals of the solved ones: f + ln(x) splits into f's terms (none integrable alone) and ln(x) (solved); the
    /// rest, f as a whole, is what the model knows. Null unless some pieces are solved and at least two are not.
    /// </summary>
    public static Completion? RestOfSum(IReadOnlyList<(Expr Integrand, Expr? Integral)> pieces)
    {
        var unsolved = pieces.Where(p => p.Integral is null).ToList();
        if (unsolved.Count < 2 || unsolved.Count == pieces.Count) return null;
        var known = Linearity.Combine(pieces.Where(p => p.Integral is not null).Select(p => ((Expr)Expr.One, p.Integral!)));
        if (!Simplifier.TrySimplify(new Op(Operator.Add, unsolved.Select(p => p.Integrand).ToArray()), out var rest)) return null;
        return new Completion(rest, known, Engine.Decomposition, $"{unsolved.Count} unsolved pieces together");
    }

    /// <summary>
    /// What a wrong candidate A misses, r = f − A′: when r depends on x and is shorter than f (A got most of f right,
    /// as when the model integrates f in f + g but not g), integrating r finishes A. Null otherwise.
    /// </summary>
    public static Completion? Residual(Expr integrand, Expr candidate, int rank, TimeSpan? budget = null)
    {
        Expr derivative;
        try { derivative = Derivative.Of(candidate); }
        catch (Exception e) when (e is UndefinedExpressionException or DivideByZeroException) { return null; }
        if (!Simplifier.TrySimplify(integrand - derivative, out var residual, budget) || !ExprParts.Contains(residual, "x")) return null;
        if (PrefixCodec.Encode(residual).Length >= PrefixCodec.Encode(integrand).Length) return null;
        return new Completion(residual, candidate, Engine.Repair, $"candidate {rank} plus the integral of what it misses");
    }
}
