using System.Collections.Concurrent;
using SymSeq.Expressions;

namespace SymSeq.Generation;

/// <summary>
/// A bounded, thread-safe table of known antiderivatives, looked up up to linearity: integrands are stored
/// without their leading rational factor (∫-sin(x) = cos(x) is kept as sin(x) → -cos(x)), a constant
/// integrates to c·x, and a sum is integrable when each of its terms is. This is what lets integration by
/// parts reach x·cos(x): ∫x·cos(x) = x·sin(x) − ∫sin(x), and ∫sin(x) is known from any draw of cos(x).
/// </summary>
public sealed class KnownIntegrals(Func<Expr, Expr> simplify, int capacity = 1_000_000)
{
    private readonly ConcurrentDictionary<Expr, Expr> _table = new();

    public int Count => _table.Count;

    /// <summary>Records ∫integrand = integral (integrand already simplified). Returns false when full or constant.</summary>
    public bool Add(Expr integrand, Expr integral)
    {
        var (c, core) = SplitFactor(integrand);
        if (core is Num || c.IsZero || _table.Count >= capacity) return false;
        if (_table.ContainsKey(core)) return false;
        return _table.TryAdd(core, c == Rational.One ? integral : simplify(new Num(Rational.One / c) * integral));
    }

    /// <summary>An antiderivative of e (simplified) from the table, or null when some term is unknown.</summary>
    public Expr? TryIntegrate(Expr e)
    {
        if (e is Op { Kind: Operator.Add } sum)
        {
            var parts = new Expr[sum.Args.Length];
            for (var i = 0; i < parts.Length; i++)
                if ((parts[i] = TryTerm(sum.Args[i])!) is null) return null;
            return simplify(new Op(Operator.Add, parts));
        }
        var single = TryTerm(e);
        return single is null ? null : simplify(single);
    }

    private Expr? TryTerm(Expr term)
    {
        var (c, core) = SplitFactor(term);
        if (core is Num n) return new Num(c * n.Value) * Expr.X;
        if (!_table.TryGetValue(core, out var integral)) return null;
        return c == Rational.One ? integral : new Num(c) * integral;
    }

    /// <summary>c·h → (c, h) for a product led by a rational; (1, e) otherwise; (c, 1) for a number.</summary>
    public static (Rational Factor, Expr Core) SplitFactor(Expr e) => e switch
    {
        Num n => (n.Value, Expr.One),
        Op { Kind: Operator.Mul } m when m[0] is Num c =>
            (c.Value, m.Args.Length == 2 ? m[1] : new Op(Operator.Mul, m.Args.RemoveAt(0))),
        _ => (Rational.One, e),
    };
}
