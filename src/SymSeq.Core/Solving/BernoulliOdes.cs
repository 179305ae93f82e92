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
    /// <summary>The general solution of <paramref name="equation"/> (an expression that must vanish), or null.</summary>
    /// <param name="budget">Time for all of it (default 1 s); past it the answer is null.</param>
    /// <param name="scope">Where the integrals this method makes are recorded (their steps), or null for a scope of its own.</param>
    public static Expr? TrySolve(Expr equation, TimeSpan? budget = null, RuleScope? scope = null)
    {
        var clock = new Deadline(budget ?? Simplifier.DefaultBudget, "Bernoulli-ODE", scope);
        try
        {
            if (SeparableOdes.Rate(equation, clock) is not { } rate) return null;
            // The coefficients of each power of y.
            if (Monomials.PowersOf(rate, "y") is not { } powers
                || powers.Count != 2 || !powers.ContainsKey(Rational.One) || powers.ContainsKey(Rational.Zero)) return null;
            var n = powers.Keys.Single(k => k != Rational.One);
            Expr Total(Rational k) => powers[k];
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
}
