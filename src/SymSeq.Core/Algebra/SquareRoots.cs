using System.Numerics;
using SymSeq.Expressions;

namespace SymSeq.Algebra;

/// <summary>Square roots of rationals written the textbook way.</summary>
internal static class SquareRoots
{
    /// <summary>√r for a positive rational, as (a/b)·√n with n square-free when n is small enough to factor (√8/2 is √2).</summary>
    public static Expr Of(Rational r)
    {
        if (r.TryRoot(2, out var exact)) return new Num(exact);
        // √(p/q) = √(p·q)/q; take the square factors out of p·q.
        var n = r.Num * r.Den;
        BigInteger outside = 1;
        for (BigInteger f = 2; f * f <= n && f < 10_000; f++)
            while (n % (f * f) == 0) { n /= f * f; outside *= f; }
        var factor = new Rational(outside, r.Den);
        var root = Expr.Pow(new Num(n), new Num(Rational.Half));
        return factor.IsOne ? root : new Op(Operator.Mul, new Num(factor), root);
    }
}
