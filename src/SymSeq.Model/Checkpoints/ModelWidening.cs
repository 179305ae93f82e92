using SymSeq.Model;
using static TorchSharp.torch;

namespace SymSeq.Checkpoints;

/// <summary>
/// A wider copy of a trained model that computes what the source computes, up to a little noise (function-preserving
/// growth, Net2WiderNet in Chen et al. 2016): the embedding, every hidden layer and the head count are multiplied by
/// k, so the paper's 512-wide model can warm-start from a 256-wide one instead of from scratch.
/// </summary>
/// <remarks>
/// Every hidden vector h of the source becomes [h, h, …, h] (k copies):
/// <list type="bullet">
/// <item>a linear layer's weight is tiled k × k and divided by k along its input (W′[h, …, h] = [Wh, …, Wh]), its
/// bias tiled;</item>
/// <item>a LayerNorm over [h, …, h] sees h's mean and variance, so its γ and β are tiled;</item>
/// <item>attention keeps its head size and gets k times the heads: the new heads are copies of the old ones, and
/// their concatenated outputs are again k copies;</item>
/// <item>the word and position embeddings are tiled and divided by k. The embedding LayerNorm does not see the scale
/// (LN(c·v) = LN(v)), and the output projection, which shares the word embeddings, gives
/// [h, …, h]·[E, …, E]ᵀ/k = h·Eᵀ, the source's scores.</item>
/// </list>
/// Copies of one unit would receive the same gradient for ever, so noise of <c>noise</c> times each tensor's standard
/// deviation is added to the widened tensors (not to the biases of the output layer) to let them drift apart.
/// </remarks>
public static class ModelWidening
{
    /// <summary>Relative noise added to break the copies' symmetry: small enough that the answers do not change.</summary>
    public const double DefaultNoise = 1e-3;

    /// <summary>The source model with k times its embedding size, hidden size and heads, ready for inference.</summary>
    public static Seq2SeqTransformer Widen(Seq2SeqTransformer source, int k, double noise = DefaultNoise, int seed = 0)
    {
        if (k < 2 || k > 8) throw new ArgumentException($"widening factor {k}: expected 2 to 8 (the embedding size and the head count are multiplied by it)");
        if (noise < 0 || noise > 1) throw new ArgumentException($"widening noise {noise}: expected 0 to 1 (a fraction of each tensor's standard deviation)");
        var original = source.Config;
        var model = new Seq2SeqTransformer(original with { EmbDim = original.EmbDim * k, Heads = original.Heads * k });
        try
        {
            using var _ = no_grad();
            var generator = new Generator((ulong)seed);
            var target = model.state_dict();
            foreach (var (name, value) in source.state_dict())
            {
                using var wide = Tile(name, value, k);
                if (!wide.shape.SequenceEqual(target[name].shape))
                    throw new InvalidOperationException($"widening {name}: made {string.Join("x", wide.shape)}, the wider model has {string.Join("x", target[name].shape)}");
                target[name].copy_(wide);
                if (noise > 0 && value.is_floating_point() && value.numel() > 1 && name != "decoder.proj.bias")
                {
                    using var std = value.to(ScalarType.Float32).std();
                    using var n = randn(target[name].shape, generator: generator).mul_(std * noise);
                    target[name].add_(n.to(target[name].dtype));
                }
            }
            model.eval();
            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>One source tensor tiled for k copies of every hidden vector (see the remarks).</summary>
    private static Tensor Tile(string name, Tensor t, int k)
    {
        if (name.EndsWith("embeddings.weight", StringComparison.Ordinal)) return t.repeat(1, k).div_(k);   // word and position tables
        if (name == "decoder.proj.bias") return t.clone();                                                  // one score per word
        if (name == "decoder.proj.weight") return t.repeat(1, k).div_(k);                                   // unshared output weights
        if (name.Contains("layer_norm", StringComparison.Ordinal)) return t.repeat(k);
        return t.dim() switch
        {
            2 => t.repeat(k, k).div_(k),  // a linear layer: outputs copied, inputs averaged over the copies
            1 => t.repeat(k),             // its bias
            _ => throw new InvalidOperationException($"widening {name}: no rule for a tensor of {t.dim()} dimensions"),
        };
    }
}
