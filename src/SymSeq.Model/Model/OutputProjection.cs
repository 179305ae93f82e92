using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymSeq.Model;

/// <summary>
/// The decoder's output layer ("proj"). With shared input/output embeddings it owns only its bias and uses the
/// embedding matrix as its weight, so the tied tensor is a single parameter for the optimizer.
/// </summary>
public sealed class OutputProjection : nn.Module
{
#pragma warning disable IDE1006
    private readonly Parameter bias;
    private readonly Parameter? weight;
#pragma warning restore IDE1006

    /// <param name="name">Its parameter name in the model ("decoder.proj"), for adopted weights.</param>
    public OutputProjection(int dim, int words, int? ownWeightDim, InitialWeights w, string name) : base("proj")
    {
        var bound = 1 / Math.Sqrt(dim);
        bias = w.IsFresh ? new Parameter(empty(words).uniform_(-bound, bound)) : w.Take($"{name}.bias", words);
        if (ownWeightDim is { } d) weight = w.IsFresh ? new Parameter(empty(words, d).uniform_(-bound, bound)) : w.Take($"{name}.weight", words, d);
        RegisterComponents();
    }

    public bool SharesEmbeddings => weight is null;

    public Tensor Forward(Tensor hidden, Tensor embeddings, Precision p)
    {
        var w = weight ?? embeddings;
        using var scope = NewDisposeScope();
        return p.LinearInCompute(hidden.to(p.ComputeType()), w, bias).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
