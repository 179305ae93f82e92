using SymSeq.Expressions;
using SymSeq.Solving;

namespace SymSeq.Verification;

/// <summary>One step of a derivation with its depth in the tree and the verifier's verdict on its own result.</summary>
public sealed record CheckedStep(Step Step, int Depth, Verdict Verdict);

/// <summary>
/// Every step of a derivation judged by the verifier as a final answer is: the result of an integration step must
/// differentiate back to its integrand, an ODE method's result must solve its equation. A step's verdict may be
/// "right on part of the line" (ln x for 1/x inside a substitution) where the final answer, rewritten, is right
/// everywhere; the steps show exactly that.
/// </summary>
public static class StepCheck
{
    public static IReadOnlyList<CheckedStep> Verify(Step root, TimeSpan? budgetPerStep = null) =>
        root.Flatten().Select(s => new CheckedStep(s.Step, s.Depth, VerifyOne(s.Step, budgetPerStep))).ToList();

    private static Verdict VerifyOne(Step step, TimeSpan? budget) => ExprParts.ContainsUnknown(step.Problem)
        ? OdeVerifier.Check(step.Problem, step.Result, budget)
        : IntegralVerifier.Check(step.Problem, step.Result, budget);
}
