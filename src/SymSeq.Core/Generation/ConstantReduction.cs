using System.Collections.Immutable;
using SymSeq.Expressions;

namespace SymSeq.Generation;

/// <summary>
/// Folds into an arbitrary constant whatever only reparametrizes it, as the paper's generator does before it derives
/// an ODE from a solution (its reduce_coefficients and simplify_const_with_coeff): the largest subtree that holds the
/// constant and no x becomes the constant (sqrt(3*a8) → a8, cos(a8 + 1) → a8), and numbers beside it in its sum or
/// product are dropped (a8 + x + 9 → a8 + x, sqrt(10)*a8*x → a8*x). The family of solutions is the same, up to the
/// range of the constant; its expression is shorter, as the paper's solutions are.
/// </summary>
public static class ConstantReduction
{
    public static Expr Reduce(Expr solution, string constant)
    {
        var folded = Fold(solution, constant, Occurrences(solution, constant));
        return DropNumbersBeside(folded, constant);
    }

    private static int Occurrences(Expr e, string constant) => ExprParts.Nodes(e).Count(n => n is Sym s && s.Name == constant);

    /// <summary>
    /// The outermost subtree that holds every occurrence of the constant and no x, replaced by the constant; none when
    /// the occurrences are apart (a8 + 2*a8^2 - x keeps both: folding each would make another expression).
    /// </summary>
    private static Expr Fold(Expr e, string constant, int total)
    {
        var here = Occurrences(e, constant);
        if (here == 0) return e;
        if (here == total && !ExprParts.Contains(e, "x")) return new Sym(constant);
        return e is Op op ? new Op(op.Kind, op.Args.Select(a => Fold(a, constant, total)).ToImmutableArray()) : e;
    }

    /// <summary>In the sum or product that has the constant as a direct argument, the arguments with no symbol in them dropped.</summary>
    private static Expr DropNumbersBeside(Expr e, string constant)
    {
        if (e is not Op op) return e;
        if (op.Kind is Operator.Add or Operator.Mul && op.Args.Any(a => a is Sym s && s.Name == constant))
        {
            var kept = op.Args.Where(a => ExprParts.Nodes(a).Any(n => n is Sym { IsConstant: false })).ToArray();
            return kept.Length == op.Args.Length ? e : kept.Length == 1 ? kept[0] : new Op(op.Kind, kept.ToImmutableArray());
        }
        return new Op(op.Kind, op.Args.Select(a => DropNumbersBeside(a, constant)).ToImmutableArray());
    }
}
