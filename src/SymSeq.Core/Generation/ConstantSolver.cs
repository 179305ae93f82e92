using System.Numerics;
using SymSeq.Expressions;
using static SymSeq.Expressions.Operator;

namespace SymSeq.Generation;

/// <summary>
/// Solves F = rhs for a constant c, as the ODE generators need to eliminate it: by inverting the path to c when c
/// occurs once (<see cref="PathInverter"/>), else when F is rational in c with numerator of degree 1 or 2 once the
/// denominators are cleared (a8 + a8·x, a8/(a8 − cos x), a8·(a8 + x)): the paper's generator solves these with SymPy
/// and keeps one solution at random, so its ODEs come from such solutions too (a third of its ODE1 data). A constant
/// under a function more than once (exp(a8)·a8) has no such solution: null. Callers verify what comes out.
/// </summary>
public static class ConstantSolver
{
    /// <summary>Highest power of c any intermediate polynomial may reach before the attempt is given up.</summary>
    private const int MaxDegree = 4;

    /// <summary>An expression for <paramref name="name"/> with F = rhs, or null.</summary>
    public static Expr? Solve(Expr f, string name, Expr rhs, Random rng, Func<Expr, Expr> simplify)
    {
        if (PathInverter.Occurrences(f, name) == 1) return PathInverter.SolveFor(f, name, rhs);
        if (Rational(f, name) is not var (num, den)) return null;
        // F = rhs  ⟺  num(c) − rhs·den(c) = 0 where den(c) ≠ 0
        var p = Trim(PolyAdd(num, Scale(den, Expr.MinusOne * rhs)).Select(simplify).ToArray());
        Expr? root = p.Length switch
        {
            2 => simplify(-p[0] / p[1]),
            3 => Quadratic(p[0], p[1], p[2], rng.Next(2) == 0 ? Expr.One : Expr.MinusOne, simplify),
            _ => null,
        };
        return root;
    }

    private static Expr Quadratic(Expr c0, Expr c1, Expr c2, Expr sign, Func<Expr, Expr> simplify) =>
        simplify((-c1 + sign * new Op(Sqrt, c1 * c1 - Expr.Int(4) * c2 * c0)) / (Expr.Two * c2));

    /// <summary>F as num(c)/den(c), polynomials in c (coefficient k at index k) with coefficients free of c; null when c sits under a function or a non-integer power.</summary>
    internal static (Expr[] Num, Expr[] Den)? Rational(Expr e, string c)
    {
        if (!ExprParts.Contains(e, c)) return ([e], [Expr.One]);
        switch (e)
        {
            case Sym s when s.Name == c: return ([Expr.Zero, Expr.One], [Expr.One]);
            case Op { Kind: Add or Sub or Mul or Div } op:
            {
                var acc = Rational(op.Args[0], c);
                for (var i = 1; i < op.Args.Length && acc is not null; i++)
                    acc = Rational(op.Args[i], c) is { } next ? Combine(op.Kind, acc.Value, next) : null;
                return acc;
            }
            case Op { Kind: Pow, Args: [var b, Num { Value: var k }] } when k.IsInteger && BigInteger.Abs(k.Num) <= MaxDegree:
                return Power(b, (int)k.Num, c);
            case Op { Kind: Inv, Args: [var b] }: return Power(b, -1, c);
            case Op { Kind: Pow2, Args: [var b] }: return Power(b, 2, c);
            case Op { Kind: Pow3, Args: [var b] }: return Power(b, 3, c);
            case Op { Kind: Pow4, Args: [var b] }: return Power(b, 4, c);
            default: return null;
        }
    }

    private static (Expr[], Expr[])? Power(Expr b, int k, string c)
    {
        if (Rational(b, c) is not var (n, d)) return null;
        if (k < 0) (n, d, k) = (d, n, -k);
        Expr[] pn = [Expr.One], pd = [Expr.One];
        for (var i = 0; i < k; i++)
        {
            pn = PolyMul(pn, n);
            pd = PolyMul(pd, d);
            if (pn.Length > MaxDegree + 1 || pd.Length > MaxDegree + 1) return null;
        }
        return (pn, pd);
    }

    private static (Expr[], Expr[])? Combine(Operator kind, (Expr[] N, Expr[] D) a, (Expr[] N, Expr[] D) b)
    {
        (Expr[] N, Expr[] D) r = kind switch
        {
            Add => (PolyAdd(PolyMul(a.N, b.D), PolyMul(b.N, a.D)), PolyMul(a.D, b.D)),
            Sub => (PolyAdd(PolyMul(a.N, b.D), Scale(PolyMul(b.N, a.D), Expr.MinusOne)), PolyMul(a.D, b.D)),
            Mul => (PolyMul(a.N, b.N), PolyMul(a.D, b.D)),
            _ => (PolyMul(a.N, b.D), PolyMul(a.D, b.N)),
        };
        return r.N.Length > MaxDegree + 1 || r.D.Length > MaxDegree + 1 ? null : r;
    }

    private static Expr[] PolyAdd(Expr[] a, Expr[] b)
    {
        var r = new Expr[Math.Max(a.Length, b.Length)];
        for (var i = 0; i < r.Length; i++)
            r[i] = i >= a.Length ? b[i] : i >= b.Length ? a[i] : Plus(a[i], b[i]);
        return r;
    }

    private static Expr[] PolyMul(Expr[] a, Expr[] b)
    {
        if (a is [Num { Value.IsOne: true }]) return b;
        if (b is [Num { Value.IsOne: true }]) return a;
        var r = Enumerable.Repeat(Expr.Zero, a.Length + b.Length - 1).ToArray();
        for (var i = 0; i < a.Length; i++)
            for (var j = 0; j < b.Length; j++)
                r[i + j] = Plus(r[i + j], Times(a[i], b[j]));
        return r;
    }

    private static Expr[] Scale(Expr[] a, Expr s) => a.Select(x => Times(s, x)).ToArray();

    private static Expr Plus(Expr a, Expr b) => a is Num { Value.IsZero: true } ? b : b is Num { Value.IsZero: true } ? a : a + b;

    private static Expr Times(Expr a, Expr b) =>
        a is Num { Value.IsZero: true } || b is Num { Value.IsZero: true } ? Expr.Zero
        : a is Num { Value.IsOne: true } ? b : b is Num { Value.IsOne: true } ? a : a * b;

    /// <summary>The coefficients without the zero ones at the top.</summary>
    private static Expr[] Trim(Expr[] p)
    {
        var n = p.Length;
        while (n > 0 && p[n - 1] is Num { Value.IsZero: true }) n--;
        return p[..n];
    }
}
