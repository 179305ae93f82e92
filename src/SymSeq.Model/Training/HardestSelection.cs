using System.Globalization;
using SymSeq.Datasets;
using SymSeq.Model;
using SymSeq.Search;

namespace SymSeq.Training;

/// <summary>A scores file written for another model, precision or dataset, or not a scores file at all.</summary>
public sealed class ScoresMismatchException(string message) : InvalidOperationException(message);

/// <summary>What a selection kept: lines read, lines scored (the rest have a word the model lacks or do not fit its positions), lines kept, the kept lines' highest score, lines whose score an earlier run left, and each answer-length band.</summary>
public sealed record SelectionResult(int Lines, int Scored, int Kept, double Threshold, int Resumed)
{
    public IReadOnlyList<LengthBand> Bands { get; init; } = [];
}

/// <summary>One band of answer lengths (tokens, both ends included): its scored pairs, the pairs kept and their highest score.</summary>
public sealed record LengthBand(int MinTokens, int MaxTokens, int Scored, int Kept, double Threshold);

/// <summary>
/// Hard-example selection for the next training stage: every pair of a dataset is scored under a model as beam search
/// would score its answer (<see cref="SequenceScore"/>: mean log-probability per token), and the share with the lowest
/// scores, the pairs the model is least sure of, is written out in the file's order. Scoring is teacher-forced, one pass
/// per batch, a few times cheaper than a training step. The scores are appended to OUT.scores as each batch is done, so
/// an interrupted run resumes where it stopped, and a rerun with another share reuses them; the file names the model
/// (path, size, time, precision) and the dataset, and a run with others refuses it. OUT itself is written atomically at the end.
/// <para>Long answers score lower per token, so the hardest share of a whole file is mostly long pairs (session 40: a mean
/// answer of 48 tokens against the file's 35), and training on it cost beam-10 accuracy. With <c>lengthBands</c> &gt; 1 the
/// scored pairs are cut by answer length into that many bands of (nearly) equal size, pairs of one length always in one
/// band, and the share is taken within each band: the kept pairs are hard for their length and have the file's lengths.</para>
/// </summary>
public static class HardestSelection
{
    public static string ScoresPath(string outPath) => outPath + ".scores";

    /// <returns>null when cancelled (the scores file keeps what was done).</returns>
    /// <exception cref="ScoresMismatchException">OUT.scores belongs to another model, precision or dataset.</exception>
    public static SelectionResult? Run(Seq2SeqTransformer model, string modelPath, string dataPath, double share, string outPath,
        int tokensPerBatch = 8000, CancellationToken cancel = default, Action<string>? progress = null, int lengthBands = 1)
    {
        if (share is not (> 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(share), $"the share to keep must be above 0 and at most 1, got {share}");
        if (lengthBands < 1) throw new ArgumentOutOfRangeException(nameof(lengthBands), $"the number of length bands must be at least 1, got {lengthBands}");
        var lines = DatasetLine.ReadFile(dataPath).Select(l => (l.Line, l.Text)).ToList();
        if (lines.Count == 0) throw new FormatException($"dataset '{dataPath}' holds no pairs");
        var scoresPath = ScoresPath(outPath);
        var header = Header(modelPath, model.Precision, dataPath, lines.Count);
        var scores = new double?[lines.Count];
        var done = Load(scoresPath, header, scores);
        var resumed = done.Count(d => d);

        var vocab = Vocabulary.Paper;
        var c = model.Config;
        bool Fits(DatasetLine l) => l.Input.Length + 2 <= c.MaxPositions && l.Input.All(vocab.Contains);
        // shortest first, so that a batch's pairs have like lengths and little padding (training's budget rule)
        var todo = Enumerable.Range(0, lines.Count).Where(i => !done[i])
            .OrderBy(i => lines[i].Line.Input.Length).ThenBy(i => lines[i].Line.Output.Length);
        var batches = Batcher.Pack(todo, tokensPerBatch, i => lines[i].Line.Input.Length + 2, i => lines[i].Line.Output.Length + 2);
        using (var w = AppendTo(scoresPath, header))
        {
            var at = resumed;
            foreach (var batch in batches)
            {
                if (cancel.IsCancellationRequested) return null;
                var fit = batch.Where(i => Fits(lines[i].Line)).ToList();
                var got = fit.Count == 0 ? []
                    : SequenceScore.Of(model, fit.Select(i => vocab.Encode(lines[i].Line.Input)).ToList(), fit.Select(i => lines[i].Line.Output).ToList());
                for (var j = 0; j < fit.Count; j++) scores[fit[j]] = got[j];
                foreach (var i in batch)
                    w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i}\t{(scores[i] is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "-")}"));
                at += batch.Length;
                progress?.Invoke($"scored {at:N0}/{lines.Count:N0}");
            }
        }

        var scored = Enumerable.Range(0, lines.Count).Where(i => scores[i] is not null).ToList();
        var bands = new List<LengthBand>();
        var kept = new HashSet<int>();
        foreach (var band in Bands(scored, i => lines[i].Line.Output.Length, lengthBands))
        {
            var keep = band.OrderBy(i => scores[i]!.Value).ThenBy(i => i).Take((int)Math.Ceiling(share * band.Count)).ToList();
            kept.UnionWith(keep);
            bands.Add(new LengthBand(band.Min(i => lines[i].Line.Output.Length), band.Max(i => lines[i].Line.Output.Length), band.Count, keep.Count,
                                     keep.Count == 0 ? double.NaN : scores[keep[^1]]!.Value));
        }
        AtomicFile.WriteAllLines(outPath, Enumerable.Range(0, lines.Count).Where(kept.Contains).Select(i => lines[i].Text));
        return new SelectionResult(lines.Count, scored.Count, kept.Count, kept.Count == 0 ? double.NaN : kept.Max(i => scores[i]!.Value), resumed) { Bands = bands };
    }

    /// <summary>The items cut by length into at most <paramref name="count"/> bands of nearly equal size, shortest first;
    /// items of one length are never split between bands, so a length that fills more than a band's share makes the band
    /// larger and there are fewer bands. Empty bands are not returned.</summary>
    public static IReadOnlyList<List<int>> Bands(IReadOnlyList<int> items, Func<int, int> length, int count)
    {
        var byLength = items.GroupBy(length).OrderBy(g => g.Key).ToList();
        var bands = new List<List<int>>();
        var current = new List<int>();
        var placed = 0;
        foreach (var g in byLength)
        {
            current.AddRange(g);
            placed += g.Count();
            // close the band once it reaches its share of everything placed so far
            if (placed >= (long)items.Count * (bands.Count + 1) / count && bands.Count < count - 1)
            {
                bands.Add(current);
                current = [];
            }
        }
        if (current.Count > 0) bands.Add(current);
        return bands;
    }

    /// <summary>What the scores belong to: the model file (full path, size, last write), the precision it scored at (bf16
    /// and fp32 scores differ in their last digits and are not mixed) and the dataset (full path, pairs).</summary>
    private static string Header(string modelPath, Precision precision, string dataPath, int count)
    {
        var m = new FileInfo(modelPath);
        return string.Create(CultureInfo.InvariantCulture,
            $"# symseq select scores; model {m.FullName}, {m.Length} bytes, written {m.LastWriteTimeUtc:O}, {precision.ToString().ToLowerInvariant()}; data {Path.GetFullPath(dataPath)}, {count} pairs");
    }

    /// <summary>The scores an earlier run left; which lines they cover. A line torn by a crash is dropped (and scored again).</summary>
    private static bool[] Load(string path, string header, double?[] scores)
    {
        var done = new bool[scores.Length];
        if (!File.Exists(path)) return done;
        var text = File.ReadAllText(path);
        if (text.Length == 0) return done;
        var lines = text.Split('\n').ToList();
        lines.RemoveAt(lines.Count - 1);   // after the last newline: empty, or a line a crash tore (a torn number could still parse)
        if (lines.Count == 0)
        {
            File.Delete(path);   // not even the header was written whole: start the file again
            return done;
        }
        if (lines[0] != header)
            throw new ScoresMismatchException($"'{path}' holds scores of another model, precision or dataset ({(lines[0].StartsWith("# symseq select scores", StringComparison.Ordinal) ? lines[0][2..] : "not a scores file")}); " +
                                              "delete it, or give another --out");
        foreach (var line in lines.Skip(1))
        {
            var tab = line.IndexOf('\t');
            if (tab < 0 || !int.TryParse(line.AsSpan(0, tab), NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= scores.Length) continue;
            var value = line[(tab + 1)..];
            if (value == "-") { done[i] = true; scores[i] = null; }
            else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) { done[i] = true; scores[i] = v; }
        }
        return done;
    }

    /// <summary>A writer that appends whole lines: the header on a new file, and a newline first when a crash tore the last line.</summary>
    private static StreamWriter AppendTo(string path, string header)
    {
        var fresh = !File.Exists(path) || new FileInfo(path).Length == 0;
        var torn = false;
        if (!fresh)
            using (var f = File.OpenRead(path))
            {
                f.Seek(-1, SeekOrigin.End);
                torn = f.ReadByte() != '\n';
            }
        var w = JsonLinesLog.Append(path);
        if (fresh) w.WriteLine(header);
        else if (torn) w.WriteLine();
        return w;
    }
}
