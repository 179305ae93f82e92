using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymSeq.Model;

/// <summary>
/// Cached keys and values of one attention layer during incremental decoding. The cache owns its tensors:
/// they are detached from dispose scopes so that per-step scopes do not free them.
/// </summary>
public sealed class KeyValue(Tensor k, Tensor v) : IDisposable
{
    private Tensor _k = k.DetachFromDisposeScope(), _v = v.DetachFromDisposeScope();

    public Tensor K { get => _k; set { _k.Dispose(); _k = value.DetachFromDisposeScope(); } }
    public Tensor V { get => _v; set { _v.Dispose(); _v = value.DetachFromDisposeScope(); } }
    public void Dispose() { _k.Dispose(); _v.Dispose(); }
}

/// <summary>
/// The paper's multi-head attention: q/k/v/out projections, scores scaled by 1/sqrt(head dim), masked
/// positions excluded from the softmax. Activations stay in the compute type from the input cast to the output
/// projection, except the scores, which are masked and soft-maxed in float32; cached keys/values are kept in
/// the compute type. (libtorch's fused scaled_dot_product_attention measured slower on this CPU in bf16.)
/// </summary>
public sealed class MultiHeadAttention : nn.Module
{
#pragma warning disable IDE1006 // field names are the paper's parameter names
    private readonly Linear q_lin, k_lin, v_lin, out_lin;
#pragma warning restore IDE1006
    private readonly int _heads, _dim;

    /// <param name="name">The layer's parameter name in the model ("decoder.encoder_attn.0"), for adopted weights.</param>
    public MultiHeadAttention(int heads, int dim, InitialWeights w, string name) : base("MultiHeadAttention")
    {
        _heads = heads;
        _dim = dim;
        q_lin = w.Linear($"{name}.q_lin", dim, dim);
        k_lin = w.Linear($"{name}.k_lin", dim, dim);
        v_lin = w.Linear($"{name}.v_lin", dim, dim);
        out_lin = w.Linear($"{name}.out_lin", dim, dim);
        RegisterComponents();
    }

    public int Heads => _heads;

    private Tensor Shape(Tensor x, long bs) => x.view(bs, -1, _heads, _dim / _heads).transpose(1, 2);

    /// <summary>Keys and values for attending over kv (bs, klen, dim): computed once per source in decoding.</summary>
    public KeyValue Project(Tensor kv, Precision p)
    {
        var bs = kv.shape[0];
        using var scope = NewDisposeScope();
        var x = kv.to(p.ComputeType());
        return new KeyValue(Shape(p.LinearInCompute(x, k_lin), bs), Shape(p.LinearInCompute(x, v_lin), bs));
    }

    /// <summary>
    /// input (bs, qlen, dim); keyMask (bs, 1, qlen or 1, klen), true where attention is allowed, or null.
    /// With kv null this is self-attention; with <paramref name="cache"/> the new keys/values are appended to it
    /// (self-attention) or taken from it (attention over the source).
    /// </summary>
    public Tensor Forward(Tensor input, Tensor? keyMask, Precision p, Tensor? kv = null, KeyValue? cache = null, bool appendToCache = false)
    {
        var bs = input.shape[0];
        using var scope = NewDisposeScope();
        var x = input.to(p.ComputeType());
        var q = Shape(p.LinearInCompute(x, q_lin), bs);
        Tensor k, v;
        if (cache is not null && !appendToCache)
        {
            k = cache.K;
            v = cache.V;
        }
        else
        {
            var source = kv is null ? x : kv.to(p.ComputeType());
            k = Shape(p.LinearInCompute(source, k_lin), bs);
            v = Shape(p.LinearInCompute(source, v_lin), bs);
            if (cache is not null)
            {
                cache.K = torch.cat([cache.K, k], 2);
                cache.V = torch.cat([cache.V, v], 2);
                k = cache.K;
                v = cache.V;
            }
        }
        // Scalars are held in locals until the native calls return: a temporary Scalar can be finalized by the
        // GC while libtorch still reads it (seen as a corrupted masked_fill value under parallel tests).
        using var scale = (1.0 / Math.Sqrt(_dim / _heads)).ToScalar();
        using var negInf = float.NegativeInfinity.ToScalar();
        var scores = q.matmul(k.transpose(2, 3)).to(ScalarType.Float32).mul_(scale);
        if (keyMask is not null) scores = scores.masked_fill(keyMask.logical_not(), negInf);
        var weights = scores.softmax(-1).to(p.ComputeType());
        var context = weights.matmul(v).transpose(1, 2).contiguous().view(bs, -1, _dim);
        return p.LinearInCompute(context, out_lin).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
