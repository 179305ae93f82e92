using System.Globalization;
using SymSeq.Datasets;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Verification;

namespace SymSeq.Training;

/// <summary>
/// One validation file's share of a validation pass: greedy exact match and verified, and with a validation beam the
/// share with a verified answer among that beam's hypotheses (the search integrate uses), else null.
/// </summary>
public sealed record ValidationScore(string Name, int Examples, double ExactMatch, double Verified, double? BeamVerified = null);

/// <summary>
/// The validation files of a run, kept apart so a multi-task run reports each task on its own (a rise on BWD can
/// hide a fall on IBP in the pooled figure). Scores are greedy decodes two ways: exact match with the reference,
/// and verified (the decode, whatever its form, solves the problem); and, with a beam, whether any of the beam's
/// hypotheses is verified, which is what the test-set targets measure and what greedy figures can hide.
/// </summary>
public sealed class ValidationSets
{
    private readonly List<(string Name, List<TrainExample> Examples)> _sets;

    public ValidationSets(IEnumerable<(string Name, List<TrainExample> Examples)> sets) => _sets = sets.Where(s => s.Examples.Count > 0).ToList();

    /// <summary>Reads each file (up to <paramref name="limit"/> examples each), named as short as stays unique.</summary>
    public static ValidationSets Read(IReadOnlyList<string> files, Vocabulary vocab, int maxLen, long limit)
    {
        var names = UniqueNames(files);
        return new ValidationSets(files.Select((f, i) => (names[i], TrainingData.Read(f, vocab, maxLen, limit))));
    }

    public int Count => _sets.Sum(s => s.Examples.Count);

    /// <summary>Scores every set (and with <paramref name="beam"/> &gt; 0 also at that beam); the pooled score weighs each example once.</summary>
    public (ValidationScore Pooled, IReadOnlyList<ValidationScore> BySet) Evaluate(Seq2SeqTransformer model, int batchSize = 64, int maxLen = ModelConfig.MaxSequenceTokens, int beam = 0)
    {
        var all = _sets.SelectMany(s => s.Examples).ToList();
        var each = Score(model, all, batchSize, maxLen);
        var beamed = beam > 0 ? ScoreAtBeam(model, all, beam, maxLen) : null;
        var bySet = new List<ValidationScore>();
        var at = 0;
        foreach (var (name, examples) in _sets)
        {
            bySet.Add(Summarize(name, each.AsSpan(at, examples.Count), beamed is null ? default : beamed.AsSpan(at, examples.Count)));
            at += examples.Count;
        }
        return (Summarize("all", each, beamed), bySet);
    }

    /// <summary>
    /// Per example: whether the beam search of <see cref="Solver.SolveBatch"/> (the grammar, early stopping: what
    /// integrate and evaluate run) finds a verified answer among its <paramref name="beam"/> hypotheses.
    /// </summary>
    public static bool[] ScoreAtBeam(Seq2SeqTransformer model, IReadOnlyList<TrainExample> data, int beam, int maxLen = ModelConfig.MaxSequenceTokens)
    {
        model.eval();
        var result = new bool[data.Count];
        var batchSize = Solver.BatchSize(beam);
        for (var i = 0; i < data.Count; i += batchSize)
        {
            var chunk = Enumerable.Range(i, Math.Min(batchSize, data.Count - i))
                .Select(j => (Index: j, Ok: TryDecode(data[j].Src, out var p), Problem: p))
                .Where(c => c.Ok).ToList();
            if (chunk.Count == 0) continue;
            var solved = Solver.SolveBatch(model, chunk.Select(c => c.Problem!).ToList(), beam, maxLen);
            for (var j = 0; j < chunk.Count; j++) result[chunk[j].Index] = solved[j].Verified is not null;
        }
        return result;
    }

    /// <summary>Per example: exact match, verified. Greedy decodes in batches.</summary>
    public static (bool Exact, bool Verified)[] Score(Seq2SeqTransformer model, IReadOnlyList<TrainExample> data, int batchSize = 64, int maxLen = ModelConfig.MaxSequenceTokens)
    {
        model.eval();
        var result = new (bool, bool)[data.Count];
        for (var i = 0; i < data.Count; i += batchSize)
        {
            var chunk = data.Skip(i).Take(batchSize).ToList();
            var outputs = GreedyDecoder.Decode(model, chunk.Select(e => e.Src).ToList(), maxLen);
            for (var j = 0; j < chunk.Count; j++)
            {
                var (example, output) = (chunk[j], outputs[j]);
                if (example.Tgt.SequenceEqual(output)) { result[i + j] = (true, true); continue; }
                var verified = TryDecode(example.Src, out var problem) && TryDecode(output, out var answer) && Problems.VerifyEverywhere(problem!, answer!).Verdict.Accepted;
                result[i + j] = (false, verified);
            }
        }
        return result;
    }

    /// <summary>The expression a token-id sequence of the paper's vocabulary spells, if it is a well-formed prefix expression.</summary>
    private static bool TryDecode(IReadOnlyList<long> ids, out Expressions.Expr? expr) =>
        Expressions.PrefixCodec.TryDecode(Vocabulary.Paper.Decode(ids), out expr, out _);

    /// <summary>"bwd.valid 96.0 %, ibp.valid 41.0 %" (verified), with " / 98.0 %" at the beam when measured, for the progress line.</summary>
    public static string Describe(IEnumerable<ValidationScore> scores) =>
        string.Join(", ", scores.Select(s => $"{s.Name} {s.Verified.ToString("P1", CultureInfo.InvariantCulture)}" +
                                              (s.BeamVerified is { } b ? $" / {b.ToString("P1", CultureInfo.InvariantCulture)}" : "")));

    private static ValidationScore Summarize(string name, ReadOnlySpan<(bool Exact, bool Verified)> each, ReadOnlySpan<bool> beamed = default)
    {
        int exact = 0, verified = 0, beam = 0;
        foreach (var (e, v) in each) { exact += e ? 1 : 0; verified += v ? 1 : 0; }
        foreach (var b in beamed) beam += b ? 1 : 0;
        var n = Math.Max(1, each.Length);
        return new ValidationScore(name, each.Length, (double)exact / n, (double)verified / n, beamed.Length == each.Length && each.Length > 0 ? (double)beam / n : null);
    }

    /// <summary>File names, with as many parent folders as it takes to tell them apart (data/s5/ibp.valid vs data/s10/ibp.valid).</summary>
    public static string[] UniqueNames(IReadOnlyList<string> files)
    {
        var parts = files.Select(f => Path.GetFullPath(f).Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)).ToList();
        var longest = parts.Count == 0 ? 0 : parts.Max(p => p.Length);
        for (var depth = 1; ; depth++)
        {
            var names = parts.Select(p => string.Join('/', p.TakeLast(depth))).ToArray();
            if (names.Distinct().Count() == names.Length || depth >= longest)
                return names.Select((n, i) => names.Take(i).Contains(n) ? $"{n}#{names.Take(i).Count(m => m == n) + 1}" : n).ToArray();
        }
    }
}
