namespace SymSeq.Datasets;

/// <summary>
/// Splits a prefix dataset into train/valid/test. Lines are grouped by input, and a whole group goes to one split,
/// so no valid or test input ever appears in train. Valid and test hold one line per input (its first answer): they
/// measure problems, and one equation that many solutions share (y'' = −y·y'²/(1 − y²) for every sin(a9·(x + a8)))
/// must count once, not as many times as it was drawn.
/// </summary>
public static class DatasetSplitter
{
    public sealed record Result(string Train, string Valid, string Test, int TrainLines, int ValidLines, int TestLines, int ExcludedLines = 0);

    /// <param name="exclude">
    /// Other datasets (e.g. the training set of another generation run) whose inputs must not appear in any split;
    /// lines with such an input are dropped. This is how a test set made with another seed is kept disjoint from train.
    /// </param>
    public static Result Split(string path, int valid, int test, int seed = 0, IReadOnlyList<string>? exclude = null)
    {
        var lines = DatasetLine.ReadFile(path);
        var excluded = new HashSet<string>();
        foreach (var other in exclude ?? [])
            foreach (var (parsed, _, _) in DatasetLine.ReadFile(other, "--exclude dataset"))
                excluded.Add(string.Join(' ', parsed.Input));
        var dropped = 0;
        var groups = new Dictionary<string, List<string>>();
        var order = new List<string>();
        foreach (var (parsed, line, _) in lines)
        {
            var key = string.Join(' ', parsed.Input);
            if (excluded.Contains(key)) { dropped++; continue; }
            if (!groups.TryGetValue(key, out var g)) { groups[key] = g = []; order.Add(key); }
            g.Add(line);
        }
        if (valid + test >= order.Count)
            throw new ArgumentException($"'{path}' has {order.Count} distinct inputs; cannot hold out {valid} + {test} and keep a training set");
        var rng = new Random(seed);
        var shuffled = order.OrderBy(_ => rng.Next()).ToArray();
        var validKeys = shuffled.Take(valid).ToHashSet();
        var testKeys = shuffled.Skip(valid).Take(test).ToHashSet();
        var stem = path.EndsWith(".prefix", StringComparison.Ordinal) ? path[..^".prefix".Length] : path;
        var r = new Result(stem + ".train", stem + ".valid", stem + ".test", 0, 0, 0);
        var train = order.Where(k => !validKeys.Contains(k) && !testKeys.Contains(k)).SelectMany(k => groups[k]).ToList();
        var v = order.Where(validKeys.Contains).Select(k => groups[k][0]).ToList();
        var t = order.Where(testKeys.Contains).Select(k => groups[k][0]).ToList();
        AtomicFile.WriteAll([(r.Train, AtomicFile.Lines(train)), (r.Valid, AtomicFile.Lines(v)), (r.Test, AtomicFile.Lines(t))]);
        return r with { TrainLines = train.Count, ValidLines = v.Count, TestLines = t.Count, ExcludedLines = dropped };
    }
}
