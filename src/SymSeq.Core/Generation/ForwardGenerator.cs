using SymSeq.Cas;
using SymSeq.Expressions;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq.Generation;

/// <summary>
/// FWD: a random f, integrated by a real CAS (Maxima, SymPy or Giac) or by SymSeq's own integration rules
/// (<see cref="Rules"/>: <see cref="RuleIntegration"/>, no external process, hundreds of pairs per second); kept when
/// an elementary antiderivative in SymSeq's operators comes back within the budget and verifies (F' = f). Input
/// "Y' - f", output F without additive constants. One CAS process per generator: the dataset generator makes one per
/// chunk and disposes it after. Because a CAS timeout drops a draw, a CAS's output for a seed can vary with machine
/// load; the rules' output cannot.
/// </summary>
public sealed class ForwardGenerator(GeneratorContext context) : IProblemGenerator, IDisposable
{
    /// <summary>The integrator name that selects SymSeq's rules instead of a CAS.</summary>
    public const string Rules = "rules";

    /// <summary>What <c>generate --cas</c> accepts: every CAS, and the rules.</summary>
    public static readonly string[] Integrators = [.. ComputerAlgebraSystem.Known, Rules];

    private readonly ComputerAlgebraSystem? _cas = context.Cas == Rules ? null : ComputerAlgebraSystem.Create(context.Cas);

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

            if (_cas is null) return ByRules(f, out rejection);
            var r = _cas.Integrate(f, context.CasBudget);
            switch (r.Status)
            {
                case CasStatus.Timeout: rejection = Rejection.CasTimeout; return null;
                case CasStatus.Failed: rejection = Rejection.CasFailed; return null;
                case CasStatus.Unsupported: rejection = Rejection.NotElementary; return null;
            }
            // The paper's convention for its data: ln(u), not Giac's ln|u| (the answer to a user keeps the bars).
            return Checked(f, GiacCas.WithoutAbsInLn(r.Answer!), out rejection);
        }
        catch (Exception e) when (e is UndefinedExpressionException or DivideByZeroException) { rejection = Rejection.Invalid; return null; }
        catch (SymbolicTimeoutException) { rejection = Rejection.Timeout; return null; }
    }

    /// <summary>The first rule answer that fits and verifies; the rules' plans are tried in order.</summary>
    private Example? ByRules(Expr f, out string? rejection)
    {
        rejection = Rejection.NoRule;
        foreach (var answer in RuleIntegration.Candidates(f))
            if (Checked(f, answer, out rejection) is { } example) return example;
        return null;
    }

    /// <summary>
    /// The example f → F when F, simplified and without additive constants, fits and verifies. F is written in its
    /// tidiest form that verifies (<see cref="GeneratorContext.TidiestAntiderivative"/>), so answers too long as found
    /// may fit once tidied.
    /// </summary>
    private Example? Checked(Expr f, Expr antiderivative, out string? rejection)
    {
        var F = GeneratorContext.RemoveAdditiveConstants(context.Simplify(antiderivative));
        var form = context.TidiestAntiderivative(f, F, g => IntegralVerifier.Check(f, g, context.StepBudget).HoldsOnSomeInterval, out rejection);
        return form is null ? null : new Example(Task, new Op(Operator.Sub, new Unknown(1), f), form);
    }

    /// <summary>Starts the CAS and integrates x, so a missing CAS fails the run before any work.</summary>
    public void EnsureAvailable()
    {
        if (_cas is null) return;
        var r = _cas.Integrate(new Sym("x"), TimeSpan.FromSeconds(60));
        if (r.Status != CasStatus.Solved) throw new CasUnavailableException($"{_cas.Name} could not integrate x: {r}");
    }

    public void Dispose() => _cas?.Dispose();
}
