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
        var batches = new List<TrainExample[]>();
        var current = new List<TrainExample>();
        int maxSrc = 0, maxTgt = 0;
        foreach (var e in sorted)
        {
            var s = Math.Max(maxSrc, e.Src.Length);
            var t = Math.Max(maxTgt, e.Tgt.Length);
            if (current.Count > 0 && (current.Count + 1) * (s + t) > tokensPerBatch)
            {
                batches.Add(current.ToArray());
                current.Clear();
                s = e.Src.Length;
                t = e.Tgt.Length;
            }
            current.Add(e);
            (maxSrc, maxTgt) = (s, t);
        }
        if (current.Count > 0) batches.Add(current.ToArray());
        return batches.OrderBy(_ => rng.Next()).ToList();
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
