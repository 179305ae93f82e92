namespace SymSeq.Generation;

/// <summary>
/// D(e, n): the number of unary-binary trees with n operators that can grow from e empty slots (the paper's
/// Appendix C). D(0, n) = 0, D(e, 0) = 1, D(e, n) = D(e-1, n) + p1 D(e, n-1) + p2 D(e+1, n-1).
/// Sampling the next operator position in proportion to these counts makes every shape with n operators equally likely.
/// </summary>
public sealed class TreeShapeCounts
{
    private readonly double[,] _d;
    private readonly double _p1, _p2;
    public int MaxOps { get; }

    public TreeShapeCounts(int maxOps, double p1 = 1, double p2 = 1)
    {
        if (maxOps < 1) throw new ArgumentOutOfRangeException(nameof(maxOps), "need at least one operator");
        MaxOps = maxOps;
        _p1 = p1;
        _p2 = p2;
        var maxEmpty = 2 * maxOps + 2;
        _d = new double[maxEmpty + 2, maxOps + 1];
        for (var e = 1; e <= maxEmpty + 1; e++) _d[e, 0] = 1;
        for (var n = 1; n <= maxOps; n++)
            for (var e = 1; e <= maxEmpty; e++)
                _d[e, n] = _d[e - 1, n] + p1 * _d[e, n - 1] + p2 * _d[e + 1, n - 1];
    }

    public double this[int empty, int ops] => _d[empty, ops];

    /// <summary>
    /// With `empty` open slots and `ops` operators still to place, picks how many slots to skip (they become
    /// leaves) and the arity of the operator put in the next one.
    /// </summary>
    public (int Skipped, int Arity) SampleNext(int empty, int ops, Random rng)
    {
        var total = _d[empty, ops];
        var r = rng.NextDouble() * total;
        for (var k = 0; k < empty; k++)
        {
            r -= _p1 * _d[empty - k, ops - 1];
            if (r < 0) return (k, 1);
        }
        for (var k = 0; k < empty; k++)
        {
            r -= _p2 * _d[empty - k + 1, ops - 1];
            if (r < 0) return (k, 2);
        }
        return (empty - 1, 2); // rounding at the very end of the range
    }
}
