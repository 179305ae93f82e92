using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// First-order ODEs y' = R(x, y) that depend on x and y through one u = k·y + g(x), the textbook substitution for
/// y' = f(a·x + b·y + c) and its kin: u' = k·R + g′(x) is then a function of u alone, which separates
/// (<see cref="SeparableOdes"/> solves it, or declines), and y = (u − g)/k. The candidates for u are the operands of
/// the functions and the bases of the powers in R that hold both x and y, linear in y with a constant k:
/// y' = (x + y)² gives u = x + y, u' = 1 + u², y = tan(x + a8) − x; y' = −x + √(2y + x²) gives u = 2y + x², u' = 2√u.
/// A rate that already separates, or is linear or homogeneous, is left to those rules, which come first. Callers
/// verify the answer like every other engine's.
/// </summary>
public static class ShiftedOdes
{
    private static readonly Sym Y = new("y");
    private static readonly Sym U = new("t");   // u, written t (a symbol the evaluator knows)

    /// <summary>The most candidate u tried.</summary>
    private const int MaxCandidates = 6;

    /// <summary>The general solution of <paramref name="equation"/> (an expression that must vanish), or null.</summary>
    /// <param name="budget">Time for all of it (default 1 s); past it the answer is null.</param>
    /// <param name="scope">Where the integrals this method makes are recorded (their steps), or null for a scope of its own.</param>
    public static Expr? TrySolve(Expr equation, TimeSpan? budget = null, RuleScope? scope = null)
    {
        var clock = new Deadline(budget ?? Simplifier.DefaultBudget, "shifted-ODE", scope);
        try
        {
            if (SeparableOdes.Rate(equation, clock) is not { } rate || !ExprParts.Contains(rate, "y") || !ExprParts.Contains(rate, "x")
                || ExprParts.Contains(rate, U.Name))
                return null;
            foreach (var (k, g) in Candidates(rate, clock).Take(MaxCandidates))
            {
                // u' = k·R + g′, with y = (u − g)/k: a function of u alone, or not this u
                var y = new Op(Operator.Div, new Op(Operator.Sub, U, g), k);
                var inU = Simplifier.Simplify(new Op(Operator.Add, new Op(Operator.Mul, k, ExprParts.Substitute(rate, n => n is Sym { Name: "y" } ? y : null)),
                    Derivative.Of(g)), clock.Left);
                if (ExprParts.Contains(inU, "x") || !ExprParts.Contains(inU, U.Name)) continue;
                var separable = new Op(Operator.Sub, new Unknown(1), ExprParts.Substitute(inU, n => n.Equals(U) ? new Unknown(0) : null));
                if (SeparableOdes.TrySolve(separable, clock.Left, clock.Scope) is not { } u) continue;
                return Simplifier.Simplify(new Op(Operator.Div, new Op(Operator.Sub, u, g), k), clock.Left);
            }
            return null;
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }

    /// <summary>(k, g) for each distinct u = k·y + g(x) in the rate, k a nonzero constant and g holding x, outermost first.</summary>
    private static IEnumerable<(Expr K, Expr G)> Candidates(Expr rate, Deadline clock)
    {
        var seen = new HashSet<Expr>();
        foreach (var node in ExprParts.Nodes(rate))
        {
            var operand = node switch
            {
                Op { Kind: Operator.Pow, Args: [var b, _] } => b,
                Op { Args: [var a] } => a,
                _ => null,
            };
            if (operand is null || !ExprParts.Contains(operand, "y") || !ExprParts.Contains(operand, "x") || !seen.Add(operand)) continue;
            var k = Simplifier.Simplify(Derivative.Of(operand, "y"), clock.Left);
            if (k is Num { Value.IsZero: true } || ExprParts.Contains(k, "x") || ExprParts.Contains(k, "y")) continue;
            var g = Simplifier.Simplify(new Op(Operator.Sub, operand, new Op(Operator.Mul, k, Y)), clock.Left);
            if (ExprParts.Contains(g, "y") || !ExprParts.Contains(g, "x")) continue;
            yield return (k, g);
        }
    }
}
