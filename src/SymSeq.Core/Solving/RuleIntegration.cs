using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Integration by SymSeq's rules alone, no model and no CAS: linearity's plans for the integrand
/// (<see cref="Decomposition.Plans"/>), each solved when a basic rule (<see cref="BasicIntegrals"/>) integrates every
/// term. The candidates are not verified here; the hybrid solver and the FWD generator verify each one.
/// </summary>
public static class RuleIntegration
{
    /// <summary>The plans' answers by rules, in plan order, lazily (a caller that accepts the first does no more work).</summary>
    public static IEnumerable<Expr> Candidates(IEnumerable<Decomposition> plans) => Derivations(plans).Select(s => s.Result);

    /// <summary>The plans' answers by rules as derivations (the answer is each step's result), in plan order, lazily.</summary>
    public static IEnumerable<Step> Derivations(IEnumerable<Decomposition> plans)
    {
        foreach (var p in plans)
            if (p.ByRulesStep is { } step) yield return step;
    }

    /// <summary>The candidates for an integrand: see <see cref="Candidates(IEnumerable{Decomposition})"/>.</summary>
    public static IEnumerable<Expr> Candidates(Expr integrand) => Candidates(Decomposition.Plans(integrand));
}
