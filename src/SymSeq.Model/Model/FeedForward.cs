using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymSeq.Model;

/// <summary>The paper's position-wise feed-forward block: lin2(relu(lin1(x))).</summary>
public sealed class FeedForward : nn.Module
{
#pragma warning disable IDE1006
    private readonly Linear lin1, lin2;
#pragma warning restore IDE1006

    /// <param name="name">The block's parameter name in the model ("encoder.ffns.0"), for adopted weights.</param>
    public FeedForward(int dim, int hidden, InitialWeights w, string name) : base("FeedForward")
    {
        lin1 = w.Linear($"{name}.lin1", dim, hidden);
        lin2 = w.Linear($"{name}.lin2", hidden, dim);
        RegisterComponents();
    }

    public Tensor Forward(Tensor x, Precision p)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.relu(p.LinearInCompute(x.to(p.ComputeType()), lin1));
        return p.LinearInCompute(h, lin2).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }
}
