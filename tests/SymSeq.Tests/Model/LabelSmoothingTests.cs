using SymSeq.Model;
using SymSeq.Tests.Checkpoints;
using SymSeq.Training;
using static TorchSharp.torch;

namespace SymSeq.Tests.Model;

/// <summary>
/// The label-smoothed loss is (1 − ε)·cross-entropy + ε·(mean over the vocabulary of −log p), computed here by hand
/// from the model's own teacher-forced logits over the real target tokens only; ε = 0 is the paper's loss.
/// </summary>
[Collection("torch")]
public sealed class LabelSmoothingTests
{
    /// <summary>Per predicted token: −log p(target) and −mean_v log p(v), over real (unpadded) positions.</summary>
    private static (double Nll, double Uniform) ByHand(Seq2SeqTransformer m, Tensor x, Tensor xLen, Tensor y, Tensor yLen)
    {
        using var logits = m.DecoderLogits(x, xLen, y, yLen);                  // (bs, tlen, words)
        using var logp = nn.functional.log_softmax(logits.to_type(ScalarType.Float64), -1);
        double nll = 0, uniform = 0;
        var n = 0;
        for (var b = 0; b < y.shape[0]; b++)
            for (var t = 0; t + 1 < yLen[b].item<long>(); t++)
            {
                var target = y[b, t + 1].item<long>();
                nll -= logp[b, t, target].item<double>();
                uniform -= logp[b, t].mean().item<double>();
                n++;
            }
        return (nll / n, uniform / n);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.1, 2)]
    [InlineData(0.35, 3)]
    public void The_loss_mixes_the_right_token_with_the_whole_vocabulary(double epsilon, int seed)
    {
        using var m = ModelDeepeningTests.Source(seed);
        var (x, xLen, y, yLen) = ModelDeepeningTests.Batch(seed);
        var (nll, uniform) = ByHand(m, x, xLen, y, yLen);
        using var loss = m.Loss(x, xLen, y, yLen, epsilon);
        var expected = (1 - epsilon) * nll + epsilon * uniform;
        Assert.Equal(expected, loss.item<float>(), expected * 1e-5);
        if (epsilon > 0) Assert.True(Math.Abs(loss.item<float>() - nll) > 1e-3, "smoothing did not change the loss");
    }

    [Fact]
    public void Training_with_smoothing_keeps_probability_on_the_other_words()
    {
        // The same steps on the same batch: with smoothing the model ends less sure of the right tokens than without,
        // which is what keeps other hypotheses alive in a beam.
        double TargetProbability(double epsilon)
        {
            using var m = ModelDeepeningTests.Source(4);
            m.train();
            using var adam = new AdamOptimizer(m.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), 1e-2);
            var (x, xLen, y, yLen) = ModelDeepeningTests.Batch(4);
            for (var s = 0; s < 60; s++)
            {
                using (var scope = NewDisposeScope()) m.Loss(x, xLen, y, yLen, epsilon).backward();
                adam.Step(5);
            }
            m.eval();
            using (no_grad()) return Math.Exp(-ByHand(m, x, xLen, y, yLen).Nll);
        }
        var plain = TargetProbability(0);
        var smoothed = TargetProbability(0.2);
        Assert.True(plain > 0.9, $"without smoothing the model did not learn the batch ({plain:F3})");
        Assert.True(smoothed < plain - 0.05, $"smoothed {smoothed:F3} against plain {plain:F3}");
    }

    [Fact]
    public void Options_refuse_a_smoothing_outside_0_to_1()
    {
        var o = new TrainOptions { TrainFiles = [], OutDir = "unused", LabelSmoothing = 1 };
        Assert.Contains("label smoothing", Assert.Throws<ArgumentException>(o.Validate).Message);
    }
}
