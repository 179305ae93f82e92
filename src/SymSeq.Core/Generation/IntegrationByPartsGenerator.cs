using System.Collections.Concurrent;
using SymSeq.Expressions;

namespace SymSeq.Generation;

/// <summary>
/// IBP: draws F and G with known derivatives f and g, and keeps a cache of known (integrand → integral) pairs.
/// When ∫f·G = H is known, ∫F·g = F·G − H (and symmetrically). Every drawn pair feeds the cache, so the hit rate
/// grows with the number of draws; the cache is bounded and shared by all threads.
/// </summary>
public sealed class IntegrationByPartsGenerator(GeneratorContext context, int cacheCapacity = 1_000_000) : IProblemGenerator
{
    private readonly BackwardGenerator _bwd = new(context);
    private readonly ConcurrentDictionary<Expr, Expr> _known = new();

    public string Task => "ibp";
    public int KnownIntegrals => _known.Count;

    private void Remember(Expr integrand, Expr integral)
    {
        if (_known.Count < cacheCapacity) _known.TryAdd(integrand, integral);
    }

    public Example? TryGenerate(Random rng, out string? rejection)
    {
        var maxOps = Math.Max(1, context.Options.MaxOps / 3);
        var opsF = rng.Next(1, maxOps + 1);
        var opsG = rng.Next(1, maxOps + 1);
        var pf = _bwd.Integrand(context.Expressions.Generate(opsF, rng), 0, rng, out rejection);
        if (pf is null) return null;
        var pg = _bwd.Integrand(context.Expressions.Generate(opsG, rng), 0, rng, out rejection);
        if (pg is null) return null;
        try
        {
            var (F, f) = (pf.Value.F, context.Simplify(pf.Value.f));
            var (G, g) = (pg.Value.F, context.Simplify(pg.Value.f));
            Remember(f, F);
            Remember(g, G);
            var fG = context.Simplify(f * G);
            var Fg = context.Simplify(F * g);
            var FG = context.Simplify(F * G);
            Expr? integrand = null, integral = null;
            if (_known.TryGetValue(fG, out var H)) (integrand, integral) = (Fg, context.Simplify(FG - H));
            else if (_known.TryGetValue(Fg, out var K)) (integrand, integral) = (fG, context.Simplify(FG - K));
            Remember(context.Simplify(fG + Fg), FG);
            if (integrand is null || integral is null) { rejection = Rejection.NoKnownIntegral; return null; }

            integral = GeneratorContext.RemoveAdditiveConstants(integral);
            if (!ExprParts.Contains(integral, "x") || integrand is Num) { rejection = Rejection.Constant; return null; }
            if (!context.FitsLength(integral) || !context.FitsLength(integrand)) { rejection = Rejection.TooLong; return null; }
            if (!NumericEquivalence.Check(Derivative.Of(integral), integrand).IsEqual) { rejection = Rejection.CheckFailed; return null; }
            Remember(integrand, integral);
            rejection = null;
            return new Example(Task, new Op(Operator.Sub, new Unknown(1), integrand), integral);
        }
        catch (UndefinedExpressionException) { rejection = Rejection.Invalid; return null; }
        catch (DivideByZeroException) { rejection = Rejection.Invalid; return null; }
        catch (SymbolicTimeoutException) { rejection = Rejection.Timeout; return null; }
    }
}
