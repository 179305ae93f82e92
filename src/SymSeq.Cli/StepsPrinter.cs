using SymSeq.Expressions;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq.Cli;

/// <summary>
/// `--steps`: the derivation of a verified answer, one line per step, indented by depth and numbered like sections
/// (1, 1.1, 1.2, ...), each with the rule, its integral or equation, its result, the choice it made, and the
/// verifier's verdict on that step's own result.
/// </summary>
public static class StepsPrinter
{
    /// <param name="known">The verdict already given on the final answer, not computed again for its step.</param>
    public static void Print(Step root, TextWriter output, string format, (Expr Problem, Expr Answer, Verdict Verdict)? known = null)
    {
        var steps = StepCheck.Verify(root, known);
        output.WriteLine("steps:");
        var numbers = new List<int>();
        foreach (var (step, depth, verdict, result) in steps)
        {
            while (numbers.Count > depth + 1) numbers.RemoveAt(numbers.Count - 1);
            if (numbers.Count == depth + 1) numbers[depth]++; else numbers.Add(1);
            var indent = new string(' ', 2 + 2 * depth);
            output.WriteLine($"{indent}{string.Join('.', numbers)}. {step.Rule}: {Statement(step with { Result = result }, format)}  [{verdict.Label}]");
            if (step.Detail is { } detail) output.WriteLine($"{indent}   {detail}");
        }
    }

    /// <summary>"∫ f dx = F" for an integral, "equation  →  y = solution" for an ODE.</summary>
    public static string Statement(Step step, string format) => ExprParts.ContainsUnknown(step.Problem)
        ? $"{ExprFormats.Print(step.Problem, format)} = 0  ->  y = {Result(step, format)}"
        : $"integral of {ExprFormats.Print(step.Problem, format)} dx = {Result(step, format)}";

    /// <summary>A step's result as the answer is printed: simplified.</summary>
    private static string Result(Step step, string format) => ExprFormats.Print(Simplifier.SimplifyOrKeep(step.Result), format);
}
