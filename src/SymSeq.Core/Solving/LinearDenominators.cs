using SymSeq.Algebra;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// ∫ p(x)/(xᵐ·(a·x + b)) and ∫ p(x)/(c·xᵐ) for a polynomial p with rational coefficients and a, b free of x but not necessarily numbers
/// (x²/(x + tan 3), x/(x − √2)), which partial fractions over the rationals (<see cref="RationalIntegrals"/>) cannot
/// take. Each power of x is done alone: xʲ/(a·x + b) by division, Σᵢ (−b)ⁱ·a^(−i−1)·x^(j−i)/(j − i) +
/// (−b)ʲ·a^(−j−1)·ln(a·x + b), and x^(−n)/(a·x + b) = x^(−n)/b − (a/b)·x^(−n+1)/(a·x + b) down to ln(a·x + b)/a.
/// </summary>
internal static class LinearDenominators
{
    private const int MaxPower = 8;

    public static Expr? TryIntegrate(Expr core)
    {
        var factors = core is Op { Kind: Operator.Mul } m ? m.Args.ToArray() : [core];
        var at = Array.FindIndex(factors, f => f is Op { Kind: Operator.Pow, Args: [Op { Kind: Operator.Add }, Num { Value: var e }] } && e == Rational.MinusOne);
        if (at < 0) return null;
        // the other factors: p/xʳ
        if (!Polynomial.TryRational(ExprParts.Product(factors.Where((_, i) => i != at).ToArray()), out var p, out var pDen) || p.IsZero || p.Degree > MaxPower) return null;
        var r = pDen.Degree;
        if (Enumerable.Range(0, r).Any(k => !pDen[k].IsZero)) return null;
        if (Coefficients(((Op)factors[at])[0]) is not { } d) return null;
        var low = d.Keys.Min();
        if (d.Count == 1 && d[low] is not Num)
            // c·x^low, c not a number: a power of x over a constant
            return Simplifier.SimplifyOrKeep(ExprParts.Sum(Enumerable.Range(0, p.Degree + 1).Where(j => !p[j].IsZero)
                .Select(j => new Num(p[j]) * PowerRule(j - low - r) / d[low]).ToList()));
        // d = x^low·(a·x + b)
        if (d.Count != 2 || d.Keys.Max() != low + 1 || low > MaxPower) return null;
        low += r;
        var (a, b) = (d[low - r + 1], d[low - r]);
        if (b is Num { Value.IsZero: true } || d.Values.All(c => c is Num)) return null;   // numbers only: partial fractions' job
        var lnTerm = Expr.Call(Operator.Ln, Simplifier.SimplifyOrKeep(a * Expr.X + b));
        var terms = new List<Expr>();
        for (var j = 0; j <= p.Degree; j++)
            if (!p[j].IsZero) terms.Add(new Num(p[j]) * PowerOverLinear(j - low, a, b, lnTerm));
        return terms.Count == 0 ? null : Simplifier.SimplifyOrKeep(ExprParts.Sum(terms));
    }

    private static Expr PowerRule(int k) => k == -1 ? Expr.Call(Operator.Ln, Expr.X) : Expr.Pow(Expr.X, Expr.Int(k + 1)) / Expr.Int(k + 1);

    /// <summary>∫ xʲ/(a·x + b) dx for an integer j.</summary>
    private static Expr PowerOverLinear(int j, Expr a, Expr b, Expr lnTerm)
    {
        if (j >= 0)
        {
            var terms = new List<Expr>();
            for (var i = 0; i < j; i++)
                terms.Add(Expr.Pow(-b, Expr.Int(i)) / Expr.Pow(a, Expr.Int(i + 1)) * Expr.Pow(Expr.X, Expr.Int(j - i)) / Expr.Int(j - i));
            terms.Add(Expr.Pow(-b, Expr.Int(j)) / Expr.Pow(a, Expr.Int(j + 1)) * lnTerm);
            return ExprParts.Sum(terms);
        }
        // x^j/(a·x + b) = x^j/b − (a/b)·x^(j+1)/(a·x + b)
        return PowerRule(j) / b - a / b * PowerOverLinear(j + 1, a, b, lnTerm);
    }

    /// <summary>The coefficient of each power of x in a sum of terms c·xᵏ (natural k, c free of x), or null.</summary>
    private static Dictionary<int, Expr>? Coefficients(Expr sum)
    {
        var byPower = new Dictionary<int, List<Expr>>();
        foreach (var term in sum is Op { Kind: Operator.Add } s ? s.Args.ToArray() : [sum])
        {
            if (!Monomials.TrySplit(term, "x", out var c, out var k) || !k.IsInteger || k.Sign < 0 || k > MaxPower + 1) return null;
            var power = (int)k.Num;
            if (!byPower.TryGetValue(power, out var list)) byPower[power] = list = [];
            list.Add(c);
        }
        return byPower.ToDictionary(kv => kv.Key, kv => Simplifier.SimplifyOrKeep(ExprParts.Sum(kv.Value)));
    }
}
