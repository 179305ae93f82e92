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

    /// <summary>
    /// e multiplied out within <paramref name="expandBudget"/> and simplified within <paramref name="simplifyBudget"/>
    /// (the simplifier's default when null), or null when either runs past its budget. Throws
    /// <see cref="UndefinedExpressionException"/> for an undefined e.
    /// </summary>
    public static Expr? Multiplied(Expr e, TimeSpan expandBudget, TimeSpan? simplifyBudget)
    {
        using var cancel = new CancellationTokenSource(expandBudget);
        try { return Simplifier.Simplify(Expand(e, cancel.Token), simplifyBudget); }
        catch (OperationCanceledException) { return null; }
        catch (SymbolicTimeoutException) { return null; }
    }

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

    /// <summary>
    /// The product of the factors as a sum of products, or null when it would have more than <see cref="MaxTerms"/> terms.
    /// Like products are merged after each factor (numbers multiplied into a coefficient, the other factors in
    /// <see cref="ExprOrder"/>), so (a + 1)^3·(b + 9)^6 is 4 × 7 terms, not 8 × 64.
    /// </summary>
    private static Expr? Distribute(ImmutableArray<Expr> factors, CancellationToken cancel)
    {
        if (!factors.Any(f => f is Op { Kind: Add })) return null;
        var terms = new List<(Rational Coef, ImmutableArray<Expr> Factors)> { (Rational.One, ImmutableArray<Expr>.Empty) };
        foreach (var f in factors)
        {
            cancel.ThrowIfCancellationRequested();
            var parts = Terms(f).ToList();
            if ((long)terms.Count * parts.Count > MaxTerms * 4L) return null;
            var merged = new Dictionary<Expr, (Rational Coef, ImmutableArray<Expr> Factors)>();
            var order = new List<Expr>();
            foreach (var (coef, fs) in terms)
                foreach (var p in parts)
                {
                    var (c, next) = (coef, fs);
                    foreach (var x in p is Op { Kind: Mul } pm ? pm.Args : [p])
                        if (x is Num n) c *= n.Value;
                        else next = Insert(next, x);
                    var key = next.Length switch { 0 => Expr.One, 1 => next[0], _ => new Op(Mul, next) };
                    if (merged.TryGetValue(key, out var had)) merged[key] = (had.Coef + c, next);
                    else { merged[key] = (c, next); order.Add(key); }
                }
            terms = order.Select(k => merged[k]).Where(t => !t.Coef.IsZero).ToList();
            if (terms.Count > MaxTerms) return null;
        }
        var sum = terms.Select(t =>
        {
            var all = t.Coef == Rational.One && !t.Factors.IsEmpty ? t.Factors : t.Factors.Insert(0, new Num(t.Coef));
            return all.Length == 1 ? all[0] : new Op(Mul, all);
        }).ToImmutableArray();
        return sum.Length switch { 0 => Expr.Zero, 1 => sum[0], _ => new Op(Add, sum) };
    }

    /// <summary>The factors with one more, kept in <see cref="ExprOrder"/>.</summary>
    private static ImmutableArray<Expr> Insert(ImmutableArray<Expr> factors, Expr f)
    {
        var i = 0;
        while (i < factors.Length && ExprOrder.Instance.Compare(factors[i], f) <= 0) i++;
        return factors.Insert(i, f);
    }
}
