using SymSeq.Model;
using SymSeq.Search;
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
}
