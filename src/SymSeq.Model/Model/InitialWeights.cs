using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymSeq.Model;

/// <summary>
/// Where a model's weights come from as it is built: drawn fresh (the paper's initialisation, for training), or a
/// checkpoint's tensors adopted as they are. Adopting skips the random initialisation that a load would overwrite at
/// once (about 40 ms of a process that loads one model). Each tensor is taken by its parameter name and checked
/// against the shape the module needs, so a checkpoint of another shape fails as it did when the weights were copied.
/// </summary>
public sealed class InitialWeights
{
    private readonly IReadOnlyDictionary<string, Tensor>? _tensors;
    private readonly string _source;

    private InitialWeights(IReadOnlyDictionary<string, Tensor>? tensors, string source) => (_tensors, _source) = (tensors, source);

    /// <summary>Weights drawn at random, as training from scratch starts.</summary>
    public static readonly InitialWeights Fresh = new(null, "");

    /// <summary>
    /// The tensors of <paramref name="source"/> (named for messages), float32 on the CPU. The model takes each tensor's
    /// handle over: the caller must not use them afterwards (disposing them stays safe).
    /// </summary>
    public static InitialWeights From(IReadOnlyDictionary<string, Tensor> tensors, string source) => new(tensors, source);

    public bool IsFresh => _tensors is null;

    /// <summary>The parameter <paramref name="name"/>, of exactly <paramref name="shape"/>.</summary>
    public Parameter Take(string name, params long[] shape)
    {
        if (_tensors is null) throw new InvalidOperationException("fresh weights have no tensors to take");
        if (!_tensors.TryGetValue(name, out var t)) throw new FormatException($"'{_source}': missing parameter {name}");
        if (!t.shape.SequenceEqual(shape))
            throw new FormatException($"'{_source}': {name} has shape [{string.Join(", ", t.shape)}], expected [{string.Join(", ", shape)}]");
        if (t.dtype != ScalarType.Float32) throw new FormatException($"'{_source}': {name} is {t.dtype}, expected float32");
        return new Parameter(t);
    }

    /// <summary>A linear layer <paramref name="name"/> from <paramref name="inDim"/> to <paramref name="outDim"/>, with bias.</summary>
    public Linear Linear(string name, long inDim, long outDim)
    {
        if (IsFresh) return nn.Linear(inDim, outDim);
        var layer = nn.Linear(inDim, outDim, device: META);
        layer.weight = Take(name + ".weight", outDim, inDim);
        layer.bias = Take(name + ".bias", outDim);
        return layer;
    }

    /// <summary>A layer norm <paramref name="name"/> over <paramref name="dim"/> (eps 1e-12, the paper's).</summary>
    public LayerNorm LayerNorm(string name, long dim)
    {
        if (IsFresh) return nn.LayerNorm(dim, 1e-12);
        var layer = nn.LayerNorm(dim, 1e-12, device: META);
        layer.weight = Take(name + ".weight", dim);
        layer.bias = Take(name + ".bias", dim);
        return layer;
    }

    /// <summary>
    /// An embedding table <paramref name="name"/> of <paramref name="rows"/> × <paramref name="dim"/>; fresh, libtorch's
    /// own initialisation until <see cref="PaperEmbeddings"/> draws it again.
    /// </summary>
    public Embedding Embedding(string name, long rows, long dim, long? paddingIndex = null)
    {
        if (IsFresh) return nn.Embedding(rows, dim, padding_idx: paddingIndex);
        var adopted = nn.Embedding(rows, dim, padding_idx: paddingIndex, device: META);
        adopted.weight = Take(name + ".weight", rows, dim);
        return adopted;
    }

    /// <summary>
    /// Fresh weights only: the paper's initialisation of a stack's two tables, N(0, dim^-1/2) with the padding row
    /// zero, drawn after both tables are made (the order of the random draws a seeded model has always had).
    /// </summary>
    public void PaperEmbeddings(Embedding positions, Embedding words, long paddingIndex)
    {
        if (!IsFresh) return;
        using (no_grad())
        {
            nn.init.normal_(positions.weight!, 0, Math.Pow(positions.weight!.shape[1], -0.5));
            nn.init.normal_(words.weight!, 0, Math.Pow(words.weight!.shape[1], -0.5));
            words.weight![paddingIndex].zero_();
        }
    }
}
