using SymSeq.Expressions;

namespace SymSeq.Generation;

/// <summary>The reverse task, free from the same draws as BWD: input F, output its canonical derivative.</summary>
public sealed class DerivativeGenerator(GeneratorContext context) : IProblemGenerator
{
    private readonly BackwardGenerator _bwd = new(context);

    public string Task => "deriv";

    public Example? TryGenerate(Random rng, out string? rejection)
    {
        var ops = context.SampleOps(rng);
        var pair = _bwd.Integrand(context.Expressions.Generate(ops, rng), ops, rng, out rejection);
        if (pair is null) return null;
        try { return new Example(Task, pair.Value.F, context.Simplify(pair.Value.f)); }
        catch (SymbolicTimeoutException) { rejection = Rejection.Timeout; return null; }
    }
}
