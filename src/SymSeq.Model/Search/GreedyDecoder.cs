using SymSeq.Model;
using static TorchSharp.torch;

namespace SymSeq.Search;

/// <summary>Greedy decoding with cached keys/values, as the paper's generate(): output ids start and end with eos.</summary>
public static class GreedyDecoder
{
    public static List<long[]> Decode(Seq2SeqTransformer model, IReadOnlyList<long[]> sources, int maxLen = ModelConfig.MaxSequenceTokens)
    {
        maxLen = Math.Min(maxLen, model.Config.MaxPositions); // no position past the model's table
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var c = model.Config;
        var (x, xlen) = SourceBatch.Make(sources, c.PadIndex);
        var enc = model.Encode(x, xlen);
        using var state = model.Decoder.StartDecoding(enc, xlen, model.Precision);
        var bs = sources.Count;
        var outputs = Enumerable.Range(0, bs).Select(_ => new List<long> { c.EosIndex }).ToArray();
        var finished = new bool[bs];
        var last = tensor(Enumerable.Repeat((long)c.EosIndex, bs).ToArray());
        for (var pos = 1; pos < maxLen && !finished.All(f => f); pos++)
        {
            using var step = NewDisposeScope();
            var logits = model.Decoder.Step(last, pos - 1, state, model.Precision);
            var next = logits.argmax(-1).data<long>().ToArray();
            for (var i = 0; i < bs; i++)
            {
                if (finished[i]) { next[i] = c.PadIndex; continue; }
                outputs[i].Add(next[i]);
                if (next[i] == c.EosIndex) finished[i] = true;
            }
            last.Dispose();
            last = tensor(next).MoveToOuterDisposeScope();
        }
        foreach (var (o, i) in outputs.Select((o, i) => (o, i)))
            if (!finished[i]) o.Add(c.EosIndex); // cut at max_len: close with eos, as the paper does
        return outputs.Select(o => o.ToArray()).ToList();
    }
}
