using SymSeq.Cas;
using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Generation;

/// <summary>
/// FWD: a random f, integrated by a real CAS (Maxima, SymPy or Giac); kept when the CAS returns an elementary
/// antiderivative in SymSeq's operators within its budget and that answer verifies (F' = f). Input "Y' - f",
/// output F without additive constants. One CAS process per generator: the dataset generator makes one per
/// chunk and disposes it after. Because a CAS timeout drops a draw, output for a seed can vary with machine load.
/// </summary>
public sealed class ForwardGenerator(GeneratorContext context) : IProblemGenerator, IDisposable
{
    private readonly ComputerAlgebraSystem _cas = ComputerAlgebraSystem.Create(context.Cas);

    public string Task => "fwd";

    public Example? TryGenerate(Random rng, out string? rejection)
    {
        var ops = context.SampleOps(rng);
        try
        {
            var f = context.Simplify(context.Expressions.Generate(ops, rng));
            if (!ExprParts.Contains(f, "x")) { rejection = Rejection.Constant; return null; }
            if (ExprParts.OperatorCount(f) < ops / 2) { rejection = Rejection.TooFewOps; return null; }
            if (!context.FitsLength(f)) { rejection = Rejection.TooLong; return null; }
            if (!GeneratorContext.HasFiniteValues(f)) { rejection = Rejection.Invalid; return null; }

            var r = _cas.Integrate(f, context.CasBudget);
            switch (r.Status)
            {
                case CasStatus.Timeout: rejection = Rejection.CasTimeout; return null;
                case CasStatus.Failed: rejection = Rejection.CasFailed; return null;
                case CasStatus.Unsupported: rejection = Rejection.NotElementary; return null;
            }
            var F = GeneratorContext.RemoveAdditiveConstants(context.Simplify(r.Answer!));
            if (!context.FitsLength(F)) { rejection = Rejection.TooLong; return null; }
            if (!IntegralVerifier.Check(f, F, context.StepBudget).Accepted) { rejection = Rejection.CheckFailed; return null; }
            rejection = null;
            return new Example(Task, new Op(Operator.Sub, new Unknown(1), f), F);
        }
        catch (Exception e) when (e is UndefinedExpressionException or DivideByZeroException) { rejection = Rejection.Invalid; return null; }
        catch (SymbolicTimeoutException) { rejection = Rejection.Timeout; return null; }
    }

    /// <summary>Starts the CAS and integrates x, so a missing CAS fails the run before any work.</summary>
    public void EnsureAvailable()
    {
        var r = _cas.Integrate(new Sym("x"), TimeSpan.FromSeconds(60));
        if (r.Status != CasStatus.Solved) throw new CasUnavailableException($"{_cas.Name} could not integrate x: {r}");
    }

    public void Dispose() => _cas.Dispose();
}
