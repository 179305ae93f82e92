namespace SymSeq.Cli;

/// <summary>
/// `--steps`: the derivation of a verified answer (<see cref="Solution.Steps"/>, as the library and the web page
/// give it), one line per step, indented by depth and numbered like sections (1, 1.1, 1.2, ...), each with the rule,
/// its integral or equation, its result, the choice it made, and the verifier's verdict on that step's own result.
/// </summary>
public static class StepsPrinter
{
    public static void Print(IReadOnlyList<SolutionStep> steps, TextWriter output, string format)
    {
        output.WriteLine("steps:");
        var numbers = new List<int>();
        foreach (var step in steps)
        {
            while (numbers.Count > step.Depth + 1) numbers.RemoveAt(numbers.Count - 1);
            if (numbers.Count == step.Depth + 1) numbers[step.Depth]++; else numbers.Add(1);
            var indent = new string(' ', 2 + 2 * step.Depth);
            output.WriteLine($"{indent}{string.Join('.', numbers)}. {step.Rule}: {Statement(step, format)}  [{step.Verdict}]");
            if (step.Detail is { } detail) output.WriteLine($"{indent}   {detail}");
        }
    }

    /// <summary>"integral of f dx = F" for an integral, "equation = 0  ->  y = solution" for an ODE; the result simplified, as the answer is printed.</summary>
    public static string Statement(SolutionStep step, string format)
    {
        var result = ExprFormats.Print(SymSeq.Expressions.Simplifier.SimplifyOrKeep(step.Result.Tree), format);
        return step.Equation
            ? $"{ExprFormats.Print(step.Problem.Tree, format)} = 0  ->  y = {result}"
            : $"integral of {ExprFormats.Print(step.Problem.Tree, format)} dx = {result}";
    }
}
