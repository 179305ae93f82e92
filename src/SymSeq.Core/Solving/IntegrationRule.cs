using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// One integration rule as a named unit: its name (what a step says), what it does, and its application to a core
/// integrand (no constant factor, not a sum: linearity took those apart), which returns an antiderivative or null
/// when the rule does not apply. The rule may integrate smaller integrals through <see cref="BasicIntegrals"/>; their
/// steps become its sub-steps. <see cref="IntegrationRules.All"/> lists every rule in the order it is tried.
/// </summary>
/// <param name="Simplified">Whether the driver simplifies the rule's answer (rules that hand back another rule's answer need not).</param>
public sealed record IntegrationRule(string Name, string Summary, Func<Expr, RuleScope, Expr?> Apply, bool Simplified = true)
{
    /// <summary>Largest integrand (nodes) the driver hands this rule: each costs searches that grow with the size.</summary>
    internal int MaxSize { get; init; } = int.MaxValue;

    /// <summary>
    /// The nesting this rule counts: the rules it calls may come back to it (a substitution's new integrand, an
    /// identity's rewritten one), and the driver hands it no integrand once <see cref="MaxDepth"/> of its calls are open.
    /// </summary>
    internal RuleScope.Rule? Nesting { get; init; }

    internal int MaxDepth { get; init; } = 1;

    public override string ToString() => Name;
}
