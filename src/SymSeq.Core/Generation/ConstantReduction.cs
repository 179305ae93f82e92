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
    /// The outermost subtree that holds every occurrence of the constant and no x, replaced by the constant; or, in a
    /// sum or product, the arguments that hold it when together they hold every occurrence and no x (x + a8 + 2*a8^2 →
    /// x + a8: the solutions of y' = 1 are x + c for every c, and a model could not tell which way of writing c a
    /// generator drew). Nothing when an occurrence sits beside x (a8*(a8 + x) stays).
    /// </summary>
    private static Expr Fold(Expr e, string constant, int total)
    {
        var here = Occurrences(e, constant);
        if (here == 0) return e;
        if (here == total && !ExprParts.Contains(e, "x")) return new Sym(constant);
        if (e is not Op op) return e;
        if (here == total && op.Kind is Operator.Add or Operator.Mul)
        {
            var holding = op.Args.Where(a => Occurrences(a, constant) > 0).ToArray();
            if (holding.Length > 1 && !holding.Any(a => ExprParts.Contains(a, "x")))
                return new Op(op.Kind, op.Args.Where(a => Occurrences(a, constant) == 0).Append(new Sym(constant)).ToImmutableArray());
        }
        return new Op(op.Kind, op.Args.Select(a => Fold(a, constant, total)).ToImmutableArray());
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
