using SymSeq.Model;
using static TorchSharp.torch;

namespace SymSeq.Checkpoints;

/// <summary>
/// A wider copy of a trained model that computes what the source computes (function-preserving growth, Net2WiderNet
/// in Chen et al. 2016): the embedding, every hidden layer and the head count are multiplied by
/// k, so the paper's 512-wide model can warm-start from a 256-wide one instead of from scratch.
/// </summary>
/// <remarks>
/// Every hidden vector h of the source becomes [h, h, …, h] (k copies):
/// <list type="bullet">
/// <item>a linear layer's weight is tiled k × k and split among the k copies of each input: every weight w becomes
/// p₁w, …, p_kw with random shares p that sum to 1, so W′[h, …, h] = [Wh, …, Wh]; its bias is tiled;</item>
/// <item>a LayerNorm over [h, …, h] sees h's mean and variance, so its γ and β are tiled;</item>
/// <item>attention keeps its head size and gets k times the heads: the new heads are copies of the old ones, and
/// their concatenated outputs are again k copies;</item>
/// <item>the word and position embeddings are tiled and divided by k. The embedding LayerNorm does not see the scale
/// (LN(c·v) = LN(v)), and the output projection, which shares the word embeddings, gives
/// [h, …, h]·[E, …, E]ᵀ/k = h·Eᵀ, the source's scores.</item>
/// </list>
/// Copies of one unit must not stay copies. With equal shares (1/k each) they would receive the same gradient for
/// ever, and small noise does little under bf16 training, whose 8-bit mantissa rounds most weights that differ by 0.1%
/// to the same number. Uneven shares (each between about a quarter and three quarters for k = 2) keep the function
/// exact and give every copy its own gradient from the first step: the gradient reaching a copy is scaled by its
/// share. Optional noise of <c>noise</c> times each tensor's standard deviation can be added on top (not to the biases
/// of the output layer).
/// </remarks>
public static class ModelWidening
{
    /// <summary>The source model with k times its embedding size, hidden size and heads, ready for inference.</summary>
    /// <param name="unevenShares">split each linear weight among the copies of its input at random (true) or in k equal
    /// parts (false: copies stay copies unless noise parts them)</param>
    public static Seq2SeqTransformer Widen(Seq2SeqTransformer source, int k, double noise = 0, int seed = 0, bool unevenShares = true)
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
                using var wide = Tile(name, value, k, unevenShares ? generator : null);
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

    /// <summary>One source tensor tiled for k copies of every hidden vector (see the remarks); shares drawn from
    /// <paramref name="shares"/>, or equal when it is null.</summary>
    private static Tensor Tile(string name, Tensor t, int k, Generator? shares)
    {
        if (name.EndsWith("embeddings.weight", StringComparison.Ordinal)) return t.repeat(1, k).div_(k);   // word and position tables: equal copies
        if (name == "decoder.proj.bias") return t.clone();                                                  // one score per word
        if (name == "decoder.proj.weight") return Split(t.repeat(1, k), k, shares);                         // unshared output weights
        if (name.Contains("layer_norm", StringComparison.Ordinal)) return t.repeat(k);
        return t.dim() switch
        {
            2 => Split(t.repeat(k, k), k, shares),  // a linear layer: outputs copied, inputs split among their copies
            1 => t.repeat(k),                       // its bias
            _ => throw new InvalidOperationException($"widening {name}: no rule for a tensor of {t.dim()} dimensions"),
        };
    }

    /// <summary>
    /// A weight whose k input blocks are copies of one source weight, scaled so that the copies of each source weight
    /// sum to it: shares u/Σu with u uniform in [0.5, 1.5] (or 1/k each when <paramref name="shares"/> is null).
    /// </summary>
    private static Tensor Split(Tensor tiled, int k, Generator? shares)
    {
        if (shares is null) return tiled.div_(k);
        long rows = tiled.shape[0], inputs = tiled.shape[1] / k;
        using var u = rand(new[] { rows, k, inputs }, generator: shares).add_(0.5);
        using var total = u.sum(1, keepdim: true);
        using var p = u.div(total).reshape(rows, k * inputs);
        return tiled.mul_(p.to(tiled.dtype));
    }
}
