using SymSeq.Model;
using SymSeq.Training;
using static TorchSharp.torch;

namespace SymSeq.Tests.Training;

[Collection("torch")]
public sealed class AdamOptimizerTests
{
    /// <summary>Runs Adam on copies of the same tensors with the same gradients, fused or as tensor ops.</summary>
    private static (Tensor[] Params, double[] Norms) Run(bool fused, long[] sizes, int steps, double clip)
    {
        var ps = sizes.Select((n, i) => { manual_seed(10 + i); return randn(n).requires_grad_(); }).ToArray();
        using var adam = new AdamOptimizer(ps.Select((p, i) => ($"p{i}", p)), 1e-2) { Fused = fused };
        var norms = new double[steps];
        for (var s = 0; s < steps; s++)
        {
            manual_seed(100 + s);
            // A loss whose gradient differs by element and step: Σ w ⊙ p² with random weights.
            var loss = ps.Select(p => (randn(p.shape) * p * p).sum()).Aggregate((a, b) => a + b);
            loss.backward();
            norms[s] = adam.Step(clip);
        }
        return (ps, norms);
    }

    [Theory]
    [InlineData(0.0)]  // no clipping
    [InlineData(1.0)]  // every step clipped (the gradient norm is in the hundreds)
    public void Fused_kernel_matches_the_tensor_ops(double clip)
    {
        // Sizes cover the SIMD tail (not a multiple of 16), several work chunks (2^16 elements each) and a scalar.
        long[] sizes = [100_003, 7, 1, 131_072];
        var (fused, fusedNorms) = Run(fused: true, sizes, steps: 4, clip);
        var (plain, plainNorms) = Run(fused: false, sizes, steps: 4, clip);
        for (var s = 0; s < fusedNorms.Length; s++)
            Assert.Equal(plainNorms[s], fusedNorms[s], plainNorms[s] * 1e-5);
        var start = Run(true, sizes, 0, clip).Params;
        for (var i = 0; i < sizes.Length; i++)
        {
            // Within a few float ulps of the parameter (the values are randn, up to about 5).
            var diff = ((fused[i] - plain[i]).abs() / (plain[i].abs() + 1)).max().item<float>();
            var moved = (fused[i] - start[i]).abs().max().item<float>();
            Assert.True(moved > 1e-3, $"tensor {i} did not move ({moved})");
            Assert.True(diff < 5e-7, $"tensor {i}: fused and tensor updates differ by {diff} (relative)");
        }
    }

    [Theory]
    [InlineData(true, 1.9e-6f, 0.0)]         // ε is a fifth of the first update's denominator
    [InlineData(true, 0.0018255713f, 0.0)]
    [InlineData(true, 0.0018255713f, 0.001)] // clipped to a norm of 1e-3 over 20 elements
    [InlineData(false, 0.0018255713f, 0.001)]
    public void First_step_matches_Adams_formula_in_double(bool fused, float g, double clip)
    {
        const double p0 = 0.008733796, lr = 1e-2;
        var q = full(20, (float)p0).requires_grad_();
        using var adam = new AdamOptimizer([("q", q)], lr) { Fused = fused };
        (q * g).sum().backward();
        adam.Step(clip);
        // Step 1: m̂ = g, v̂ = g², so p1 = p0 - lr·g/(|g| + ε), with g scaled by clip/‖g‖ when clipped.
        var norm = g * Math.Sqrt(20);
        var gs = clip > 0 && norm > clip ? g * clip / (norm + 1e-6) : g;
        var expected = p0 - lr * gs / (gs + 1e-8);
        var actual = q.data<float>().ToArray();
        Assert.All(actual, a => Assert.Equal(expected, a, 2e-9)); // two float ulps at 0.0012
    }

    [Fact]
    public void Step_clears_gradients_so_the_next_backward_starts_fresh()
    {
        var p = ones(3).requires_grad_();
        using var adam = new AdamOptimizer([("p", p)], 0.1);
        (p * 2).sum().backward();
        adam.Step(0);
        Assert.Null(p.grad);
        (p * 3).sum().backward();
        Assert.Equal([3f, 3f, 3f], p.grad!.data<float>().ToArray());
    }

    [Fact]
    public void A_tiny_model_trains_the_same_with_fused_and_tensor_updates()
    {
        var config = new ModelConfig { EmbDim = 32, EncoderLayers = 1, DecoderLayers = 1, Heads = 2 };
        float Final(bool fused)
        {
            manual_seed(3);
            using var model = new Seq2SeqTransformer(config);
            using var adam = new AdamOptimizer(model.named_parameters().Select(n => (n.name, (Tensor)n.parameter)), 1e-3) { Fused = fused };
            using var x = randint(15, config.Words, [4, 9]);
            using var y = randint(15, config.Words, [4, 6]);
            using var xl = full(4, 9L, ScalarType.Int64);
            using var yl = full(4, 6L, ScalarType.Int64);
            float loss = 0;
            for (var s = 0; s < 20; s++)
            {
                using var l = model.Loss(x, xl, y, yl);
                loss = l.item<float>();
                l.backward();
                adam.Step(5.0);
            }
            return loss;
        }
        var (a, b) = (Final(true), Final(false));
        Assert.True(a < 0.9 * Math.Log(config.Words), $"loss {a} did not fall");
        Assert.Equal(b, a, 1e-3);
    }
}
