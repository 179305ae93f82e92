using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// What is left of one overall budget for a rule; each simplification gets that (and throws past the end). It also
/// carries the scope of the integrals the rule makes (<see cref="RuleScope"/>): their steps become the rule's sub-steps.
/// </summary>
internal sealed class Deadline(TimeSpan total, string rule, RuleScope? scope = null)
{
    public RuleScope Scope { get; } = scope ?? new RuleScope();

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    public TimeSpan Left => total - _clock.Elapsed is var left && left > TimeSpan.Zero
        ? left : throw new SymbolicTimeoutException($"the {rule} rule ran out of its {total.TotalMilliseconds:F0} ms");
}
