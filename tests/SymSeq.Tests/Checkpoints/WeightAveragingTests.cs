using SymSeq.Checkpoints;
using SymSeq.Model;
using SymSeq.Tests.Cli;
using static TorchSharp.torch;

namespace SymSeq.Tests.Checkpoints;

/// <summary>Averaging models gives the mean of every weight, refuses models of different shapes, and serves `export`.</summary>
[Collection("torch")]
public sealed class WeightAveragingTests : IDisposable
{
    private static readonly ModelConfig Tiny = new() { EmbDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1, MaxPositions = 64 };
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-average-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Save(string name, ModelConfig config, int seed)
    {
        manual_seed(seed);
        using var m = new Seq2SeqTransformer(config);
        var path = Path.Combine(_dir, name);
        SymSeqCheckpoint.Save(path, m, step: seed * 100);
        return path;
    }

    [Fact]
    public void Every_weight_is_the_mean_of_the_sources()
    {
        var paths = new[] { Save("a.symseq", Tiny, 1), Save("b.symseq", Tiny, 2), Save("c.symseq", Tiny, 3) };
        var sources = paths.Select(SymSeqCheckpoint.Read).ToList();
        using var averaged = WeightAveraging.Average(paths, out var step);
        Assert.Equal(300, step);
        var checkedCount = 0;
        foreach (var (name, value) in averaged.state_dict())
        {
            using var expected = (sources[0].Tensors[name] + sources[1].Tensors[name] + sources[2].Tensors[name]) / 3;
            Assert.True(value.allclose(expected, rtol: 1e-5, atol: 1e-6), $"{name} is not the mean of the three models");
            // The sources differ, so the mean is not just one of them.
            if (!sources[0].Tensors[name].allclose(sources[1].Tensors[name])) Assert.False(value.allclose(sources[0].Tensors[name]), name);
            checkedCount++;
        }
        Assert.True(checkedCount > 10);
        foreach (var s in sources) foreach (var t in s.Tensors.Values) t.Dispose();
    }

    [Fact]
    public void Models_of_different_shapes_are_refused_by_name()
    {
        var a = Save("a.symseq", Tiny, 1);
        var b = Save("wide.symseq", Tiny with { EmbDim = 32 }, 2);
        var e = Assert.Throws<FormatException>(() => WeightAveraging.Average([a, b], out _));
        Assert.Contains("wide.symseq", e.Message);
        Assert.Contains("another model shape", e.Message);
    }

    [Fact]
    public void Export_averages_a_comma_separated_list_and_says_so()
    {
        var a = Save("a.symseq", Tiny, 1);
        var b = Save("b.symseq", Tiny, 2);
        var output = Path.Combine(_dir, "mean.symseq");
        var r = CliRunner.Run("export", "--model", $"{a},{b}", "--out", output);
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("the mean of 2 models", r.Out);
        var (info, tensors) = SymSeqCheckpoint.Read(output);
        var (_, ta) = SymSeqCheckpoint.Read(a);
        var (_, tb) = SymSeqCheckpoint.Read(b);
        var name = ta.Keys.First(k => k.Contains("embeddings"));
        using var mean = (ta[name] + tb[name]) / 2;
        Assert.True(tensors[name].allclose(mean, rtol: 1e-2, atol: 1e-3)); // float16 on disk
        Assert.Contains("averaged", info.Meta.Keys);
        foreach (var t in tensors.Values.Concat(ta.Values).Concat(tb.Values)) t.Dispose();
    }

    [Fact]
    public void A_missing_source_is_a_clean_error() =>
        RobustnessTests.AssertCleanError(CliRunner.Run("export", "--model", $"{Save("a.symseq", Tiny, 1)},{Path.Combine(_dir, "nope.symseq")}",
            "--out", Path.Combine(_dir, "x.symseq")), "nope.symseq");
}
