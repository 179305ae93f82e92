namespace SymSeq.Datasets;

/// <summary>
/// Splits a prefix dataset into train/valid/test. Lines are grouped by input, and a whole group goes to one split,
/// so no valid or test input ever appears in train. Valid and test hold one line per input (its first answer): they
/// measure problems, and one equation that many solutions share (y'' = −y·y'²/(1 − y²) for every sin(a9·(x + a8)))
/// must count once, not as many times as it was drawn. A problem is held out with every way it is written: an answer
/// determines its problem up to form (F determines F'; a family of solutions its ODE), so train loses every line with
/// a held-out answer, and only the first line of an answer can be held out (generate --forms model writes a problem's
/// canonical form first, then its other forms with the same answer). --exclude drops lines by input and by answer alike.
/// </summary>
public static class DatasetSplitter
{
    public sealed record Result(string Train, string Valid, string Test, int TrainLines, int ValidLines, int TestLines, int ExcludedLines = 0);

    /// <param name="exclude">
    /// Other datasets (e.g. the training set of another generation run) whose inputs must not appear in any split;
    /// lines with such an input, or with an answer of theirs (the same problem written another way), are dropped. This is
    /// how a test set made with another seed is kept disjoint from train.
    /// </param>
    public static Result Split(string path, int valid, int test, int seed = 0, IReadOnlyList<string>? exclude = null)
    {
        var lines = DatasetLine.ReadFile(path);
        var excluded = new HashSet<string>();
        var excludedAnswers = new HashSet<string>();
        foreach (var other in exclude ?? [])
            foreach (var (parsed, _, _) in DatasetLine.ReadFile(other, "--exclude dataset"))
            {
                excluded.Add(string.Join(' ', parsed.Input));
                excludedAnswers.Add(string.Join(' ', parsed.Output));
            }
        var dropped = 0;
        var groups = new Dictionary<string, List<(string Line, string Answer)>>();
        var order = new List<string>();
        var answers = new Dictionary<string, HashSet<string>>();   // per input, its answers
        var firstOfAnswer = new HashSet<string>();                 // inputs that are the first line of some answer
        var seenAnswers = new HashSet<string>();
        foreach (var (parsed, line, _) in lines)
        {
            var key = string.Join(' ', parsed.Input);
            var answer = string.Join(' ', parsed.Output);
            if (excluded.Contains(key) || excludedAnswers.Contains(answer)) { dropped++; continue; }
            if (!groups.TryGetValue(key, out var g)) { groups[key] = g = []; order.Add(key); answers[key] = []; }
            g.Add((line, answer));
            answers[key].Add(answer);
            if (seenAnswers.Add(answer)) firstOfAnswer.Add(key);
        }
        if (valid + test >= order.Count)
            throw new ArgumentException($"'{path}' has {order.Count} distinct inputs; cannot hold out {valid} + {test} and keep a training set");
        var rng = new Random(seed);
        var shuffled = order.OrderBy(_ => rng.Next()).ToArray();
        // held out: inputs that first wrote an answer none held out before shares (another form of a problem is not its own test)
        var heldOut = new List<string>();
        var heldAnswers = new HashSet<string>();
        foreach (var key in shuffled)
        {
            if (heldOut.Count == valid + test) break;
            if (!firstOfAnswer.Contains(key) || answers[key].Overlaps(heldAnswers)) continue;
            heldOut.Add(key);
            heldAnswers.UnionWith(answers[key]);
        }
        if (heldOut.Count < valid + test)
            throw new ArgumentException($"'{path}' has {heldOut.Count} problems with answers of their own; cannot hold out {valid} + {test}");
        var validKeys = heldOut.Take(valid).ToHashSet();
        var testKeys = heldOut.Skip(valid).ToHashSet();
        var stem = path.EndsWith(".prefix", StringComparison.Ordinal) ? path[..^".prefix".Length] : path;
        var r = new Result(stem + ".train", stem + ".valid", stem + ".test", 0, 0, 0);
        // train: every line whose input is not held out and whose answer is no held-out problem's
        var train = order.Where(k => !validKeys.Contains(k) && !testKeys.Contains(k))
            .SelectMany(k => groups[k].Where(l => !heldAnswers.Contains(l.Answer)).Select(l => l.Line)).ToList();
        var v = order.Where(validKeys.Contains).Select(k => groups[k][0].Line).ToList();
        var t = order.Where(testKeys.Contains).Select(k => groups[k][0].Line).ToList();
        AtomicFile.WriteAll([(r.Train, AtomicFile.Lines(train)), (r.Valid, AtomicFile.Lines(v)), (r.Test, AtomicFile.Lines(t))]);
        return r with { TrainLines = train.Count, ValidLines = v.Count, TestLines = t.Count, ExcludedLines = dropped };
    }
}
