using SymSeq.Checkpoints;
using SymSeq.Model;
using SymSeq.Tests.Checkpoints;
using static TorchSharp.torch;

namespace SymSeq.Tests.Model;

/// <summary>
/// A model built from a checkpoint's tensors (no fresh initialisation) is the model that was saved, and a tensor of
/// the wrong name, shape or type is refused by name, as the copy into a fresh model refused it.
/// </summary>
[Collection("torch")]
public sealed class InitialWeightsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-weights-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Dictionary<string, Tensor> Copies(Seq2SeqTransformer m) =>
        m.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.detach().clone());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_saved_model_loads_with_the_same_weights_and_answers(bool half)
    {
        using var source = ModelDeepeningTests.Source(11);
        var path = Path.Combine(_dir, $"m{half}.symseq");
        SymSeqCheckpoint.Save(path, source, step: 5, half: half);
        using var loaded = SymSeqCheckpoint.LoadModel(path);

        Assert.Equal(source.state_dict().Keys.Order(), loaded.state_dict().Keys.Order());
        foreach (var (name, p) in loaded.named_parameters())
        {
            Assert.Equal(TorchSharp.DeviceType.CPU, p.device_type);
            Assert.Equal(ScalarType.Float32, p.dtype);
            var expected = half ? source.state_dict()[name].to(ScalarType.Float16).to(ScalarType.Float32) : source.state_dict()[name];
            Assert.True(p.allclose(expected, rtol: 0, atol: 0), $"{name} differs after the load");
        }
        // the tied output embedding is still the decoder's embedding table, one tensor
        Assert.Equal(source.parameters().Count(), loaded.parameters().Count());
        if (!half) Assert.Equal(0f, ModelDeepeningTests.WorstScoreDifference(source, loaded, 3));
        ModelDeepeningTests.AssertSameGreedyAnswers(source, loaded, 4);
    }

    [Fact]
    public void A_loaded_model_trains_as_a_fresh_one_does()
    {
        using var source = ModelDeepeningTests.Source(12);
        var path = Path.Combine(_dir, "t.symseq");
        SymSeqCheckpoint.Save(path, source, step: 1);
        using var loaded = SymSeqCheckpoint.LoadModel(path);
        loaded.train();
        var (x, xLen, y, yLen) = ModelDeepeningTests.Batch(5);
        using var loss = loaded.Loss(x, xLen, y, yLen);
        loss.backward();
        Assert.All(loaded.named_parameters(), np => Assert.True(np.parameter.grad is not null, $"{np.name} has no gradient"));
    }

    [Fact]
    public void A_tensor_of_another_shape_is_named_with_both_shapes()
    {
        using var source = ModelDeepeningTests.Source(13);
        var tensors = Copies(source);
        tensors["decoder.ffns.0.lin1.weight"] = zeros(3, 16);
        var e = Assert.Throws<FormatException>(() => new Seq2SeqTransformer(ModelDeepeningTests.Tiny, InitialWeights.From(tensors, "bad.symseq")));
        Assert.Contains("'bad.symseq'", e.Message);
        Assert.Contains("decoder.ffns.0.lin1.weight has shape [3, 16], expected [64, 16]", e.Message);
    }

    [Fact]
    public void A_missing_tensor_is_named()
    {
        using var source = ModelDeepeningTests.Source(14);
        var tensors = Copies(source);
        tensors.Remove("encoder.layer_norm2.1.bias");
        var e = Assert.Throws<FormatException>(() => new Seq2SeqTransformer(ModelDeepeningTests.Tiny, InitialWeights.From(tensors, "cut.symseq")));
        Assert.Contains("missing parameter encoder.layer_norm2.1.bias", e.Message);
    }

    [Fact]
    public void A_tensor_of_another_type_is_refused()
    {
        using var source = ModelDeepeningTests.Source(15);
        var tensors = Copies(source);
        tensors["encoder.embeddings.weight"] = tensors["encoder.embeddings.weight"].to(ScalarType.Float64);
        var e = Assert.Throws<FormatException>(() => new Seq2SeqTransformer(ModelDeepeningTests.Tiny, InitialWeights.From(tensors, "f64.symseq")));
        Assert.Contains("encoder.embeddings.weight is Float64, expected float32", e.Message);
    }

    [Fact]
    public void Fresh_weights_follow_the_papers_initialisation()
    {
        manual_seed(16);
        using var m = new Seq2SeqTransformer(new ModelConfig { EmbDim = 64, Heads = 4, EncoderLayers = 1, DecoderLayers = 1, MaxPositions = 512 });
        var w = m.state_dict();
        // embeddings N(0, dim^-1/2), the padding row zero
        var std = w["encoder.position_embeddings.weight"].std().item<float>();
        Assert.InRange(std, 0.125 * 0.95, 0.125 * 1.05);
        Assert.Equal(0f, w["decoder.embeddings.weight"][Vocabulary.PadIndex].abs().sum().item<float>());
        // layer norms start as the identity
        Assert.True(w["decoder.layer_norm1.0.weight"].allclose(ones(64), rtol: 0, atol: 0));
        Assert.True(w["decoder.layer_norm1.0.bias"].allclose(zeros(64), rtol: 0, atol: 0));
    }
}
