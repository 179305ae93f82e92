using static TorchSharp.torch;

namespace SymSeq.Model;

/// <summary>Keys and values cached across decoding steps (self-attention grows, source attention is fixed).</summary>
public sealed class DecoderState(List<KeyValue> self, List<KeyValue> cross, Tensor sourceMask) : IDisposable
{
    public List<KeyValue> Self { get; } = self;
    public List<KeyValue> Cross { get; } = cross;
    public Tensor SourceMask { get; private set; } = sourceMask.DetachFromDisposeScope();

    /// <summary>Keeps the rows given by index (beam search reordering and dropping finished sources), in place.</summary>
    public void Reorder(Tensor index)
    {
        ReorderTarget(index);
        foreach (var kv in Cross)
        {
            kv.K = kv.K.index_select(0, index);
            kv.V = kv.V.index_select(0, index);
        }
        var m = SourceMask.index_select(0, index).DetachFromDisposeScope();
        SourceMask.Dispose();
        SourceMask = m;
    }

    /// <summary>
    /// Reorders only the self-attention cache. Enough when every row moves within a group of rows that hold the same
    /// source (the beams of one sentence): their source keys, values and mask are equal copies, so copying them again
    /// each step, as <see cref="Reorder"/> does, changes nothing and costs a copy of the whole source cache.
    /// </summary>
    public void ReorderTarget(Tensor index)
    {
        foreach (var kv in Self)
        {
            kv.K = kv.K.index_select(0, index);
            kv.V = kv.V.index_select(0, index);
        }
    }

    public void Dispose()
    {
        foreach (var kv in Self.Concat(Cross)) kv.Dispose();
        SourceMask.Dispose();
    }
}
