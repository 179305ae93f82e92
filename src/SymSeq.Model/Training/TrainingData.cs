using SymSeq.Datasets;
using SymSeq.Model;

namespace SymSeq.Training;

/// <summary>One pair as vocabulary ids, each wrapped as [eos] tokens [eos].</summary>
public sealed record TrainExample(long[] Src, long[] Tgt);

/// <summary>
/// How often a training pair is shown per pass over its file, from its line's count (how many times the generator
/// drew it before duplicates were merged): <see cref="One"/>, each distinct pair once, as the paper trains;
/// <see cref="Sqrt"/>, √count times (rounded); <see cref="Count"/>, count times, the generator's own frequencies.
/// A generator draws its simplest problems thousands of times (y' = y/x in 5% of SymSeq's ODE1 draws), and samples
/// of its raw output hold them at that rate, while a file of distinct pairs shows each once.
/// </summary>
public enum CountWeight { One, Sqrt, Count }

public static class TrainingData
{
    /// <summary>Most copies of one pair per pass, whatever its count.</summary>
    public const int MaxCopies = 10_000;

    /// <summary>
    /// Reads a prefix dataset (the paper's or SymSeq's), naming the file and line of any bad entry. Each pair appears
    /// as many times as <paramref name="weight"/> says (the copies share their arrays); <paramref name="limit"/> counts
    /// distinct pairs.
    /// </summary>
    public static List<TrainExample> Read(string path, Vocabulary vocab, int maxLen = int.MaxValue, long limit = long.MaxValue,
        CountWeight weight = CountWeight.One)
    {
        var list = new List<TrainExample>();
        long distinct = 0;
        foreach (var (d, _, n) in DatasetLine.ReadFile(path))
        {
            var unknown = d.Input.Concat(d.Output).FirstOrDefault(t => !vocab.Contains(t));
            if (unknown is not null) throw new FormatException($"{path}:{n}: token '{unknown}' is not in the vocabulary");
            if (d.Input.Length + 2 > maxLen || d.Output.Length + 2 > maxLen) continue;
            var example = new TrainExample(vocab.Encode(d.Input), vocab.Encode(d.Output));
            for (var copy = Copies(d.Count, weight); copy > 0; copy--) list.Add(example);
            if (++distinct >= limit) break;
        }
        return list;
    }

    /// <summary>How many times a line of this count is shown per pass (at least once, at most <see cref="MaxCopies"/>).</summary>
    public static int Copies(long count, CountWeight weight) => weight switch
    {
        CountWeight.Sqrt => (int)Math.Clamp(Math.Round(Math.Sqrt(Math.Max(count, 1))), 1, MaxCopies),
        CountWeight.Count => (int)Math.Clamp(count, 1, MaxCopies),
        _ => 1,
    };
}
