using SymSeq.Checkpoints;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Tests.Cli;
using static TorchSharp.torch;

namespace SymSeq.Tests.Checkpoints;

/// <summary>
/// A deepened model computes what its source computes (teacher-forced and step by step), its new layers learn from
/// the first step, and `export --deepen` writes it.
/// </summary>
[Collection("torch")]
public sealed class ModelDeepeningTests : IDisposable
{
    internal static readonly ModelConfig Tiny = new() { EmbDim = 16, Heads = 2, EncoderLayers = 2, DecoderLayers = 1, MaxPositions = 64 };
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-deepen-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A source whose LayerNorms have an affine part, as a trained model's do (a fresh one has γ = 1, β = 0, which would hide a lost affine).</summary>
    internal static Seq2SeqTransformer Source(int seed)
    {
        manual_seed(seed);
        var m = new Seq2SeqTransformer(Tiny);
        using var _ = no_grad();
        foreach (var (name, p) in m.named_parameters())
            if (name.Contains("layer_norm")) p.copy_(name.EndsWith("weight") ? rand_like(p) + 0.5 : randn_like(p) * 0.3);
        m.eval();
        return m;
    }

    internal static (Tensor X, Tensor XLen, Tensor Y, Tensor YLen) Batch(int seed)
    {
        var g = new Random(seed);
        long[] Row(int len) => [Vocabulary.EosIndex, .. Enumerable.Range(0, len).Select(_ => (long)g.Next(4, Tiny.Words)), Vocabulary.EosIndex];
        // Rows of different lengths, so padded positions are part of what must be preserved.
        long[][] xs = [Row(7), Row(3), Row(5)], ys = [Row(4), Row(6), Row(2)];
        Tensor Pad(long[][] rows) => stack(rows.Select(r => tensor(r.Concat(Enumerable.Repeat((long)Vocabulary.PadIndex, 9 - r.Length)).ToArray())).ToArray());
        return (Pad(xs), tensor(xs.Select(r => (long)r.Length).ToArray()), Pad(ys), tensor(ys.Select(r => (long)r.Length).ToArray()));
    }

    /// <summary>The largest difference between two models' teacher-forced scores on <see cref="Batch"/>(seed).</summary>
    internal static float WorstScoreDifference(Seq2SeqTransformer a, Seq2SeqTransformer b, int seed)
    {
        var (x, xLen, y, yLen) = Batch(seed);
        using var _ = no_grad();
        using var expected = a.DecoderLogits(x, xLen, y, yLen);
        using var actual = b.DecoderLogits(x, xLen, y, yLen);
        return (actual - expected).abs().max().item<float>();
    }

    /// <summary>Incremental decoding (the key/value caches) agrees too: the same greedy answers to <see cref="Batch"/>(seed)'s sources.</summary>
    internal static void AssertSameGreedyAnswers(Seq2SeqTransformer a, Seq2SeqTransformer b, int seed)
    {
        var (x, xLen, _, _) = Batch(seed);
        var sources = Enumerable.Range(0, 3).Select(i => x[i].narrow(0, 0, xLen[i].item<long>()).data<long>().ToArray()).ToList();
        var first = GreedyDecoder.Decode(a, sources, maxLen: 20);
        var second = GreedyDecoder.Decode(b, sources, maxLen: 20);
        Assert.Equal(first.Select(s => string.Join(",", s)), second.Select(s => string.Join(",", s)));
    }

    [Theory]
    [InlineData(1, 2, 1)]
    [InlineData(2, 4, 3)]
    [InlineData(3, 2, 4)]
    public void The_deeper_model_gives_the_source_s_scores(int seed, int encoderLayers, int decoderLayers)
    {
        using var source = Source(seed);
        using var deep = ModelDeepening.Deepen(source, encoderLayers, decoderLayers);
        Assert.Equal(encoderLayers, deep.Config.EncoderLayers);
        Assert.Equal(decoderLayers, deep.Config.DecoderLayers);
        Assert.True(deep.parameters().Sum(p => p.numel()) > source.parameters().Sum(p => p.numel()) || (encoderLayers, decoderLayers) == (Tiny.EncoderLayers, Tiny.DecoderLayers));
        var worst = WorstScoreDifference(source, deep, seed);
        Assert.True(worst < 1e-4f, $"largest score difference {worst}");
        AssertSameGreedyAnswers(source, deep, seed);
    }

    [Fact]
    public void The_new_layers_learn_from_the_first_step()
    {
        using var source = Source(4);
        using var deep = ModelDeepening.Deepen(source, 3, 2);
        deep.train();
        var (x, xLen, y, yLen) = Batch(4);
        using var loss = deep.Loss(x, xLen, y, yLen);
        loss.backward();
        var grads = deep.named_parameters().ToDictionary(p => p.name, p => p.parameter.grad?.abs().sum().item<float>() ?? 0f);
        foreach (var name in new[] { "encoder.attentions.2.out_lin.weight", "encoder.ffns.2.lin2.weight", "decoder.encoder_attn.1.out_lin.weight", "decoder.ffns.1.lin2.weight" })
            Assert.True(grads[name] > 0, $"{name} gets no gradient");
    }

    [Fact]
    public void Deepening_never_removes_layers()
    {
        using var source = Source(1);
        Assert.Contains("cannot remove layers", Assert.Throws<ArgumentException>(() => ModelDeepening.Deepen(source, 1, 1)).Message);
    }

    [Fact]
    public void Export_deepens_and_records_it()
    {
        using var source = Source(5);
        var path = Path.Combine(_dir, "a.symseq");
        SymSeqCheckpoint.Save(path, source, step: 700);
        var output = Path.Combine(_dir, "deep.symseq");
        var r = CliRunner.Run("export", "--model", path, "--out", output, "--deepen", "3,2", "--fp32");
        Assert.True(r.Code == 0, r.Err);
        using var deep = SymSeqCheckpoint.LoadModel(output, out var info);
        Assert.Equal((3, 2), (info.Config.EncoderLayers, info.Config.DecoderLayers));
        Assert.Equal(700, info.Step);
        Assert.Contains("2+1 layers to 3+2", info.Meta["deepened"]);
        Assert.True(WorstScoreDifference(source, deep, 5) < 1e-4f);
    }

    [Theory]
    [InlineData("6")]
    [InlineData("6,x")]
    [InlineData("0,4")]
    public void A_bad_layer_spec_is_a_clean_error(string spec)
    {
        using var source = Source(6);
        var path = Path.Combine(_dir, "b.symseq");
        SymSeqCheckpoint.Save(path, source, step: 1);
        RobustnessTests.AssertCleanError(CliRunner.Run("export", "--model", path, "--out", Path.Combine(_dir, "x.symseq"), "--deepen", spec), "--deepen");
    }
}
