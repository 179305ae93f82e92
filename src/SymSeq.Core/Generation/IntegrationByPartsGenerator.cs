using SymSeq.Expressions;

namespace SymSeq.Generation;

/// <summary>
/// IBP: draws F and G with known derivatives f and g, and keeps a table of known (integrand → integral) pairs.
/// When ∫f·G = H is known, ∫F·g = F·G − H (and symmetrically). Every drawn pair feeds the table, which is
/// looked up up to linearity (<see cref="KnownIntegrals"/>), so the hit rate grows with the number of draws;
/// the table is bounded and shared by all threads. F and G may be single leaves (F = x), which is what
/// products like x·cos(x) and x·exp(x) need.
/// </summary>
public sealed class IntegrationByPartsGenerator(GeneratorContext context, int cacheCapacity = 1_000_000) : IProblemGenerator
{
    private readonly BackwardGenerator _bwd = new(context);
    private readonly KnownIntegrals _known = new(context.Simplify, cacheCapacity);

    public string Task => "ibp";

    /// <summary>A random F (up to MaxOps/2 operators, possibly a single leaf) with its derivative f.</summary>
    private (Expr F, Expr f)? DrawWithDerivative(Random rng, out string? rejection)
    {
        var ops = rng.Next(0, Math.Max(1, context.Options.MaxOps / 2) + 1);
        return _bwd.Integrand(context.Expressions.Generate(ops, rng), 0, rng, out rejection);
    }

    public Example? TryGenerate(Random rng, out string? rejection)
    {
        var pf = DrawWithDerivative(rng, out rejection);
        if (pf is null) return null;
        var pg = DrawWithDerivative(rng, out rejection);
        if (pg is null) return null;
        try
        {
            var (F, f) = (pf.Value.F, context.Simplify(pf.Value.f));
            var (G, g) = (pg.Value.F, context.Simplify(pg.Value.f));
            _known.Add(f, F);
            _known.Add(g, G);
            var fG = context.Simplify(f * G);
            var Fg = context.Simplify(F * g);
            var FG = context.Simplify(F * G);
            Expr? integrand = null, integral = null;
            // Try the two directions in random order, so neither side of the product is favoured.
            var (first, second) = rng.Next(2) == 0 ? (fG, Fg) : (Fg, fG);
            if (_known.TryIntegrate(first) is { } H) (integrand, integral) = (second, context.Simplify(FG - H));
            else if (_known.TryIntegrate(second) is { } K) (integrand, integral) = (first, context.Simplify(FG - K));
            _known.Add(context.Simplify(fG + Fg), FG);
            if (integrand is null || integral is null) { rejection = Rejection.NoKnownIntegral; return null; }

            integral = GeneratorContext.RemoveAdditiveConstants(integral);
            if (!ExprParts.Contains(integral, "x") || integrand is Num) { rejection = Rejection.Constant; return null; }
            if (!context.FitsLength(integrand)) { rejection = Rejection.TooLong; return null; }
            // F·G − H in its tidiest form that checks (often multiplied out and collected)
            var form = context.TidiestAntiderivative(integrand, integral, g => NumericEquivalence.Check(Derivative.Of(g), integrand).IsEqual, out rejection);
            if (form is null) return null;
            _known.Add(integrand, form);
            return new Example(Task, new Op(Operator.Sub, new Unknown(1), integrand), form);
        }
        catch (UndefinedExpressionException) { rejection = Rejection.Invalid; return null; }
        catch (DivideByZeroException) { rejection = Rejection.Invalid; return null; }
        catch (SymbolicTimeoutException) { rejection = Rejection.Timeout; return null; }
    }
}
