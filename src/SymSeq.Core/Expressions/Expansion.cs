using System.Collections.Immutable;
using static SymSeq.Expressions.Operator;

namespace SymSeq.Expressions;

/// <summary>
/// Multiplies out: every product of sums and every small positive integer power of a sum becomes a sum of products,
/// at every depth (inside function arguments and bases too). The canonical form (<see cref="Simplifier"/>) keeps
/// 4*pi^2*(2*x + 6) and 8*pi^2*(x + 3) apart, since it distributes a number over a sum only when the sum is the other
/// sole factor; multiplied out, both are 8*pi^2*x + 24*pi^2 and their difference simplifies to 0. Used where two
/// forms are compared (the verifier), never for the canonical form itself, which is the model's input language.
/// An identity: the result has the value of the input wherever the input has one.
/// </summary>
public static class Expansion
{
    /// <summary>Most terms one multiplied-out node may have; a larger product or power is left as it is.</summary>
    public const int MaxTerms = 256;

    /// <summary>Largest exponent of a sum that is multiplied out.</summary>
    public const int MaxPower = 8;

    /// <summary>The expanded form of e, its size bounded by <see cref="MaxTerms"/> per node.</summary>
    public static Expr Expand(Expr e, CancellationToken cancel = default)
    {
        cancel.ThrowIfCancellationRequested();
        if (e is not Op op) return e;
        var args = op.Args.Select(a => Expand(a, cancel)).ToImmutableArray();
        switch (op.Kind)
        {
            case Mul:
                return Distribute(args, cancel) ?? new Op(Mul, args);
            case Pow when args[1] is Num { Value: { IsInteger: true, Sign: > 0 } k } && k.Num <= MaxPower && args[0] is Op { Kind: Add }:
                return Distribute(Enumerable.Repeat(args[0], (int)k.Num).ToImmutableArray(), cancel) ?? new Op(Pow, args);
            case Pow2 or Pow3 or Pow4 or Pow5 when args[0] is Op { Kind: Add }:
                return Distribute(Enumerable.Repeat(args[0], op.Kind - Pow2 + 2).ToImmutableArray(), cancel) ?? new Op(op.Kind, args);
            case Div when args[0] is Op { Kind: Add }:
                return new Op(Add, Terms(args[0]).Select(t => (Expr)new Op(Div, t, args[1])).ToImmutableArray());
            case Sub:
                return Expand(new Op(Add, args[0], new Op(Mul, Expr.MinusOne, args[1])), cancel);
            default:
                return new Op(op.Kind, args);
        }
    }

    /// <summary>The terms of a sum, nested sums (a multiplied-out term of a sum) flattened; any other expression is its own term.</summary>
    private static IEnumerable<Expr> Terms(Expr e) => e is Op { Kind: Add } s ? s.Args.SelectMany(Terms) : [e];

    /// <summary>The product of the factors as a sum of products, or null when it would have more than <see cref="MaxTerms"/> terms.</summary>
    private static Expr? Distribute(ImmutableArray<Expr> factors, CancellationToken cancel)
    {
        if (!factors.Any(f => f is Op { Kind: Add })) return null;
        var terms = new List<ImmutableArray<Expr>> { ImmutableArray<Expr>.Empty };
        foreach (var f in factors)
        {
            cancel.ThrowIfCancellationRequested();
            var parts = Terms(f).ToList();
            if ((long)terms.Count * parts.Count > MaxTerms) return null;
            terms = terms.SelectMany(t => parts.Select(p => t.Add(p))).ToList();
        }
        return new Op(Add, terms.Select(t => t.Length == 1 ? t[0] : new Op(Mul, t)).ToImmutableArray());
    }
}
