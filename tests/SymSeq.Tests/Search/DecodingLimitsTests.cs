using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Training;
using static TorchSharp.torch;

namespace SymSeq.Tests.Search;

/// <summary>A model with a short positions table (sized to its data) decodes up to its table, never past it.</summary>
[Collection("torch")]
public sealed class DecodingLimitsTests
{
    private static Seq2SeqTransformer Untrained(int positions)
    {
        manual_seed(3);
        var m = new Seq2SeqTransformer(new ModelConfig { EmbDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1, MaxPositions = positions });
        m.eval();
        return m;
    }

    /// <summary>An untrained model whose end-of-sequence logit is far below the rest: it writes until it is stopped.</summary>
    private static Seq2SeqTransformer NeverEnding(int positions)
    {
        var m = Untrained(positions);
        using (no_grad())
            foreach (var (name, p) in m.named_parameters())
                if (name.EndsWith("proj.bias")) p[Vocabulary.EosIndex].fill_(-1e4);
        return m;
    }

    [Fact]
    public void Greedy_and_beam_search_stop_at_the_positions_table()
    {
        using var model = Untrained(16);
        var source = Vocabulary.Paper.Encode("sub Y' mul INT+ 2 x".Split(' '));
        // An untrained model rarely ends early, so decoding runs into the limit; a cut output is closed with an
        // end-of-sequence token that is never fed back, hence one more than the table's 16 positions.
        var greedy = GreedyDecoder.Decode(model, [source], maxLen: 200);
        Assert.InRange(greedy[0].Length, 1, 17);
        var beams = BeamSearch.Search(model, [source], beamSize: 3, maxLen: 200);
        Assert.All(beams[0], h => Assert.InRange(h.Ids.Length, 1, 17));
    }

    [Fact]
    public void By_default_decoding_writes_answers_as_long_as_training_reads()
    {
        // Training keeps examples up to 512 tokens (the paper's max_len); 4% of the FWD test answers are longer than
        // 200 tokens, the cap decoding had before, so those could never be written.
        using var model = NeverEnding(4096);
        var source = Vocabulary.Paper.Encode("sub Y' mul INT+ 2 x".Split(' '));
        var greedy = GreedyDecoder.Decode(model, [source]);
        // as above, a cut output is closed with one end-of-sequence token more
        Assert.Equal(ModelConfig.MaxSequenceTokens + 1, greedy[0].Length);
        var beams = BeamSearch.Search(model, [source], beamSize: 2);
        Assert.All(beams[0], h => Assert.InRange(h.Ids.Length, ModelConfig.MaxSequenceTokens - 1, ModelConfig.MaxSequenceTokens + 1));
        Assert.Equal(ModelConfig.MaxSequenceTokens, new TrainOptions { TrainFiles = [], OutDir = "unused" }.MaxLen);
        Assert.Equal(ModelConfig.MaxSequenceTokens, new HybridOptions().MaxAnswerTokens);
    }
}
