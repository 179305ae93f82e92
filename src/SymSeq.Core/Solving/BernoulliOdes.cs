using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Bernoulli equations y' + p(x)·y = q(x)·yⁿ (rational n ≠ 0, 1; the logistic y' = y − y² is one), solved the
/// textbook way: v = y^(1−n) turns it into the linear v' + (1−n)·p·v = (1−n)·q, which <see cref="LinearOdes"/>
/// solves, and y = v^(1/(1−n)) (the principal root). p, q and n are read off the terms of y' = R(x, y) with the
/// products over sums in y multiplied out. Anything else gives null, never a guess; callers verify the answer like
/// every other engine's.
/// </summary>
public static class BernoulliOdes
{
    private static readonly Sym Y = new("y");

    /// <summary>The general solution of <paramref name="equation"/> (an expression that must vanish), or null.</summary>
    /// <param name="budget">Time for all of it (default 1 s); past it the answer is null.</param>
    public static Expr? TrySolve(Expr equation, TimeSpan? budget = null)
    {
        var clock = new Deadline(budget ?? Simplifier.DefaultBudget, "Bernoulli-ODE");
        try
        {
            if (ExprParts.Nodes(equation).Any(n => n is Unknown { Order: > 1 })) return null;
            if (SeparableOdes.Slope(equation, clock) is not { } rate) return null;
            var inY = Linearity.Distribute(ExprParts.Substitute(rate, n => n is Unknown ? Y : null), 32, "y");
            // The coefficients of each power of y.
            var powers = new Dictionary<Rational, List<Expr>>();
            foreach (var term in inY is Op { Kind: Operator.Add } sum ? sum.Args.ToArray() : [inY])
            {
                if (!TryPowerOfY(term, out var coefficient, out var k)) return null;
                if (!powers.TryGetValue(k, out var list)) powers[k] = list = [];
                list.Add(coefficient);
            }
            if (powers.Count != 2 || !powers.ContainsKey(Rational.One) || powers.ContainsKey(Rational.Zero)) return null;
            var n = powers.Keys.Single(k => k != Rational.One);
            Expr Total(Rational k) => powers[k].Count == 1 ? powers[k][0] : new Op(Operator.Add, powers[k].ToArray());
            var m = new Num(Rational.One - n);
            // v' + (1−n)·p·v − (1−n)·q = 0 with v the unknown; −p is the coefficient of y, q that of yⁿ
            var linear = new Op(Operator.Sub, new Op(Operator.Sub, new Unknown(1), new Op(Operator.Mul, m, Total(Rational.One), new Unknown(0))),
                new Op(Operator.Mul, m, Total(n)));
            if (LinearOdes.TrySolve(linear, clock.Left) is not { } v) return null;
            return Simplifier.Simplify(Expr.Pow(v, new Num((Rational.One - n).Reciprocal())), clock.Left);
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }

    /// <summary>term = c·y^k with c free of y (products nested in any way).</summary>
    private static bool TryPowerOfY(Expr term, out Expr coefficient, out Rational k)
    {
        var constants = new List<Expr>();
        var power = Rational.Zero;
        bool Walk(Expr f)
        {
            switch (f)
            {
                case Op { Kind: Operator.Mul } product:
                    return product.Args.All(Walk);
                case Sym { Name: "y" }:
                    power += Rational.One;
                    return true;
                case Op { Kind: Operator.Pow, Args: [Sym { Name: "y" }, Num { Value: var e }] }:
                    power += e;
                    return true;
                case Op { Kind: Operator.Sqrt, Args: [Sym { Name: "y" }] }:
                    power += Rational.Half;
                    return true;
                default:
                    if (ExprParts.Contains(f, "y")) return false;
                    constants.Add(f);
                    return true;
            }
        }
        var ok = Walk(term);
        coefficient = constants.Count switch { 0 => Expr.One, 1 => constants[0], _ => new Op(Operator.Mul, constants.ToArray()) };
        k = power;
        return ok;
    }
}
