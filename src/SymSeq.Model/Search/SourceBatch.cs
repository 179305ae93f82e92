using SymSeq.Model;
using static TorchSharp.torch;

namespace SymSeq.Search;

/// <summary>Pads id sequences into a (bs, maxlen) tensor with their lengths.</summary>
public static class SourceBatch
{
    public static (Tensor Ids, Tensor Lengths) Make(IReadOnlyList<long[]> sequences, int padIndex, Device? device = null)
    {
        var max = sequences.Max(s => s.Length);
        var data = new long[sequences.Count * max];
        Array.Fill(data, padIndex);
        for (var i = 0; i < sequences.Count; i++) Array.Copy(sequences[i], 0, data, i * max, sequences[i].Length);
        return (tensor(data, [sequences.Count, max], device: device),
                tensor(sequences.Select(s => (long)s.Length).ToArray(), device: device));
    }
}
