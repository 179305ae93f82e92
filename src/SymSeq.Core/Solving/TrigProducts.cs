using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Products and powers of sines and cosines written as sums of single sines and cosines (product-to-sum and
/// power reduction), and hyperbolic sines and cosines as exponentials, so that each term is a table integral or
/// a polynomial times one function (<see cref="ByParts"/>): sin(3x)·cos(2x) = (sin 5x + sin x)/2, cos²x = (1 + cos 2x)/2,
/// x·sin³x, eˣ·cosh x = (e²ˣ + 1)/2. The sines and cosines are expanded as e^(±iu) with exact complex rational
/// coefficients, multiplied out, and the terms of opposite angles paired back into real cosines and sines.
/// </summary>
internal static class TrigProducts
{
    private const int MaxPower = 6;
    private const int MaxTerms = 64;

    /// <summary>A complex rational.</summary>
    private readonly record struct C(Rational Re, Rational Im)
    {
        public static C operator *(C a, C b) => new(a.Re * b.Re - a.Im * b.Im, a.Re * b.Im + a.Im * b.Re);
        public static C operator +(C a, C b) => new(a.Re + b.Re, a.Im + b.Im);
    }

    /// <summary>∫ core when rewriting it changes it and every term of the result has a rule, else null.</summary>
    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        if (Rewrite(core) is not { } sum) return null;
        var terms = Simplifier.SimplifyOrKeep(Linearity.Distribute(Simplifier.SimplifyOrKeep(sum), MaxTerms));
        return BasicIntegrals.TryIntegrateSum(terms, scope);
    }

    /// <summary>The core with its trigonometric product reduced and its sinh, cosh written as exponentials, or null when there is nothing to rewrite.</summary>
    internal static Expr? Rewrite(Expr core)
    {
        var factors = core is Op { Kind: Operator.Mul } m ? m.Args.ToList() : [core];
        var args = new List<Expr>();
        var trig = new List<(Operator Kind, int Arg, int Power)>();
        var rest = new List<Expr>();
        var trigFactors = new List<Expr>();
        var hyperbolic = 0;   // the hyperbolic factors' total power
        foreach (var f in factors)
        {
            var (kind, arg, power) = f switch
            {
                Op { Kind: Operator.Sin or Operator.Cos or Operator.Sinh or Operator.Cosh, Args: [var u] } g => (g.Kind, u, 1),
                Op { Kind: Operator.Pow, Args: [Op { Kind: Operator.Sin or Operator.Cos or Operator.Sinh or Operator.Cosh, Args: [var u] } g, Num { Value: { IsInteger: true } n }] }
                    when n >= 1 && n <= MaxPower => (g.Kind, u, (int)n.Num),
                _ => ((Operator?)null, (Expr?)null, 0),
            };
            if (kind is null || !ExprParts.Contains(arg!, "x")) { rest.Add(f); continue; }
            if (kind is Operator.Sinh or Operator.Cosh)
            {
                hyperbolic += power;
                var e = Expr.Call(Operator.Exp, arg!);
                var eMinus = Expr.Call(Operator.Exp, -arg!);
                var asExp = kind == Operator.Cosh ? (e + eMinus) / Expr.Two : (e - eMinus) / Expr.Two;
                rest.Add(power == 1 ? asExp : Expr.Pow(asExp, Expr.Int(power)));
                continue;
            }
            var at = args.IndexOf(arg!);
            if (at < 0) { args.Add(arg!); at = args.Count - 1; }
            trig.Add((kind.Value, at, power));
            trigFactors.Add(f);
        }
        var degree = trig.Sum(t => t.Power);
        // Something to gain: two or more trigonometric factors, or a hyperbolic one squared or beside something else in x.
        if (degree < 2 && !(hyperbolic >= 2 || hyperbolic == 1 && factors.Count(f => ExprParts.Contains(f, "x")) >= 2)) return null;
        if (degree < 2) return ExprParts.Product([.. rest, .. trigFactors]);

        // Σ c·e^(i·k·u) over integer vectors k, one component per distinct argument.
        var terms = new Dictionary<string, (int[] K, C Coefficient)> { [""] = (new int[args.Count], new C(Rational.One, Rational.Zero)) };
        var half = new Rational(1, 2);
        foreach (var (kind, arg, power) in trig)
            for (var p = 0; p < power; p++)
            {
                // sin u = (−i/2)e^(iu) + (i/2)e^(−iu); cos u = ½e^(iu) + ½e^(−iu)
                var plus = kind == Operator.Sin ? new C(Rational.Zero, -half) : new C(half, Rational.Zero);
                var minus = kind == Operator.Sin ? new C(Rational.Zero, half) : new C(half, Rational.Zero);
                var next = new Dictionary<string, (int[] K, C Coefficient)>();
                foreach (var (k, c) in terms.Values)
                    foreach (var (step, factor) in new[] { (1, plus), (-1, minus) })
                    {
                        var k2 = (int[])k.Clone();
                        k2[arg] += step;
                        var key = string.Join(',', k2);
                        next[key] = next.TryGetValue(key, out var old) ? (k2, old.Coefficient + c * factor) : (k2, c * factor);
                    }
                terms = next;
                if (terms.Count > MaxTerms) return null;
            }

        // Pair k with −k: c·e^(iθ) + c̄·e^(−iθ) = 2·Re c·cos θ − 2·Im c·sin θ; k = 0 gives Re c.
        var parts = new List<Expr>();
        foreach (var (k, c) in terms.Values)
        {
            var first = Array.FindIndex(k, v => v != 0);
            if (first >= 0 && k[first] < 0) continue;   // the pair is taken from its positive member
            if (first < 0)
            {
                if (!c.Re.IsZero) parts.Add(new Num(c.Re));
                continue;
            }
            var theta = Simplifier.SimplifyOrKeep(ExprParts.Sum(k.Select((v, j) => v == 0 ? null : v == 1 ? args[j] : Expr.Int(v) * args[j]).OfType<Expr>().ToList()));
            if (!c.Re.IsZero) parts.Add(new Num(2 * c.Re) * Expr.Call(Operator.Cos, theta));
            if (!c.Im.IsZero) parts.Add(new Num(-2 * c.Im) * Expr.Call(Operator.Sin, theta));
        }
        var reduced = parts.Count == 0 ? Expr.Zero : ExprParts.Sum(parts);
        return rest.Count == 0 ? reduced : ExprParts.Product([.. rest, reduced]);
    }
}
