using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Wrong answers made from a right one, to test that a verifier rejects them: 2F, F + x, 0, F with one number
/// changed, and F with one sub-expression swapped (the operands of a non-commutative operator, or one function
/// replaced by another). Some mutants can still be right (ln(2x) → ln(3x) differs by a constant); callers
/// tell those apart with <see cref="MutationAudit.IsRight"/>. In an ODE solution, a change next to an arbitrary
/// constant only renames it (a8 + 6, 3*a9, tan(a8)), so with <paramref name="keepConstants"/> numbers and
/// sub-expressions are changed only in the parts of F that involve x and not a0..a9, and 2F is left out.
/// </summary>
public static class Mutations
{
    public static IEnumerable<(string Kind, Expr Wrong)> Of(Expr answer, Random rng, bool keepConstants = false)
    {
        // 2F of an ODE solution is often one of the same family (a linear homogeneous equation, or F = a8*g).
        if (!keepConstants) yield return ("2F", new Op(Operator.Mul, Expr.Two, answer));
        yield return ("F + x", new Op(Operator.Add, answer, Expr.X));
        yield return ("0", Expr.Zero);
        if (ChangeNumber(answer, rng, keepConstants) is { } c) yield return ("number changed", c);
        if (Swap(answer, rng, keepConstants) is { } s) yield return ("sub-expression swapped", s);
        // Not for an ODE solution: it is local (acosh(x) lives on x ≥ 1, where |2x| is 2x), so a branch mutant is
        // often right on the solution's own domain, and the ODE verifier's domain is that of the solution.
        if (!keepConstants)
            foreach (var branch in BranchSensitive(answer, rng)) yield return branch;
    }

    /// <summary>
    /// Mutants that are right on part of the real line only, the kind a check at a few points or in the complex
    /// plane lets through: one part u (with x in it) written |u|, sqrt(u²), asin(sin u) or atan(tan u); an |u| or
    /// ln|u| with its bars dropped; and the sign of F flipped for x &lt; 0 (F·sqrt(x²)/x).
    /// </summary>
    /// <summary>Whether a mutant kind is one of <see cref="BranchSensitive"/>'s: wrong on part of the real line only.</summary>
    public static bool IsBranchSensitive(string kind) => kind.StartsWith("u as") || kind is "|u| as u" or "sign flipped for x < 0";

    private static IEnumerable<(string Kind, Expr Wrong)> BranchSensitive(Expr answer, Random rng)
    {
        var parts = ExprParts.Nodes(answer).Where(n => ExprParts.Contains(n, "x")).Distinct().ToList();
        if (parts.Count > 0)
        {
            var u = parts[rng.Next(parts.Count)];
            Expr Replace(Expr by) => ExprParts.Substitute(answer, n => n.Equals(u) ? by : null);
            yield return ("u as |u|", Replace(new Op(Operator.Abs, u)));
            yield return ("u as sqrt(u^2)", Replace(new Op(Operator.Sqrt, new Op(Operator.Pow, u, Expr.Two))));
            yield return ("u as asin(sin u)", Replace(new Op(Operator.Asin, new Op(Operator.Sin, u))));
            yield return ("u as atan(tan u)", Replace(new Op(Operator.Atan, new Op(Operator.Tan, u))));
        }
        if (ExprParts.Nodes(answer).Any(n => n is Op { Kind: Operator.Abs }))
            yield return ("|u| as u", ExprParts.Substitute(answer, n => n is Op { Kind: Operator.Abs } a ? a[0] : null));
        var x = Expr.X;
        yield return ("sign flipped for x < 0", answer * new Op(Operator.Sqrt, new Op(Operator.Pow, x, Expr.Two)) / x);
    }

    private static bool HasConstant(Expr e) => ExprParts.Nodes(e).Any(n => n is Sym { IsCoefficient: true });

    /// <summary>The numbers that may change: with keepConstants, only those in an operator free of a0..a9.</summary>
    private static List<Num> Changeable(Expr e, bool keepConstants)
    {
        var result = new List<Num>();
        void Walk(Expr n, bool nearConstant)
        {
            if (n is Num num) { if (!nearConstant) result.Add(num); return; }
            if (n is Op op)
            {
                // A number next to a0..a9, or in a part free of x (exp(5), atan(cosh(4))), is absorbed by the constant.
                var here = nearConstant || keepConstants && (HasConstant(op) || !ExprParts.Contains(op, "x"));
                foreach (var a in op.Args) Walk(a, here);
            }
        }
        Walk(e, false);
        return result;
    }

    private static Expr? ChangeNumber(Expr e, Random rng, bool keepConstants)
    {
        var nums = Changeable(e, keepConstants);
        if (nums.Count == 0) return null;
        var target = nums[rng.Next(nums.Count)];
        var done = false;
        return ExprParts.Substitute(e, n =>
        {
            if (done || !ReferenceEquals(n, target)) return null;
            done = true;
            var num = (Num)n;
            var v = num.Value + (rng.Next(2) == 0 ? Rational.One : new Rational(2));
            return new Num(v.IsZero ? new Rational(3) : v);
        });
    }

    private static readonly Operator[] Functions = [Operator.Sin, Operator.Cos, Operator.Exp, Operator.Ln, Operator.Tan, Operator.Sqrt, Operator.Atan];

    private static Expr? Swap(Expr e, Random rng, bool keepConstants)
    {
        bool IsSwappable(Expr n) => Mutations.IsSwappable(n) && !(keepConstants && (HasConstant(n) || !ExprParts.Contains(n, "x")));
        var swappable = ExprParts.Nodes(e).Count(IsSwappable);
        if (swappable == 0) return null;
        var pick = rng.Next(swappable);
        var seen = -1;
        return ExprParts.Substitute(e, n =>
        {
            if (!IsSwappable(n) || ++seen != pick) return null;
            var op = (Op)n;
            if (op.Kind.Arity() == 2) return new Op(op.Kind, op[1], op[0]);
            var other = Functions.Where(f => f != op.Kind).ElementAt(rng.Next(Functions.Length - 1));
            return new Op(other, op[0]);
        });
    }

    private static bool IsSwappable(Expr n) => n is Op op
        && (op.Kind is Operator.Sub or Operator.Div or Operator.Pow && !op[0].Equals(op[1]) || op.Kind.IsFunction());
}
