using static TorchSharp.torch;

namespace SymSeq.Model;

/// <summary>Keys and values cached across decoding steps (self-attention grows, source attention is fixed).</summary>
public sealed class DecoderState(List<KeyValue> self, List<KeyValue> cross, Tensor sourceMask) : IDisposable
{
    public List<KeyValue> Self { get; } = self;
    public List<KeyValue> Cross { get; } = cross;
    public Tensor SourceMask { get; private set; } = sourceMask.DetachFromDisposeScope();

    /// <summary>Keeps the rows given by index (beam search reordering), in place.</summary>
    public void Reorder(Tensor index)
    {
        foreach (var kv in Self.Concat(Cross))
        {
            kv.K = kv.K.index_select(0, index);
            kv.V = kv.V.index_select(0, index);
        }
        var m = SourceMask.index_select(0, index).DetachFromDisposeScope();
        SourceMask.Dispose();
        SourceMask = m;
    }

    public void Dispose()
    {
        foreach (var kv in Self.Concat(Cross)) kv.Dispose();
        SourceMask.Dispose();
    }
}
