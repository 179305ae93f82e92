using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// One ODE method as a named unit: its name, what it does (the provenance a user reads), the order of equation it
/// takes (null: any), and its application within a time budget, which returns a general solution or null.
/// <see cref="OdeMethods.All"/> lists every method in the order it is tried.
/// </summary>
public sealed record OdeMethod(string Name, string Description, int? Order, Func<Expr, TimeSpan?, RuleScope?, Expr?> TrySolve)
{
    public override string ToString() => Name;
}
