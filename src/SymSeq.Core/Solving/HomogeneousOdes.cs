using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Homogeneous first-order ODEs y' = F(y/x), solved the textbook way: y = x·v turns them into x·v' = F(v) − v, which
/// separates (<see cref="SeparableOdes"/> solves it, or declines), and y = x·v. F is read off as R(1, v) and checked
/// numerically against R(x, y) = F(y/x) (y' = (x² + y²)/(x·y), y' = y/x + tan(y/x)). A rate that already separates
/// or is linear in y is left to those rules, which come first. Callers verify the answer like every other engine's.
/// </summary>
public static class HomogeneousOdes
{
    private static readonly Sym Y = new("y");

    /// <summary>The general solution of <paramref name="equation"/> (an expression that must vanish), or null.</summary>
    /// <param name="budget">Time for all of it (default 1 s); past it the answer is null.</param>
    /// <param name="scope">Where the integrals this method makes are recorded (their steps), or null for a scope of its own.</param>
    public static Expr? TrySolve(Expr equation, TimeSpan? budget = null, RuleScope? scope = null)
    {
        var clock = new Deadline(budget ?? Simplifier.DefaultBudget, "homogeneous-ODE", scope);
        try
        {
            if (SeparableOdes.Rate(equation, clock) is not { } rate || !ExprParts.Contains(rate, "y") || !ExprParts.Contains(rate, "x")) return null;
            // F(v) = R(1, v), v written y: the separable rule's unknown
            var f = Simplifier.Simplify(ExprParts.Substitute(rate, n => n is Sym { Name: "x" } ? Expr.One : null), clock.Left);
            var homogeneous = ExprParts.Substitute(f, n => n is Sym { Name: "y" } ? new Op(Operator.Div, Y, Expr.X) : null);
            if (!NumericEquivalence.AreEqual(rate, homogeneous)) return null;
            var inV = ExprParts.Substitute(f, n => n is Sym { Name: "y" } ? new Unknown(0) : null);
            // v' − (F(v) − v)/x = 0
            var separable = new Op(Operator.Sub, new Unknown(1), new Op(Operator.Div, new Op(Operator.Sub, inV, new Unknown(0)), Expr.X));
            if (SeparableOdes.TrySolve(separable, clock.Left) is not { } v) return null;
            return Simplifier.Simplify(new Op(Operator.Mul, Expr.X, v), clock.Left);
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }
}
