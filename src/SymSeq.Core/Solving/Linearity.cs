using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>One summand of an integrand: a factor free of x times the part that depends on x (1 for a constant term).</summary>
public sealed record LinearTerm(Expr Factor, Expr Core)
{
    public bool IsConstant => Core is Num { Value.IsOne: true };
}

/// <summary>
/// Linearity of integration: ∫ Σ cᵢ·gᵢ = Σ cᵢ·∫gᵢ. Splits a canonical integrand into its summands and takes every
/// x-free factor (numbers, π, e, sqrt(2), ln 3, ...) out of each, so the model sees the bare gᵢ whatever the
/// coefficients: 1000·f and f/7 become f, and f + exp(x) becomes f and exp(x).
/// </summary>
public static class Linearity
{
    public static IReadOnlyList<LinearTerm> Split(Expr integrand)
    {
        var terms = integrand is Op { Kind: Operator.Add } sum ? sum.Args.ToList() : [integrand];
        return terms.Select(SplitTerm).ToList();
    }

    public static LinearTerm SplitTerm(Expr term)
    {
        if (!ExprParts.Contains(term, "x")) return new LinearTerm(term, Expr.One);
        if (term is not Op { Kind: Operator.Mul } m) return new LinearTerm(Expr.One, term);
        var constant = m.Args.Where(a => !ExprParts.Contains(a, "x")).ToList();
        var varying = m.Args.Where(a => ExprParts.Contains(a, "x")).ToList();
        return new LinearTerm(ExprParts.Product(constant), ExprParts.Product(varying));
    }

    /// <summary>
    /// The top-level parts of a sum as written, in order: a + b − (c + d) gives a, b and −(c + d). A parenthesized sum
    /// stays one part (the parser keeps a + b + c left-nested, so only right operands can be parenthesized sums);
    /// an n-ary sum (built in code) gives its arguments.
    /// </summary>
    public static IReadOnlyList<Expr> WrittenParts(Expr e)
    {
        var parts = new List<Expr>();
        Collect(e);
        return parts;

        void Collect(Expr node)
        {
            switch (node)
            {
                case Op { Kind: Operator.Add, Args.Length: 2 } add:
                    Collect(add[0]);
                    parts.Add(add[1]);
                    break;
                case Op { Kind: Operator.Add } nary:
                    parts.AddRange(nary.Args);
                    break;
                case Op { Kind: Operator.Sub } sub:
                    Collect(sub[0]);
                    parts.Add(-sub[1]);
                    break;
                default:
                    parts.Add(node);
                    break;
            }
        }
    }

    /// <summary>
    /// The terms grouped by what they share: two terms belong together when some sub-expression in x other than a
    /// bare power of x (x² + 1, sin(3x), ln(x)) occurs in both, transitively. The derivative of one function spreads
    /// over several terms that share its pieces (the product rule gives u′v + uv′), so in f + g the terms of f and
    /// of g tend to form separate groups, each integrable as a whole where its terms alone are not. Groups keep the
    /// terms' order; every term is in exactly one group.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<LinearTerm>> Groups(IReadOnlyList<LinearTerm> terms)
    {
        var parent = Enumerable.Range(0, terms.Count).ToArray();
        int Find(int i) => parent[i] == i ? i : parent[i] = Find(parent[i]);
        var owner = new Dictionary<Expr, int>();
        for (var i = 0; i < terms.Count; i++)
            foreach (var piece in ExprParts.Nodes(terms[i].Core).Where(IsDistinctive).Distinct())
                if (owner.TryGetValue(piece, out var j)) parent[Find(i)] = Find(j);
                else owner[piece] = i;
        return Enumerable.Range(0, terms.Count).GroupBy(Find).Select(g => (IReadOnlyList<LinearTerm>)g.Select(i => terms[i]).ToList()).ToList();
    }

    /// <summary>A sub-expression in x that says more than "a power of x" (which nearly every term has).</summary>
    private static bool IsDistinctive(Expr e) =>
        e is Op op && ExprParts.Contains(e, "x")
        && !(op.Kind == Operator.Pow && op[0] is Sym { Name: "x" } && !ExprParts.Contains(op[1], "x"))
        && !(op.Kind == Operator.Sqrt && op[0] is Sym { Name: "x" })
        && !(op.Kind is Operator.Mul or Operator.Div && op.Args.All(a => a is Sym { Name: "x" } || !ExprParts.Contains(a, "x") || IsPowerOfX(a)));

    private static bool IsPowerOfX(Expr e) => e is Op { Kind: Operator.Pow } p && p[0] is Sym { Name: "x" } && !ExprParts.Contains(p[1], "x");

    /// <summary>
    /// Products over sums multiplied out, small natural powers of sums expanded, and sums over a denominator split, until no summand changes or the sum
    /// would pass <paramref name="maxTerms"/> summands: x·(a + b + 1) becomes x·a + x·b + x and (9 − x)·ln x
    /// becomes 9 ln x − x ln x, so that linearity sees the summands the canonical form keeps factored. Only sums
    /// that mention <paramref name="variable"/> are multiplied out.
    /// </summary>
    public static Expr Distribute(Expr e, int maxTerms = 16, string variable = "x")
    {
        var terms = e is Op { Kind: Operator.Add } sum ? sum.Args.ToList() : [e];
        for (var changed = true; changed;)
        {
            changed = false;
            var next = new List<Expr>();
            for (var i = 0; i < terms.Count; i++)
            {
                var parts = DistributeOnce(terms[i], variable);
                if (parts is not null && next.Count + parts.Count + (terms.Count - i - 1) <= maxTerms)
                {
                    next.AddRange(parts.SelectMany(p => p is Op { Kind: Operator.Add } inner ? inner.Args : [p]));
                    changed = true;
                }
                else next.Add(terms[i]);
            }
            terms = next;
        }
        return terms.Count == 1 ? terms[0] : new Op(Operator.Add, terms.ToArray());
    }

    /// <summary>Highest natural power of a sum that <see cref="Distribute"/> multiplies out.</summary>
    private const int MaxExpandedPower = 6;

    private static List<Expr>? DistributeOnce(Expr t, string variable)
    {
        if (t is Op { Kind: Operator.Mul } m)
        {
            var at = IndexWhere(m.Args, a => a is Op { Kind: Operator.Add } && ExprParts.Contains(a, variable));
            if (at < 0)
            {
                // A product holding a distributable product or quotient: distribute inside it.
                for (var inner = 0; inner < m.Args.Length; inner++)
                    if (DistributeOnce(m.Args[inner], variable) is { } parts)
                        return parts.Select(p => (Expr)new Op(Operator.Mul, m.Args.Select((a, k) => k == inner ? p : a).ToArray())).ToList();
                return null;
            }
            return ((Op)m.Args[at]).Args.Select(a => (Expr)new Op(Operator.Mul, m.Args.Select((b, k) => k == at ? a : b).ToArray())).ToList();
        }
        if (t is Op { Kind: Operator.Div } d && d[0] is Op { Kind: Operator.Add } numerator)
            return numerator.Args.Select(a => (Expr)new Op(Operator.Div, a, d[1])).ToList();
        // (a + b)ⁿ for a small natural n: a·(a + b)ⁿ⁻¹ + b·(a + b)ⁿ⁻¹, multiplied out further by the next passes
        if (t is Op { Kind: Operator.Pow, Args: [Op { Kind: Operator.Add } power, Num { Value: { IsInteger: true } n }] }
            && n >= 2 && n <= MaxExpandedPower && ExprParts.Contains(power, variable))
        {
            var rest = n == 2 ? power : Expr.Pow(power, new Num(n - 1));
            return power.Args.Select(a => (Expr)new Op(Operator.Mul, a, rest)).ToList();
        }
        return null;
    }

    private static int IndexWhere(IReadOnlyList<Expr> items, Func<Expr, bool> test)
    {
        for (var i = 0; i < items.Count; i++)
            if (test(items[i])) return i;
        return -1;
    }

    /// <summary>Σ factorᵢ·coreᵢ, the integrand a group of terms came from.</summary>
    public static Expr Sum(IReadOnlyList<LinearTerm> terms) => Combine(terms.Select(t => (t.Factor, t.Core)));

    /// <summary>Σ factorᵢ·integralᵢ, simplified when that succeeds.</summary>
    public static Expr Combine(IEnumerable<(Expr Factor, Expr Integral)> parts)
    {
        var terms = parts.Select(p => p.Factor is Num { Value.IsOne: true } ? p.Integral : p.Factor * p.Integral).ToList();
        var sum = terms.Count == 1 ? terms[0] : new Op(Operator.Add, terms.ToArray());
        return Simplifier.SimplifyOrKeep(sum);
    }
}
