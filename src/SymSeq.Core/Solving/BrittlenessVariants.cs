using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>One variant of a solved integral: what was done to it, and the new integrand.</summary>
public sealed record Variant(string Kind, Expr Integrand);

/// <summary>
/// The perturbations under which Welleck et al. ("Symbolic Brittleness in Sequence Models", AAAI 2022) found the
/// paper's model failing on integrals it solved: k·f (k from 2 to 10,000), f/k, f + exp(x), f + ln(x), and the sum
/// of two solved problems. Variants are written as a user would type them, then canonicalized like any input.
/// </summary>
public static class BrittlenessVariants
{
    public static readonly string[] Kinds = ["k*f", "f/k", "f+exp(x)", "f+ln(x)", "f+g"];

    /// <summary>The variants of f (and f + g, when another solved integrand g is given), reproducible from the rng.</summary>
    public static IEnumerable<Variant> Of(Expr f, Expr? g, Random rng)
    {
        var k = new Num(LogUniform(rng));
        var d = new Num(LogUniform(rng));
        yield return new Variant("k*f", k * f);
        yield return new Variant("f/k", f / d);
        yield return new Variant("f+exp(x)", f + Expr.Call(Operator.Exp, Expr.X));
        yield return new Variant("f+ln(x)", f + Expr.Call(Operator.Ln, Expr.X));
        if (g is not null) yield return new Variant("f+g", f + g);
    }

    /// <summary>An integer from 2 to 10,000, uniform in its logarithm (as many k near 10 as near 1,000).</summary>
    private static int LogUniform(Random rng) => Math.Clamp((int)Math.Round(Math.Exp(rng.NextDouble() * Math.Log(10_000))), 2, 10_000);
}
