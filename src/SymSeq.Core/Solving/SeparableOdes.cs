using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Solving;

/// <summary>
/// First-order separable ODEs y' = g(x)·h(y), solved the textbook way: ∫ dy/h(y) = ∫ g(x) dx + a8, then solved for y
/// when y occurs once in the left side (each operator on the way is undone: −1/y = x + a8 gives y = −1/(x + a8),
/// e^y = eˣ + a8 gives y = ln(eˣ + a8)). Both integrals must be basic (<see cref="BasicIntegrals"/>). Where an inverse
/// has branches (y² = ..., sin y = ...) the principal one is taken, which is a family of solutions with one free
/// constant when the verifier accepts it; an answer it rejects is dropped here. Anything else gives null, never a guess.
/// </summary>
public static class SeparableOdes
{
    private static readonly Sym C1 = new(Symbols.OdeConstants[0]);

    /// <summary>y as a plain symbol in R(x, y): a slot the numeric comparison fills with moderate random values.</summary>
    private static readonly Sym Y = new("y");

    /// <summary>The general solution of <paramref name="equation"/> (an expression that must vanish), or null.</summary>
    /// <param name="budget">Time for all of it (default 1 s); past it the answer is null.</param>
    /// <param name="scope">Where the integrals this method makes are recorded (their steps), or null for a scope of its own.</param>
    public static Expr? TrySolve(Expr equation, TimeSpan? budget = null, RuleScope? scope = null)
    {
        var clock = new Deadline(budget ?? Simplifier.DefaultBudget, "separable-ODE", scope);
        try
        {
            if (Rate(equation, clock) is not { } rate || !ExprParts.Contains(rate, "y")) return null;
            if (Separate(rate, clock) is not var (g, h)) return null;
            // ∫ dy/h(y): integrate in x, then write y for x.
            var reciprocal = Simplifier.Simplify(new Op(Operator.Div, Expr.One, ExprParts.Substitute(h, n => n is Sym { Name: "y" } ? Expr.X : null)), clock.Left);
            if (BasicIntegrals.TryIntegrateSum(reciprocal, clock.Scope) is not { } hIntegral || BasicIntegrals.TryIntegrateSum(g, clock.Scope) is not { } gIntegral)
                return null;
            var left = InverseHyperbolic(Simplifier.Simplify(ExprParts.Substitute(hIntegral, n => n is Sym { Name: "x" } ? new Unknown(0) : null), clock.Left), clock);
            var right = new Op(Operator.Add, gIntegral, C1);
            // an inverse's principal branch can miss the family (√(1 − y²) = tanh u gives y = √(1 − tanh²u), wrong
            // where tanh u < 0), so the rule checks its own answer and declines rather than offer a wrong one
            return Isolate(left, right) is { } y && Simplifier.Simplify(y, clock.Left) is var solution
                && OdeVerifier.Check(equation, solution, clock.Left).HoldsOnSomeInterval
                ? solution
                : null;
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)   // UndefinedExpression and Overflow are arithmetic
        {
            return null;
        }
    }

    /// <summary>
    /// R(x, y), y written as the symbol y, when the equation is of first order and equivalent to y' = R: it must be
    /// A·y' + B with A, B free of y' (checked). Null otherwise.
    /// </summary>
    internal static Expr? Rate(Expr equation, Deadline budget)
    {
        if (Slope(equation, budget) is not var (a, b)) return null;
        return Simplifier.Simplify(new Op(Operator.Div, new Op(Operator.Mul, Expr.MinusOne, b), a), budget.Left);
    }

    /// <summary>
    /// (A, B), y written as the symbol y, when the equation is of first order and is A·y' + B with A ≠ 0 and A, B
    /// free of y' (checked); null otherwise. (The exact-equation rule reads N = A and M = B off this.)
    /// </summary>
    internal static (Expr A, Expr B)? Slope(Expr equation, Deadline budget)
    {
        if (ExprParts.Nodes(equation).Any(n => n is Unknown { Order: > 1 })) return null;
        Expr At(Expr value) => Simplifier.Simplify(ExprParts.Substitute(equation, n => n is Unknown { Order: 1 } ? value : null), budget.Left);
        var b = At(Expr.Zero);
        var a = Simplifier.Simplify(new Op(Operator.Sub, At(Expr.One), b), budget.Left);
        if (a is Num { Value.IsZero: true }) return null;
        var affine = new Op(Operator.Add, new Op(Operator.Mul, a, new Unknown(1)), b);
        if (Simplifier.Simplify(new Op(Operator.Sub, equation, affine), budget.Left) is not Num { Value.IsZero: true }) return null;
        Expr InY(Expr e) => ExprParts.Substitute(e, n => n is Unknown ? Y : null);
        return (InY(a), InY(b));
    }

    /// <summary>
    /// (g(x), h(y)) with R = g·h, or null. If R separates, then
    /// R(x, y)·R(x0, y0) = R(x, y0)·R(x0, y) for any point where R(x0, y0) ≠ 0, so g = R(x, y0)/R(x0, y0) and
    /// h = R(x0, y); the product is then compared with R numerically.
    /// </summary>
    private static (Expr G, Expr H)? Separate(Expr inY, Deadline budget)
    {
        if (SplitFactors(inY) is { } split) return split;
        Expr At(Expr? x, Expr? y) => Simplifier.Simplify(ExprParts.Substitute(inY, n => n switch
        {
            Sym { Name: "x" } when x is not null => x,
            Sym { Name: "y" } when y is not null => y,
            _ => null,
        }), budget.Left);
        foreach (var (x0, y0) in new[] { (1, 1), (2, 3), (3, 2), (5, 7) })
        {
            Expr px = Expr.Int(x0), py = Expr.Int(y0);
            var scale = At(px, py);
            if (scale is Num { Value.IsZero: true } || ExprParts.Contains(scale, "x") || ExprParts.Contains(scale, "y")) continue;
            var g = Simplifier.Simplify(new Op(Operator.Div, At(null, py), scale), budget.Left);
            var h = At(px, null);
            if (ExprParts.Contains(g, "y") || ExprParts.Contains(h, "x")) return null;
            return NumericEquivalence.AreEqual(inY, new Op(Operator.Mul, g, h)) ? (g, h) : null;
        }
        return null;
    }

    /// <summary>(g, h) read off the factors of R when each depends on x alone or y alone (e^(u(x) + v(y)) splits), else null.</summary>
    private static (Expr G, Expr H)? SplitFactors(Expr rate)
    {
        List<Expr> g = [], h = [];
        foreach (var f in rate is Op { Kind: Operator.Mul } m ? m.Args.ToArray() : [rate])
        {
            if (!ExprParts.Contains(f, "y")) g.Add(f);
            else if (!ExprParts.Contains(f, "x")) h.Add(f);
            else if (f is Op { Kind: Operator.Exp, Args: [Op { Kind: Operator.Add } sum] })
            {
                var (inX, inY) = (sum.Args.Where(t => !ExprParts.Contains(t, "y")).ToArray(), sum.Args.Where(t => !ExprParts.Contains(t, "x")).ToArray());
                if (inX.Length + inY.Length != sum.Args.Length) return null;
                g.Add(Expr.Call(Operator.Exp, ExprParts.Sum(inX)));
                h.Add(Expr.Call(Operator.Exp, ExprParts.Sum(inY)));
            }
            else return null;
        }
        return (ExprParts.Product(g), ExprParts.Product(h));
    }

    /// <summary>
    /// ln(u + √(u² + 1)) written asinh u and ln(u + √(u² − 1)) written acosh u (the table's ∫ 1/√(y² ± 1)), so
    /// that y occurs once and can be isolated: x·y' = y + √(x² + y²) needs asinh(v) = ln x + a8.
    /// </summary>
    private static Expr InverseHyperbolic(Expr left, Deadline budget) => ExprParts.Substitute(left, n =>
    {
        if (n is not Op { Kind: Operator.Ln, Args: [Op { Kind: Operator.Add, Args: [var a, var b] }] }) return null;
        foreach (var (u, root) in new[] { (a, b), (b, a) })
        {
            var square = root switch
            {
                Op { Kind: Operator.Sqrt, Args: [var r] } => r,
                Op { Kind: Operator.Pow, Args: [var r, Num { Value: var e }] } when e == Rational.Half => r,
                _ => null,
            };
            if (square is null) continue;
            var shift = Simplifier.Simplify(new Op(Operator.Sub, square, Expr.Pow(u, Expr.Two)), budget.Left);
            if (shift is Num { Value: var c } && (c.IsOne || c == Rational.MinusOne))
                return Expr.Call(c.IsOne ? Operator.Asinh : Operator.Acosh, u);
        }
        return null;
    });

    /// <summary>y from left(y) = right when y occurs once in left and every operator above it can be undone, else null.</summary>
    internal static Expr? Isolate(Expr left, Expr right)
    {
        while (left is not Unknown { Order: 0 })
        {
            if (left is not Op op) return null;
            var holders = op.Args.Where(ExprParts.ContainsUnknown).ToArray();
            if (holders.Length != 1) return null;
            var inner = holders[0];
            var others = op.Args.Where(a => !ReferenceEquals(a, inner)).ToArray();
            Expr Rest(Operator kind) => others.Length == 1 ? others[0] : new Op(kind, others);
            Expr? undone = op.Kind switch
            {
                Operator.Add => new Op(Operator.Sub, right, Rest(Operator.Add)),
                Operator.Mul => new Op(Operator.Div, right, Rest(Operator.Mul)),
                Operator.Sub => ReferenceEquals(op[0], inner) ? new Op(Operator.Add, right, op[1]) : new Op(Operator.Sub, op[0], right),
                Operator.Div => ReferenceEquals(op[0], inner) ? new Op(Operator.Mul, right, op[1]) : new Op(Operator.Div, op[0], right),
                Operator.Pow when ReferenceEquals(op[0], inner) && op[1] is Num { Value: { IsZero: false } n } =>
                    Expr.Pow(right, new Num(n.Reciprocal())),
                Operator.Pow when ReferenceEquals(op[1], inner) && op[0] is Num { Value: var b } && b > Rational.Zero && !b.IsOne =>
                    new Op(Operator.Div, new Op(Operator.Ln, right), new Op(Operator.Ln, op[0])),
                Operator.Sqrt => Expr.Pow(right, Expr.Two),
                _ when Inverse(op.Kind) is { } inverse => new Op(inverse, right),
                _ => null,
            };
            if (undone is null) return null;
            left = inner;
            right = undone;
        }
        return right;
    }

    private static Operator? Inverse(Operator f) => f switch
    {
        Operator.Exp => Operator.Ln,
        Operator.Ln => Operator.Exp,
        Operator.Sin => Operator.Asin,
        Operator.Asin => Operator.Sin,
        Operator.Cos => Operator.Acos,
        Operator.Acos => Operator.Cos,
        Operator.Tan => Operator.Atan,
        Operator.Atan => Operator.Tan,
        Operator.Sinh => Operator.Asinh,
        Operator.Asinh => Operator.Sinh,
        Operator.Cosh => Operator.Acosh,
        Operator.Acosh => Operator.Cosh,
        Operator.Tanh => Operator.Atanh,
        Operator.Atanh => Operator.Tanh,
        _ => null,
    };
}
