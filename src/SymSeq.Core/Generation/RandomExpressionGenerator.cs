using System.Collections.Immutable;
using SymSeq.Expressions;

namespace SymSeq.Generation;

/// <summary>
/// Samples random expressions as the paper does: a tree shape with exactly n operators drawn uniformly via
/// <see cref="TreeShapeCounts"/>, operators drawn by weight, leaves drawn by type probability.
/// Thread-safe: all state is read-only; randomness comes from the caller's <see cref="Random"/>.
/// </summary>
public sealed class RandomExpressionGenerator
{
    private readonly ExpressionOptions _o;
    private readonly TreeShapeCounts _counts;
    private readonly Operator[] _unary, _binary;
    private readonly double[] _unaryCdf, _binaryCdf;

    public ExpressionOptions Options => _o;

    public RandomExpressionGenerator(ExpressionOptions options)
    {
        _o = options;
        var un = options.Operators.Where(p => p.Op.Arity() == 1).ToArray();
        var bin = options.Operators.Where(p => p.Op.Arity() == 2).ToArray();
        _unary = un.Select(p => p.Op).ToArray();
        _binary = bin.Select(p => p.Op).ToArray();
        _unaryCdf = Cdf(un.Select(p => p.Weight));
        _binaryCdf = Cdf(bin.Select(p => p.Weight));
        // The counts must cover both the operators and the empty slots that binary operators open.
        _counts = new TreeShapeCounts(Math.Max(1, options.MaxOps), p1: _unary.Length > 0 ? 1 : 0, p2: 1);
    }

    private static double[] Cdf(IEnumerable<double> weights)
    {
        var w = weights.ToArray();
        var total = w.Sum();
        var acc = 0.0;
        return w.Select(x => (acc += x) / total).ToArray();
    }

    private static T Pick<T>(T[] items, double[] cdf, Random rng)
    {
        var r = rng.NextDouble();
        var i = Array.BinarySearch(cdf, r);
        if (i < 0) i = ~i;
        return items[Math.Min(i, items.Length - 1)];
    }

    /// <summary>A random tree with exactly `ops` operators.</summary>
    public Expr Generate(int ops, Random rng)
    {
        if (ops < 0 || ops > _counts.MaxOps) throw new ArgumentOutOfRangeException(nameof(ops), $"between 0 and {_counts.MaxOps}");
        // Build the prefix sequence of operators and empty slots, as in the paper's _generate_expr.
        var stack = new List<Operator?> { null };
        var empty = 1;
        var leftLeaves = 0;
        var totalLeaves = 1;
        for (var n = ops; n > 0; n--)
        {
            var (skipped, arity) = _counts.SampleNext(empty, n, rng);
            var op = arity == 1 ? Pick(_unary, _unaryCdf, rng) : Pick(_binary, _binaryCdf, rng);
            empty += arity - 1 - skipped;
            totalLeaves += arity - 1;
            leftLeaves += skipped;
            var seen = 0;
            var pos = 0;
            for (; pos < stack.Count; pos++)
                if (stack[pos] is null && seen++ == leftLeaves) break;
            stack[pos] = op;
            stack.InsertRange(pos + 1, Enumerable.Repeat<Operator?>(null, arity));
        }
        var leaves = new Expr[totalLeaves];
        for (var i = 0; i < leaves.Length; i++) leaves[i] = Leaf(rng);
        var index = 0;
        var leafIndex = 0;
        return Build(stack, ref index, leaves, ref leafIndex);
    }

    private static Expr Build(List<Operator?> stack, ref int index, Expr[] leaves, ref int leafIndex)
    {
        var op = stack[index++];
        if (op is null) return leaves[leafIndex++];
        var args = ImmutableArray.CreateBuilder<Expr>(op.Value.Arity());
        for (var i = 0; i < op.Value.Arity(); i++) args.Add(Build(stack, ref index, leaves, ref leafIndex));
        return new Op(op.Value, args.MoveToImmutable());
    }

    public Expr Leaf(Random rng)
    {
        var p = _o.LeafProbs;
        var r = rng.NextDouble() * p.Sum();
        var type = 0;
        while (type < 3 && (r -= p[type]) >= 0) type++;
        switch (type)
        {
            case 0: return new Sym(_o.Variables[rng.Next(_o.Variables.Length)]);
            case 1 when _o.Coefficients.Length > 0: return new Sym(_o.Coefficients[rng.Next(_o.Coefficients.Length)]);
            case 3 when _o.Constants.Length > 0: return new Sym(_o.Constants[rng.Next(_o.Constants.Length)]);
            default:
                var c = rng.Next(1, _o.MaxInt + 1);
                return new Num(_o.Positive || rng.Next(2) == 0 ? c : -c);
        }
    }
}
