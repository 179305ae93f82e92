using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// One step of a derivation: the rule (or method, or engine) applied, what it was applied to (an integrand, or an
/// ODE for an ODE method), what it gave, a detail where the rule made a choice (u = x², u = x and dv = cos x dx), and
/// the steps of the integrals it made on the way (the rules form a step tree, as SymPy's manualintegrate does).
/// Steps say how an answer was found; the verifier still judges each one (<see cref="StepCheck"/>).
/// </summary>
public sealed record Step(string Rule, Expr Problem, Expr Result, IReadOnlyList<Step> SubSteps, string? Detail = null)
{
    /// <summary>The last step of an answer reported in another form than found (its real form, a tidier one).</summary>
    public const string RewrittenName = "rewritten";

    /// <summary>A step with no sub-steps: an engine's answer, or a table look-up.</summary>
    public static Step Leaf(string rule, Expr problem, Expr result, string? detail = null) => new(rule, problem, result, [], detail);

    /// <summary>
    /// The step of a sum integrated term by term: linearity over the parts' own steps (a lone part with factor 1 is
    /// its own step, with the combined result), the result the parts combined (<see cref="Linearity.Combine"/>).
    /// </summary>
    /// <param name="detail">How the sum was cut, when it was (a cut of the sum as written); else the count of terms says it.</param>
    public static Step OfSum(Expr sum, IReadOnlyList<(Expr Factor, Step Step)> parts, string? detail = null)
    {
        var result = Linearity.Combine(parts.Select(p => (p.Factor, p.Step.Result)));
        if (parts is [({ } f, var only)] && f is Num { Value.IsOne: true }) return only with { Result = result };
        return new Step(IntegrationRules.LinearityName, sum, result, parts.Select(p => p.Step).Distinct().ToList(),
            detail ?? (parts.Count == 1 ? $"the constant factor {parts[0].Factor} taken out" : $"{parts.Count} terms integrated one by one"));
    }

    /// <summary>This step and every sub-step, depth first (a parent before its children), with its depth.</summary>
    public IEnumerable<(Step Step, int Depth)> Flatten(int depth = 0)
    {
        yield return (this, depth);
        foreach (var s in SubSteps)
            foreach (var inner in s.Flatten(depth + 1))
                yield return inner;
    }

    /// <summary>
    /// The rules that did the work, outermost first, each named once: "by parts -> partial fractions". Bookkeeping
    /// steps (linearity, the table) appear only when nothing else did.
    /// </summary>
    public string Chain
    {
        get
        {
            var names = Flatten().Select(s => s.Step.Rule).Distinct().ToList();
            var work = names.Where(n => n is not (IntegrationRules.LinearityName or IntegrationRules.TableName or IntegrationRules.ConstantName or RewrittenName)).ToList();
            return string.Join(" -> ", work.Count > 0 ? work : names);
        }
    }
}
