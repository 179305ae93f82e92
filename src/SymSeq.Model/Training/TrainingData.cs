using SymSeq.Datasets;
using SymSeq.Model;

namespace SymSeq.Training;

/// <summary>One pair as vocabulary ids, each wrapped as [eos] tokens [eos].</summary>
public sealed record TrainExample(long[] Src, long[] Tgt);

public static class TrainingData
{
    /// <summary>Reads a prefix dataset (the paper's or SymSeq's), naming the file and line of any bad entry.</summary>
    public static List<TrainExample> Read(string path, Vocabulary vocab, int maxLen = int.MaxValue, long limit = long.MaxValue)
    {
        var list = new List<TrainExample>();
        foreach (var (d, _, n) in DatasetLine.ReadFile(path))
        {
            var unknown = d.Input.Concat(d.Output).FirstOrDefault(t => !vocab.Contains(t));
            if (unknown is not null) throw new FormatException($"{path}:{n}: token '{unknown}' is not in the vocabulary");
            if (d.Input.Length + 2 > maxLen || d.Output.Length + 2 > maxLen) continue;
            list.Add(new TrainExample(vocab.Encode(d.Input), vocab.Encode(d.Output)));
            if (list.Count >= limit) break;
        }
        return list;
    }
}
