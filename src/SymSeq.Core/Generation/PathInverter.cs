using SymSeq.Expressions;
using static SymSeq.Expressions.Operator;

namespace SymSeq.Generation;

/// <summary>
/// Solves F = rhs for a symbol that occurs exactly once in F, by walking the path from the root to it and
/// inverting each operation on the way (the paper's trick for ODE generation). Inverses use principal branches;
/// callers verify the result numerically.
/// </summary>
public static class PathInverter
{
    public static int Occurrences(Expr e, string name) => e switch
    {
        Sym s => s.Name == name ? 1 : 0,
        Op op => op.Args.Sum(a => Occurrences(a, name)),
        _ => 0,
    };

    /// <summary>The expression for `name` such that F(name) = rhs, or null when F cannot be inverted.</summary>
    public static Expr? SolveFor(Expr f, string name, Expr rhs)
    {
        if (Occurrences(f, name) != 1) return null;
        while (f is Op op)
        {
            var i = 0;
            while (Occurrences(op.Args[i], name) == 0) i++;
            var inner = op.Args[i];
            Expr Others() => op.Args.Length == 2 ? op.Args[1 - i] : new Op(op.Kind, op.Args.RemoveAt(i));
            Expr? next = op.Kind switch
            {
                Add => rhs - Others(),
                Mul => rhs / Others(),
                Sub => i == 0 ? rhs + op[1] : op[0] - rhs,
                Div => i == 0 ? rhs * op[1] : op[0] / rhs,
                Pow => i == 0 ? Expr.Pow(rhs, Expr.One / op[1]) : new Op(Ln, rhs) / new Op(Ln, op[0]),
                _ => Inverse(op.Kind, rhs),
            };
            if (next is null) return null;
            rhs = next;
            f = inner;
        }
        return f is Sym { Name: var n } && n == name ? rhs : null;
    }

    private static Expr? Inverse(Operator f, Expr v) => f switch
    {
        Exp => new Op(Ln, v),
        Ln => new Op(Exp, v),
        Sqrt => Expr.Pow(v, Expr.Two),
        Inv => Expr.One / v,
        Pow2 => new Op(Sqrt, v),
        Pow3 => Expr.Pow(v, Expr.Rat(1, 3)),
        Sin => new Op(Asin, v),
        Cos => new Op(Acos, v),
        Tan => new Op(Atan, v),
        Asin => new Op(Sin, v),
        Acos => new Op(Cos, v),
        Atan => new Op(Tan, v),
        Sinh => new Op(Asinh, v),
        Cosh => new Op(Acosh, v),
        Tanh => new Op(Atanh, v),
        Asinh => new Op(Sinh, v),
        Acosh => new Op(Cosh, v),
        Atanh => new Op(Tanh, v),
        _ => null,
    };
}
