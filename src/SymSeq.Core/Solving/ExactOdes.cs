using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Solving;

/// <summary>
/// Exact first-order ODEs M(x, y) + N(x, y)·y' = 0 with ∂M/∂y = ∂N/∂x, solved the textbook way: a potential F with
/// F_x = M and F_y = N (F = ∫M dx + h(y), h' = N − ∂/∂y ∫M dx), and F = a8 solved for y. An equation that is not exact
/// is made so by an integrating factor μ(x) = e^∫((M_y − N_x)/N) dx when that ratio is free of y, or μ(y) =
/// e^∫((N_x − M_y)/M) dy when it is free of x. y is isolated when it occurs once in F, else F must be of degree
/// 1 or 2 in y (each root of the quadratic is tried). Each answer is verified here, since a root's branch can
/// miss the family; anything else gives null, never a guess.
/// </summary>
public static class ExactOdes
{
    private static readonly Sym C1 = new(Symbols.OdeConstants[0]);
    private static readonly Sym Y = new("y");
    private static readonly Rational Two = new(2);

    /// <summary>The general solution of <paramref name="equation"/> (an expression that must vanish), or null.</summary>
    /// <param name="budget">Time for all of it (default 1 s); past it the answer is null.</param>
    /// <param name="scope">Where the integrals this method makes are recorded (their steps), or null for a scope of its own.</param>
    public static Expr? TrySolve(Expr equation, TimeSpan? budget = null, RuleScope? scope = null)
    {
        var clock = new Deadline(budget ?? Simplifier.DefaultBudget, "exact-ODE", scope);
        try
        {
            if (ExprParts.Contains(equation, C1.Name) || SeparableOdes.Slope(equation, clock) is not var (n, m)) return null;
            if (!ExprParts.Contains(m, "y") && !ExprParts.Contains(n, "y")) return null;   // no y: an integral, not an ODE
            if (Exact(m, n, clock) is not var (mm, nn)) return null;
            if (Potential(mm, nn, clock) is not { } f) return null;
            foreach (var y in Solutions(f, clock))
            {
                var solution = Simplifier.Simplify(y, clock.Left);
                if (OdeVerifier.Check(equation, solution, clock.Left).HoldsOnSomeInterval) return solution;
            }
            return null;
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }

    /// <summary>(μ·M, μ·N) for μ = 1 when M, N are exact, else for an integrating factor of x or of y alone; or null.</summary>
    private static (Expr M, Expr N)? Exact(Expr m, Expr n, Deadline clock)
    {
        var my = Derivative.Of(m, "y");
        var nx = Derivative.Of(n, "x");
        if (NumericEquivalence.AreEqual(my, nx)) return (m, n);
        var ofX = Simplifier.Simplify(new Op(Operator.Div, new Op(Operator.Sub, my, nx), n), clock.Left);
        if (!ExprParts.Contains(ofX, "y") && Antiderivatives.Find(ofX, clock) is { } px)
            return Scaled(m, n, Simplifier.Simplify(ExpOfLogs.Apart(new Op(Operator.Exp, px)), clock.Left), clock);
        var ofY = Simplifier.Simplify(new Op(Operator.Div, new Op(Operator.Sub, nx, my), m), clock.Left);
        if (!ExprParts.Contains(ofY, "x") && InY(ofY, clock) is { } py)
            return Scaled(m, n, Simplifier.Simplify(ExpOfLogs.Apart(new Op(Operator.Exp, py)), clock.Left), clock);
        return null;
    }

    private static (Expr M, Expr N)? Scaled(Expr m, Expr n, Expr mu, Deadline clock)
    {
        var (mm, nn) = (Simplifier.Simplify(new Op(Operator.Mul, mu, m), clock.Left), Simplifier.Simplify(new Op(Operator.Mul, mu, n), clock.Left));
        return NumericEquivalence.AreEqual(Derivative.Of(mm, "y"), Derivative.Of(nn, "x")) ? (mm, nn) : null;
    }

    /// <summary>F with F_x = M and F_y = N (both checked numerically), or null when an integral is out of reach.</summary>
    private static Expr? Potential(Expr m, Expr n, Deadline clock)
    {
        if (Antiderivatives.Find(m, clock) is not { } g) return null;
        var rest = Simplifier.Simplify(new Op(Operator.Sub, n, Derivative.Of(g, "y")), clock.Left);
        if (ExprParts.Contains(rest, "x") && !(Simplifier.TrySimplify(Expansion.Expand(rest), out rest) && !ExprParts.Contains(rest, "x"))) return null;
        if (InY(rest, clock) is not { } h) return null;
        var f = Simplifier.Simplify(new Op(Operator.Add, g, h), clock.Left);
        return NumericEquivalence.AreEqual(Derivative.Of(f, "x"), m) && NumericEquivalence.AreEqual(Derivative.Of(f, "y"), n) ? f : null;
    }

    /// <summary>∫ e dy for an e in y alone (integrated as a function of x, then written in y again), or null.</summary>
    private static Expr? InY(Expr e, Deadline clock)
    {
        var asX = ExprParts.Substitute(e, node => node is Sym { Name: "y" } ? Expr.X : null);
        return Antiderivatives.Find(asX, clock) is { } i ? ExprParts.Substitute(i, node => node is Sym { Name: "x" } ? Y : null) : null;
    }

    /// <summary>Candidates y(x) for F(x, y) = a8: y isolated where it occurs once, else the roots of F of degree 1 or 2 in y.</summary>
    private static IEnumerable<Expr> Solutions(Expr f, Deadline clock)
    {
        var withUnknown = ExprParts.Substitute(f, node => node is Sym { Name: "y" } ? new Unknown(0) : null);
        if (SeparableOdes.Isolate(withUnknown, C1) is { } isolated)
        {
            yield return isolated;
            yield break;
        }
        if (Monomials.PowersOf(f, "y") is not { } powers || powers.Keys.Any(k => k != Rational.Zero && k != Rational.One && k != Two)) yield break;
        Expr Coefficient(Rational k) => powers.GetValueOrDefault(k, Expr.Zero);
        var (a, b, c) = (Coefficient(Two), Coefficient(Rational.One), new Op(Operator.Sub, Coefficient(Rational.Zero), C1));
        if (!powers.ContainsKey(Two))
        {
            if (powers.ContainsKey(Rational.One)) yield return new Op(Operator.Div, new Op(Operator.Mul, Expr.MinusOne, c), b);
            yield break;
        }
        // a·y² + b·y + c = 0
        var root = new Op(Operator.Sqrt, new Op(Operator.Sub, Expr.Pow(b, Expr.Two), new Op(Operator.Mul, Expr.Int(4), a, c)));
        var twoA = new Op(Operator.Mul, Expr.Two, a);
        var minusB = new Op(Operator.Mul, Expr.MinusOne, b);
        yield return new Op(Operator.Div, new Op(Operator.Add, minusB, root), twoA);
        yield return new Op(Operator.Div, new Op(Operator.Sub, minusB, root), twoA);
    }
}
