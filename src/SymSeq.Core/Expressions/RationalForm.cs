using System.Collections.Immutable;
using System.Numerics;

namespace SymSeq.Expressions;

/// <summary>
/// An expression over one denominator, numerator and denominator multiplied out: N/D with the denominator's first
/// term's number 1. Two ways of writing one function that the canonical form keeps apart often meet here: SymPy's
/// f/(x·ln(x + 1) + ln(x + 1)) and SymSeq's f/((x + 1)·ln(x + 1)); SymPy's (f·sin x − f²·sin x)/cos x and
/// f·sin x/cos x − f²·sin x/cos x. Arguments of functions and bases of roots are written the same way inside.
/// Common factors of N and D cancel only when they appear as the same factor (no polynomial gcd), so the form is
/// not unique for every function, only far less varied than the canonical one. An identity: the result has the value
/// of the input wherever the input has one. Never simplified as a whole, since the simplifier would take D apart.
/// </summary>
public static class RationalForm
{
    /// <summary>Largest integer power of a sum or a fraction that is multiplied out.</summary>
    private const int MaxPower = 8;

    /// <summary>
    /// e over one denominator, or null when the work runs past <paramref name="budget"/>. Throws <see cref="UndefinedExpressionException"/> for an undefined e.
    /// </summary>
    public static Expr? Of(Expr e, TimeSpan budget)
    {
        using var cancel = new CancellationTokenSource(budget);
        var deadline = DateTime.UtcNow + budget;
        try { return new Builder(cancel.Token, deadline).Normal(e); }
        catch (OperationCanceledException) { return null; }
        catch (SymbolicTimeoutException) { return null; }
        catch (DivideByZeroException) { return null; }
    }

    /// <summary>A fraction under construction: a numerator (not yet multiplied out) over a product of bases to positive powers.</summary>
    private readonly record struct Fraction(Expr Numerator, ImmutableDictionary<Expr, int> Denominator)
    {
        public static Fraction Of(Expr numerator) => new(numerator, ImmutableDictionary<Expr, int>.Empty);
    }

    private sealed class Builder(CancellationToken cancel, DateTime deadline)
    {
        private TimeSpan Left => deadline - DateTime.UtcNow is var left && left > TimeSpan.Zero ? left : throw new OperationCanceledException();

        private Expr Simplified(Expr e) => Simplifier.Simplify(e, Left);

        /// <summary>Multiplied out (a product too large to multiply out stays a product) and simplified.</summary>
        private Expr Multiplied(Expr e) => Simplified(Expansion.Expand(e, cancel));

        public Expr Normal(Expr e)
        {
            cancel.ThrowIfCancellationRequested();
            var f = Split(Simplified(e));
            var numerator = Multiplied(f.Numerator);
            if (f.Denominator.IsEmpty) return numerator;
            var denominator = Multiplied(ExprParts.Product(f.Denominator.OrderBy(kv => kv.Key, ExprOrder.Instance)
                .Select(kv => kv.Value == 1 ? kv.Key : Expr.Pow(kv.Key, new Num(kv.Value))).ToArray()));
            if (denominator is Num) return Simplified(new Op(Operator.Div, numerator, denominator));
            // The denominator's first term gets the number 1: 2x + 4 and x + 2 are one denominator.
            if (LeadingNumber(denominator) is { } c && !c.IsOne)
            {
                numerator = Multiplied(new Op(Operator.Mul, new Num(Rational.One / c), numerator));
                denominator = Multiplied(new Op(Operator.Mul, new Num(Rational.One / c), denominator));
            }
            if (numerator is Num { Value.IsZero: true }) return numerator;
            return new Op(Operator.Mul, numerator, new Op(Operator.Pow, denominator, Expr.MinusOne));
        }

        private static Rational? LeadingNumber(Expr e)
        {
            var first = e is Op { Kind: Operator.Add } sum ? sum.Args[0] : e;
            return first switch
            {
                Num n => n.Value,
                Op { Kind: Operator.Mul, Args: [Num n, ..] } => n.Value,
                _ => null,
            };
        }

        private Fraction Split(Expr e)
        {
            cancel.ThrowIfCancellationRequested();
            switch (e)
            {
                case Op { Kind: Operator.Add } sum:
                {
                    var parts = sum.Args.Select(Split).ToList();
                    var common = ImmutableDictionary<Expr, int>.Empty;
                    foreach (var p in parts)
                        foreach (var (b, k) in p.Denominator)
                            common = common.SetItem(b, Math.Max(common.GetValueOrDefault(b), k));
                    var terms = parts.Select(p =>
                    {
                        var factors = new List<Expr> { p.Numerator };
                        foreach (var (b, k) in common)
                            if (k - p.Denominator.GetValueOrDefault(b) is var missing && missing > 0)
                                factors.Add(missing == 1 ? b : Expr.Pow(b, new Num(missing)));
                        return ExprParts.Product(factors);
                    }).ToArray();
                    return new Fraction(ExprParts.Sum(terms), common);
                }
                case Op { Kind: Operator.Mul } product:
                {
                    var numerators = new List<Expr>();
                    var denominator = ImmutableDictionary<Expr, int>.Empty;
                    foreach (var p in product.Args.Select(Split))
                    {
                        numerators.Add(p.Numerator);
                        foreach (var (b, k) in p.Denominator) denominator = denominator.SetItem(b, denominator.GetValueOrDefault(b) + k);
                    }
                    return Cancelled(ExprParts.Product(numerators), denominator);
                }
                case Op { Kind: Operator.Pow, Args: [var b, Num { Value: { IsInteger: true } k }] } when k.Num != 0 && BigInteger.Abs(k.Num) <= MaxPower:
                {
                    var n = (int)k.Num;
                    var f = Split(b);
                    if (n > 0)
                        return new Fraction(Expr.Pow(f.Numerator, new Num(n)), f.Denominator.ToImmutableDictionary(kv => kv.Key, kv => kv.Value * n));
                    // 1/(N/D)^m = D^m / N^m: the bases of D come up, N multiplied out becomes bases of the denominator.
                    n = -n;
                    var up = f.Denominator.Select(kv => Expr.Pow(kv.Key, new Num(kv.Value * n))).ToList();
                    var down = ImmutableDictionary<Expr, int>.Empty;
                    foreach (var (factor, power) in Factors(Multiplied(f.Numerator)))
                        if (factor is Num c) up.Add(new Num(c.Value.Pow(-power * n)));
                        else down = down.SetItem(factor, down.GetValueOrDefault(factor) + power * n);
                    return new Fraction(up.Count == 0 ? Expr.One : ExprParts.Product(up), down);
                }
                case Op { Kind: Operator.Pow, Args: [var b, var exponent] }:
                    return Fraction.Of(new Op(Operator.Pow, Inner(b), Inner(exponent)));
                case Op op:
                    return Fraction.Of(new Op(op.Kind, op.Args.Select(Inner).ToImmutableArray()));
                default:
                    return Fraction.Of(e);
            }
        }

        /// <summary>A numerator's factors that are also bases of the denominator cancel (x·f/(x²·g) → f/(x·g)).</summary>
        private static Fraction Cancelled(Expr numerator, ImmutableDictionary<Expr, int> denominator)
        {
            if (denominator.IsEmpty || numerator is not Op { Kind: Operator.Mul } product) return new Fraction(numerator, denominator);
            var kept = new List<Expr>();
            foreach (var factor in product.Args)
            {
                var (b, k) = factor is Op { Kind: Operator.Pow, Args: [var pb, Num { Value: { IsInteger: true, Sign: > 0 } pk }] } && pk.Num <= MaxPower
                    ? (pb, (int)pk.Num) : (factor, 1);
                var d = denominator.GetValueOrDefault(b);
                var cancel = Math.Min(d, k);
                if (cancel > 0) denominator = d == cancel ? denominator.Remove(b) : denominator.SetItem(b, d - cancel);
                if (k - cancel > 0) kept.Add(k - cancel == 1 ? b : Expr.Pow(b, new Num(k - cancel)));
            }
            return new Fraction(kept.Count == 0 ? Expr.One : ExprParts.Product(kept), denominator);
        }

        /// <summary>The factors of a multiplied-out expression with their powers (a sum is one factor).</summary>
        private static IEnumerable<(Expr Factor, int Power)> Factors(Expr e)
        {
            if (e is Op { Kind: Operator.Mul } product)
            {
                foreach (var f in product.Args.SelectMany(Factors)) yield return f;
                yield break;
            }
            if (e is Op { Kind: Operator.Pow, Args: [var b, Num { Value: { IsInteger: true, Sign: > 0 } k }] } && k.Num <= MaxPower)
            {
                yield return (b, (int)k.Num);
                yield break;
            }
            yield return (e, 1);
        }

        /// <summary>An argument written the same way, a leaf as it is.</summary>
        private Expr Inner(Expr e) => e is Op ? Normal(e) : e;
    }
}
