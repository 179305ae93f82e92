using SymSeq.Expressions;
using SymSeq.Solving;

namespace SymSeq.Verification;

/// <summary>
/// One step of a derivation with its depth in the tree, the verifier's verdict on its own result, and the result as
/// verified: the step's own, or its real form (ln|u| for ln u) when only that is right wherever the integrand is.
/// </summary>
public sealed record CheckedStep(Step Step, int Depth, Verdict Verdict, Expr Result);

/// <summary>
/// Every step of a derivation judged by the verifier as a final answer is: the result of an integration step must
/// differentiate back to its integrand, an ODE method's result must solve its equation. A step's verdict may be
/// "right on part of the line" (ln x for 1/x inside a substitution): then, as for a final answer
/// (<see cref="Problems.VerifyEverywhere"/>), its real form is checked, and shown when it verifies.
/// </summary>
public static class StepCheck
{
    /// <param name="known">The verdict already given on the final answer: a step with that result for the same
    /// problem is not checked twice (a model's proposal is one such step).</param>
    public static IReadOnlyList<CheckedStep> Verify(Step root, (Expr Problem, Expr Answer, Verdict Verdict)? known = null) =>
        root.Flatten().Select(s => VerifyOne(s.Step, s.Depth, known)).ToList();

    private static CheckedStep VerifyOne(Step step, int depth, (Expr Problem, Expr Answer, Verdict Verdict)? known)
    {
        if (known is { } k && step.Problem.Equals(k.Problem) && step.Result.Equals(k.Answer)) return new CheckedStep(step, depth, k.Verdict, step.Result);
        var problem = ExprParts.ContainsUnknown(step.Problem) ? step.Problem : Problems.Integration(step.Problem);
        var (result, verdict) = Problems.VerifyEverywhere(problem, step.Result);
        return new CheckedStep(step, depth, verdict, result);
    }
}
