using TorchSharp;
using static TorchSharp.torch;

namespace SymSeq.Training;

/// <summary>
/// Adam (β1 0.9, β2 0.999, ε 1e-8) on float32 master weights, with global gradient-norm clipping. Its moments
/// are plain named tensors, so checkpoints can hold them next to the model.
/// </summary>
public sealed class AdamOptimizer : IDisposable
{
    private readonly (string Name, Tensor Param)[] _params;
    private readonly Dictionary<string, Tensor> _m = new(), _v = new();
    public double LearningRate { get; set; }
    public double Beta1 { get; } = 0.9;
    public double Beta2 { get; } = 0.999;
    public double Epsilon { get; } = 1e-8;
    public long Steps { get; private set; }

    public AdamOptimizer(IEnumerable<(string Name, Tensor Param)> parameters, double lr)
    {
        _params = parameters.ToArray();
        LearningRate = lr;
        foreach (var (n, p) in _params)
        {
            _m[n] = zeros_like(p).DetachFromDisposeScope();
            _v[n] = zeros_like(p).DetachFromDisposeScope();
        }
    }

    /// <summary>
    /// Whether to use <see cref="FusedAdamKernel"/> where every tensor allows it (float32 CPU, contiguous);
    /// otherwise, or when false, the update runs as libtorch element-wise ops (any device).
    /// </summary>
    public bool Fused { get; set; } = true;

    /// <summary>Clips the global gradient norm to maxNorm (if positive), updates, clears gradients; returns the norm.</summary>
    public double Step(double maxNorm)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var live = _params.Where(p => p.Param.grad is not null).ToArray();
        var grads = live.Select(p => p.Param.grad!).ToArray();
        var fused = Fused && live.All(p => FusedAdamKernel.Accepts(p.Param)) && grads.All(FusedAdamKernel.Accepts);
        // One reduction and one read-back for the global norm, not one per parameter.
        var norm = grads.Length == 0 ? 0.0
            : fused ? Math.Sqrt(FusedAdamKernel.SumOfSquares(grads))
            : Math.Sqrt(stack(grads.Select(g => g.square().sum()).ToArray()).sum().item<float>());
        var scale = maxNorm > 0 && norm > maxNorm ? maxNorm / (norm + 1e-6) : 1.0;
        Steps++;
        var c1 = 1 - Math.Pow(Beta1, Steps);
        var c2 = 1 - Math.Pow(Beta2, Steps);
        if (fused)
            FusedAdamKernel.Update(live.Select(p => p.Param).ToArray(), grads, live.Select(p => _m[p.Name]).ToArray(), live.Select(p => _v[p.Name]).ToArray(),
                new FusedAdamKernel.Coefficients((float)scale, (float)Beta1, (float)Beta2, (float)(1 - Beta1), (float)(1 - Beta2), (float)(1 / c2), (float)Epsilon, (float)(-LearningRate / c1)));
        else
            TensorUpdate(live, scale, c1, c2);
        ZeroGrad();
        return norm;
    }

    private void TensorUpdate((string Name, Tensor Param)[] live, double scale, double c1, double c2)
    {
        // Explicit Scalars kept alive for the whole update (see MultiHeadAttention.Forward).
        using Scalar sScale = scale, b1 = Beta1, b2 = Beta2, a1 = 1 - Beta1, a2 = 1 - Beta2, invC2 = 1 / c2, eps = Epsilon, step = -LearningRate / c1;
        foreach (var (name, p) in live)
        {
            var g = p.grad!;
            if (scale != 1.0) g = g.mul(sScale);
            _m[name].mul_(b1).add_(g, alpha: a1);
            _v[name].mul_(b2).addcmul_(g, g, value: a2);
            var denom = _v[name].mul(invC2).sqrt_().add_(eps);
            p.addcdiv_(_m[name], denom, value: step);
        }
    }

    /// <summary>
    /// Drops the gradients (as PyTorch's zero_grad(set_to_none) does): the next backward then stores its gradient
    /// tensors directly instead of adding them into zeroed ones, one pass less over every parameter.
    /// </summary>
    public void ZeroGrad()
    {
        foreach (var (_, p) in _params) p.grad = null;
    }

    public IEnumerable<(string Name, Tensor Value)> State() =>
        _m.Select(kv => ("adam.m." + kv.Key, kv.Value)).Concat(_v.Select(kv => ("adam.v." + kv.Key, kv.Value)));

    public void LoadState(IReadOnlyDictionary<string, Tensor> tensors, long steps)
    {
        using var _ = no_grad();
        foreach (var (n, _) in _params)
        {
            if (tensors.TryGetValue("adam.m." + n, out var m)) _m[n].copy_(m);
            if (tensors.TryGetValue("adam.v." + n, out var v)) _v[n].copy_(v);
        }
        Steps = steps;
    }

    public void Dispose()
    {
        foreach (var t in _m.Values.Concat(_v.Values)) t.Dispose();
    }
}
