using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Second-order ODEs that a first course reduces to first order, when they are not linear:
/// <list type="bullet">
/// <item>y missing, F(x, y', y'') = 0: p = y' solves the first-order F(x, p, p') = 0 (by <see cref="OdeRules"/>'
/// first-order methods), then y = ∫p dx + a9 (x·y'' = y' + x², y'' = (y')²).</item>
/// <item>x missing, F(y, y', y'') = 0: p(y) = y' gives y'' = p·dp/dy, so F(y, p, p·p') = 0 is first order in p
/// over y; its constant becomes a9, and y' = p(y) is then solved in x (y·y'' = (y')², y'' = 2·y·y').</item>
/// </list>
/// A reduced equation keeps the principal branch of any root it takes (p = √(...)), so the answer is a family of
/// solutions only when the verifier, which the caller runs, accepts it. Anything else gives null, never a guess.
/// </summary>
public static class ReducedOrderOdes
{
    private static readonly Sym C1 = new(Symbols.OdeConstants[0]), C2 = new(Symbols.OdeConstants[1]);

    /// <summary>The general solution of <paramref name="equation"/> (an expression that must vanish), or null.</summary>
    /// <param name="budget">Time for all of it (default 1 s); past it the answer is null.</param>
    /// <param name="scope">Where the integrals this method makes are recorded (their steps), or null for a scope of its own.</param>
    public static Expr? TrySolve(Expr equation, TimeSpan? budget = null, RuleScope? scope = null)
    {
        var clock = new Deadline(budget ?? Simplifier.DefaultBudget, "reduction-of-order", scope);
        try
        {
            if (!ExprParts.Nodes(equation).Any(n => n is Unknown { Order: 2 })) return null;
            if (ExprParts.Contains(equation, C1.Name) || ExprParts.Contains(equation, C2.Name)) return null;
            var hasY = ExprParts.Nodes(equation).Any(n => n is Unknown { Order: 0 });
            if (!hasY) return MissingY(equation, clock);
            return ExprParts.Nodes(equation).Any(n => n is Sym { Name: "x" }) ? null : MissingX(equation, clock);
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }

    private static Expr? MissingY(Expr equation, Deadline clock)
    {
        // p = y': y' is p's value, y'' its derivative
        var reduced = ExprParts.Substitute(equation, n => n is Unknown u ? new Unknown(u.Order - 1) : null);
        if (FirstOrder(reduced, clock) is not { } p) return null;
        if (Antiderivatives.Find(p, clock) is not { } y) return null;
        return Simplifier.Simplify(new Op(Operator.Add, y, C2), clock.Left);
    }

    private static Expr? MissingX(Expr equation, Deadline clock)
    {
        // over y, written x: y is the variable, p = y' the unknown, y'' = p·p'
        var reduced = ExprParts.Substitute(equation, n => n switch
        {
            Unknown { Order: 0 } => Expr.X,
            Unknown { Order: 1 } => new Unknown(0),
            Unknown { Order: 2 } => new Op(Operator.Mul, new Unknown(0), new Unknown(1)),
            _ => null,
        });
        if (FirstOrder(reduced, clock) is not { } p) return null;
        // y' = p(y), its constant renamed a9 so that the second step's a8 is free
        var rate = ExprParts.Substitute(p, n => n switch
        {
            Sym { Name: "x" } => new Unknown(0),
            Sym s when s.Name == C1.Name => C2,
            _ => null,
        });
        return FirstOrder(new Op(Operator.Sub, new Unknown(1), rate), clock);
    }

    /// <summary>
    /// The first of the first-order methods' answers (unverified, like theirs) for the equation written y' = R(x, y),
    /// so p·p' = 2·x·p is seen as the linear p' = 2·x, or null.
    /// </summary>
    private static Expr? FirstOrder(Expr equation, Deadline clock)
    {
        if (SeparableOdes.Rate(equation, clock) is not { } rate) return null;
        var explicitForm = new Op(Operator.Sub, new Unknown(1), ExprParts.Substitute(rate, n => n is Sym { Name: "y" } ? new Unknown(0) : null));
        foreach (var (_, answer) in OdeRules.Solve(explicitForm, clock.Left)) return Simplifier.Simplify(ExpOfLogs.Apart(answer), clock.Left);
        return null;
    }
}
