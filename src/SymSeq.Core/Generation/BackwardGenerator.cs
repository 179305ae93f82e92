using SymSeq.Expressions;

namespace SymSeq.Generation;

/// <summary>
/// BWD: a random F, differentiated; the model learns f → F. Additive constants of F are dropped, F' is given
/// in canonical form half the time and as the raw differentiation result otherwise (as the paper varies its
/// simplification), and draws that are constant, undefined, too long or that collapsed to too few operators
/// are rejected. Input "Y' - f", output F.
/// With <paramref name="shortIntegrands"/> (task "bwds") only draws whose integrand is no longer than its integral
/// are kept: FWD-shaped pairs (short f, longer F, as real integrals are) at BWD's cost, without a CAS.
/// </summary>
public sealed class BackwardGenerator(GeneratorContext context, bool shortIntegrands = false) : IProblemGenerator
{
    public string Task => shortIntegrands ? "bwds" : "bwd";

    public Example? TryGenerate(Random rng, out string? rejection)
    {
        var ops = context.SampleOps(rng);
        var raw = context.Expressions.Generate(ops, rng);
        var pair = Integrand(raw, ops, rng, out rejection);
        if (pair is null) return null;
        // A constant integrand (F linear in x, such as x*asinh(3)) teaches nothing.
        if (!ExprParts.Contains(pair.Value.f, "x")) { rejection = Rejection.Constant; return null; }
        return new Example(Task, new Op(Operator.Sub, new Unknown(1), pair.Value.f), pair.Value.F);
    }

    /// <summary>Canonical F (no additive constant) and its derivative f, or null with a reason.</summary>
    public (Expr F, Expr f)? Integrand(Expr raw, int ops, Random rng, out string? rejection)
    {
        try
        {
            var F = GeneratorContext.RemoveAdditiveConstants(context.Simplify(raw));
            if (!ExprParts.Contains(F, "x")) { rejection = Rejection.Constant; return null; }
            if (ExprParts.OperatorCount(F) < ops / 2) { rejection = Rejection.TooFewOps; return null; }
            if (!context.FitsLength(F)) { rejection = Rejection.TooLong; return null; }
            // Always the canonical form: the form every front end feeds the model (Problems.Canonical).
            var f = context.Simplify(Derivative.Of(F));
            if (!GeneratorContext.HasFiniteValues(f)) { rejection = Rejection.Invalid; return null; }
            if (!context.FitsLength(f)) { rejection = Rejection.TooLong; return null; }
            if (shortIntegrands && PrefixCodec.Encode(f).Length > PrefixCodec.Encode(F).Length)
            { rejection = Rejection.LongIntegrand; return null; }
            rejection = null;
            return (F, f);
        }
        catch (UndefinedExpressionException) { rejection = Rejection.Invalid; return null; }
        catch (DivideByZeroException) { rejection = Rejection.Invalid; return null; }
        catch (SymbolicTimeoutException) { rejection = Rejection.Timeout; return null; }
    }
}
