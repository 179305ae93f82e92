namespace SymSeq.Training;

/// <summary>
/// Token-budget batches: examples of similar lengths are grouped so that padding stays small, and each batch's
/// padded size (count × (longest source + longest target)) stays within the budget.
/// </summary>
public static class Batcher
{
    public static List<TrainExample[]> Make(IReadOnlyList<TrainExample> data, int tokensPerBatch, Random rng)
    {
        var shuffled = data.OrderBy(_ => rng.Next()).ToArray();
        var sorted = shuffled.OrderBy(e => e.Src.Length).ThenBy(e => e.Tgt.Length).ToArray();
        var batches = Pack(sorted, tokensPerBatch, e => e.Src.Length, e => e.Tgt.Length);
        return batches.OrderBy(_ => rng.Next()).ToList();
    }

    /// <summary>
    /// Cuts items (in the order given, sorted by length for little padding) into consecutive batches whose padded size,
    /// count × (longest source + longest target), stays within the budget; an item over the budget alone is a batch
    /// of its own. Lengths count every position the model reads, end words included.
    /// </summary>
    public static List<T[]> Pack<T>(IEnumerable<T> items, int tokensPerBatch, Func<T, int> sourceLength, Func<T, int> targetLength)
    {
        var batches = new List<T[]>();
        var current = new List<T>();
        int maxSrc = 0, maxTgt = 0;
        foreach (var e in items)
        {
            var s = Math.Max(maxSrc, sourceLength(e));
            var t = Math.Max(maxTgt, targetLength(e));
            if (current.Count > 0 && (current.Count + 1) * (s + t) > tokensPerBatch)
            {
                batches.Add(current.ToArray());
                current.Clear();
                s = sourceLength(e);
                t = targetLength(e);
            }
            current.Add(e);
            (maxSrc, maxTgt) = (s, t);
        }
        if (current.Count > 0) batches.Add(current.ToArray());
        return batches;
    }

    /// <summary>Fraction of padded positions over all batches.</summary>
    public static double PaddingFraction(IEnumerable<TrainExample[]> batches)
    {
        long real = 0, padded = 0;
        foreach (var b in batches)
        {
            real += b.Sum(e => e.Src.Length + e.Tgt.Length);
            padded += b.Length * (b.Max(e => e.Src.Length) + b.Max(e => e.Tgt.Length));
        }
        return padded == 0 ? 0 : 1 - (double)real / padded;
    }
}
