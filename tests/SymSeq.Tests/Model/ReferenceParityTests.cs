using System.Text.Json;
using SymSeq.Checkpoints;
using SymSeq.Model;
using SymSeq.Search;
using static TorchSharp.torch;

namespace SymSeq.Tests.Model;

/// <summary>Parity with the paper's own transformer, run on known weights (tests/fixtures/reference).</summary>
[Collection("torch")]
public class ReferenceParityTests
{
    private static readonly JsonElement Expected =
        JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("reference/tiny_expected.json"))).RootElement;

    private static long[] Ids(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt64()).ToArray();

    private static float[,] Matrix(JsonElement e)
    {
        var rows = e.EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray();
        var m = new float[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++) for (var j = 0; j < rows[0].Length; j++) m[i, j] = rows[i][j];
        return m;
    }

    private static void AssertClose(float[,] expected, Tensor actual, double tol)
    {
        Assert.Equal(new long[] { expected.GetLength(0), expected.GetLength(1) }, actual.shape);
        var a = actual.contiguous().data<float>().ToArray();
        var worst = 0.0;
        for (var i = 0; i < expected.GetLength(0); i++)
            for (var j = 0; j < expected.GetLength(1); j++)
                worst = Math.Max(worst, Math.Abs(expected[i, j] - a[i * expected.GetLength(1) + j]));
        Assert.True(worst <= tol, $"max abs difference {worst}");
    }

    [Fact]
    public void Vocabulary_is_the_papers_in_id_order()
    {
        Assert.Equal(File.ReadAllLines(TestPaths.Fixture("reference/vocab.txt")), Vocabulary.Paper.Words);
        Assert.Equal(Expected.GetProperty("config").GetProperty("n_words").GetInt32(), Vocabulary.Paper.Count);
    }

    [Theory]
    [InlineData("tiny.pth")]
    [InlineData("tiny_legacy.pth")]
    public void Encoder_outputs_and_decoder_logits_match(string file)
    {
        using var model = PaperCheckpoint.Load(TestPaths.Fixture("reference/" + file));
        model.eval();
        Assert.Equal(32, model.Config.EmbDim);
        using var _ = no_grad();
        foreach (var c in Expected.GetProperty("cases").EnumerateArray())
        {
            var src = Ids(c.GetProperty("src_ids"));
            var tgt = Ids(c.GetProperty("tgt_ids"));
            Assert.Equal(src, Vocabulary.Paper.Encode(c.GetProperty("src").GetString()!.Split(' ')));
            using var x = tensor(src).unsqueeze(0);
            using var xl = tensor(new long[] { src.Length });
            using var y = tensor(tgt).unsqueeze(0);
            using var yl = tensor(new long[] { tgt.Length });
            AssertClose(Matrix(c.GetProperty("encoder_output")), model.Encode(x, xl)[0], 1e-4);
            AssertClose(Matrix(c.GetProperty("decoder_logits")), model.DecoderLogits(x, xl, y, yl)[0], 1e-4);
        }
    }

    [Fact]
    public void Batched_padded_inputs_give_the_same_outputs_as_single_ones()
    {
        using var model = PaperCheckpoint.Load(TestPaths.Fixture("reference/tiny.pth"));
        var cases = Expected.GetProperty("cases").EnumerateArray().ToArray();
        var srcs = cases.Select(c => Ids(c.GetProperty("src_ids"))).ToList();
        var (x, xl) = SourceBatch.Make(srcs, model.Config.PadIndex);
        using var _ = no_grad();
        var enc = model.Encode(x, xl);
        for (var i = 0; i < cases.Length; i++)
            AssertClose(Matrix(cases[i].GetProperty("encoder_output")), enc[i].narrow(0, 0, srcs[i].Length), 1e-4);
    }

    [Fact]
    public void Greedy_and_beam_decoding_reproduce_the_papers_ids()
    {
        using var model = PaperCheckpoint.Load(TestPaths.Fixture("reference/tiny.pth"));
        var cases = Expected.GetProperty("cases").EnumerateArray().ToArray();
        var srcs = cases.Select(c => Ids(c.GetProperty("src_ids"))).ToList();
        var greedy = GreedyDecoder.Decode(model, srcs, maxLen: 20);
        var beams = BeamSearch.Search(model, srcs, beamSize: 3, lengthPenalty: 1.0, earlyStopping: true, maxLen: 20);
        for (var i = 0; i < cases.Length; i++)
        {
            Assert.Equal(Ids(cases[i].GetProperty("greedy_ids")), greedy[i]);
            var best = Ids(cases[i].GetProperty("beam3_best_ids"));
            Assert.Equal(best[..^1], beams[i][0].Ids); // the paper appends the closing eos to its best hypothesis
            var expectedHyps = cases[i].GetProperty("beam3_hypotheses").EnumerateArray()
                .Select(h => (Score: h.GetProperty("score").GetDouble(), Ids: Ids(h.GetProperty("ids")))).OrderByDescending(h => h.Score).ToArray();
            Assert.Equal(expectedHyps.Length, beams[i].Count);
            for (var k = 0; k < expectedHyps.Length; k++)
            {
                Assert.Equal(expectedHyps[k].Score, beams[i][k].Score, 3);
                Assert.Equal(expectedHyps[k].Ids, beams[i][k].Ids);
            }
        }
    }
}
