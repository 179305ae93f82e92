using SymSeq.Checkpoints;
using SymSeq.Model;
using SymSeq.Tests.Cli;
using static TorchSharp.torch;

namespace SymSeq.Tests.Checkpoints;

/// <summary>
/// A widened model computes what its source computes (exactly without noise, with equal or uneven shares), its
/// copies of a unit get different gradients from the first step, and `export --widen` writes it.
/// </summary>
[Collection("torch")]
public sealed class ModelWideningTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-widen-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(1, 2, true)]
    [InlineData(2, 3, true)]
    [InlineData(3, 4, true)]
    [InlineData(4, 2, false)]
    public void Without_noise_the_wider_model_gives_the_source_s_scores(int seed, int k, bool uneven)
    {
        using var source = ModelDeepeningTests.Source(seed);
        using var wide = ModelWidening.Widen(source, k, noise: 0, seed: seed, unevenShares: uneven);
        Assert.Equal(source.Config.EmbDim * k, wide.Config.EmbDim);
        Assert.Equal(source.Config.Heads * k, wide.Config.Heads);
        var worst = ModelDeepeningTests.WorstScoreDifference(source, wide, seed);
        Assert.True(worst < 1e-4f, $"largest score difference {worst}");
        ModelDeepeningTests.AssertSameGreedyAnswers(source, wide, seed);   // the key/value caches and the heads' layout
    }

    [Fact]
    public void Noise_moves_the_scores_a_little()
    {
        using var source = ModelDeepeningTests.Source(7);
        using var wide = ModelWidening.Widen(source, 2, noise: 1e-3);
        var worst = ModelDeepeningTests.WorstScoreDifference(source, wide, 7);
        Assert.True(worst > 0 && worst < 0.05f, $"largest score difference {worst}");
    }

    /// <summary>
    /// The largest gap between the gradients of a unit's two copies, relative to the largest gradient, in a hidden
    /// layer of the encoder and one of the decoder (their FFNs). Equal shares without noise leave the copies
    /// identical; uneven shares part them by a large fraction, not by the 0.1% that bf16 would round away.
    /// </summary>
    [Fact]
    public void Uneven_shares_give_the_copies_of_a_unit_different_gradients()
    {
        using var source = ModelDeepeningTests.Source(8);
        float CopyGap(bool uneven, string parameter)
        {
            using var wide = ModelWidening.Widen(source, 2, noise: 0, seed: 8, unevenShares: uneven);
            wide.train();
            var (x, xLen, y, yLen) = ModelDeepeningTests.Batch(8);
            using var loss = wide.Loss(x, xLen, y, yLen);
            loss.backward();
            var grad = wide.named_parameters().Single(p => p.name == parameter).parameter.grad!;
            var half = grad.shape[0] / 2;
            var gap = (grad.narrow(0, 0, half) - grad.narrow(0, half, half)).abs().max().item<float>();
            return gap / grad.abs().max().item<float>();
        }
        foreach (var parameter in new[] { "encoder.ffns.0.lin1.weight", "decoder.ffns.0.lin1.weight" })
        {
            Assert.True(CopyGap(false, parameter) < 1e-5f, $"{parameter}: copies differ with equal shares");
            Assert.True(CopyGap(true, parameter) > 0.05f, $"{parameter}: copies move together with uneven shares");
        }
    }

    [Fact]
    public void Export_widens_and_records_it()
    {
        using var source = ModelDeepeningTests.Source(5);
        var path = Path.Combine(_dir, "a.symseq");
        SymSeqCheckpoint.Save(path, source, step: 700);
        var output = Path.Combine(_dir, "wide.symseq");
        var r = CliRunner.Run("export", "--model", path, "--out", output, "--widen", "2", "--fp32");
        Assert.True(r.Code == 0, r.Err);
        using var wide = SymSeqCheckpoint.LoadModel(output, out var info);
        Assert.Equal((32, 4), (info.Config.EmbDim, info.Config.Heads));
        Assert.Equal(700, info.Step);
        Assert.Contains("embedding 16 and 2 heads to 32 and 4", info.Meta["widened"]);
        Assert.True(ModelDeepeningTests.WorstScoreDifference(source, wide, 5) < 0.05f);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("9")]
    [InlineData("two")]
    public void A_bad_factor_is_a_clean_error(string factor)
    {
        using var source = ModelDeepeningTests.Source(6);
        var path = Path.Combine(_dir, "b.symseq");
        SymSeqCheckpoint.Save(path, source, step: 1);
        RobustnessTests.AssertCleanError(CliRunner.Run("export", "--model", path, "--out", Path.Combine(_dir, "x.symseq"), "--widen", factor), "--widen");
    }
}
