using SymSeq.Model;
using SymSeq.Search;
using static TorchSharp.torch;

namespace SymSeq.Tests.Search;

[Collection("torch")]
public sealed class BeamSearchTests
{
    private static readonly Vocabulary Vocab = Vocabulary.Paper;

    /// <summary>A small untrained model in evaluation mode, its weights drawn from <paramref name="seed"/>.</summary>
    private static Seq2SeqTransformer Tiny(int seed)
    {
        manual_seed(seed);
        var m = new Seq2SeqTransformer(new ModelConfig { EmbDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1, MaxPositions = 64 });
        m.eval();
        return m;
    }

    /// <summary>A small untrained model: it writes token soup, and (if never ending) never chooses the end word.</summary>
    internal static Seq2SeqTransformer Untrained(bool neverEnding)
    {
        var m = Tiny(5);
        if (neverEnding)
            using (no_grad())
                foreach (var (name, p) in m.named_parameters())
                    if (name.EndsWith("proj.bias")) p[Vocabulary.EosIndex].fill_(-1e4);
        return m;
    }

    /// <summary>
    /// A tiny model whose end word's logit swings with the decoder's state (its output row scaled up, its bias set), so
    /// that some sentences end in a few steps and others run to the length limit.
    /// </summary>
    internal static Seq2SeqTransformer SwingingEnd(int seed, float eosBias)
    {
        var model = Tiny(seed);
        using (no_grad())
            foreach (var (name, p) in model.named_parameters())
                if (name.EndsWith("proj.bias")) p[Vocabulary.EosIndex].fill_(eosBias);
                else if (name.EndsWith("proj.weight")) p[Vocabulary.EosIndex].mul_(20);
        return model;
    }

    /// <summary>The first <paramref name="count"/> of eight short integration problems, encoded.</summary>
    internal static List<long[]> Sources(int count) => new[]
    {
        "sub Y' mul INT+ 2 x", "sub Y' exp x", "sub Y' div INT+ 1 add x INT+ 1", "sub Y' sin cos x",
        "sub Y' pow x INT+ 3", "sub Y' ln x", "sub Y' mul x cos x", "sub Y' tan mul INT+ 3 x",
    }.Take(count).Select(s => Vocab.Encode(s.Split(' '))).ToList();

    [Theory]
    [InlineData(true, 4f)]
    [InlineData(false, 0.5f)]
    public void A_sentence_searched_in_a_batch_gets_the_hypotheses_it_gets_alone(bool withGrammar, float eosBias)
    {
        // Sentences finish at different steps and leave the batch as they do; the ones still searching must not notice:
        // same hypotheses, same order, same scores as when each source is searched by itself. The end word's logit is
        // made to swing with the decoder's state (its output row scaled up), so that some sentences end in a few
        // steps and others run to the length limit.
        using var model = SwingingEnd(3, eosBias);
        var grammar = withGrammar ? PrefixGrammar.Paper : null;
        var sources = Sources(6);
        var batched = BeamSearch.Search(model, sources, beamSize: 4, maxLen: 48, grammar: grammar);
        Assert.Equal(sources.Count, batched.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            var alone = BeamSearch.Search(model, [sources[i]], beamSize: 4, maxLen: 48, grammar: grammar)[0];
            Assert.Equal(alone.Count, batched[i].Count);
            for (var k = 0; k < alone.Count; k++)
            {
                Assert.Equal(alone[k].Ids, batched[i][k].Ids);
                Assert.Equal(alone[k].Score, batched[i][k].Score, 4);
            }
        }
        var longest = batched.Select(h => h.Max(x => x.Ids.Length)).ToArray();
        Assert.True(longest.Min() < 12 && longest.Max() >= 40,
            $"longest hypotheses {string.Join(", ", longest)}: no sentence ended early while another ran on, so none left the batch");
    }

    [Theory]
    [InlineData(true, 4f)]
    [InlineData(true, 8f)]
    [InlineData(false, 2f)]
    public void Without_early_stopping_every_rank_scores_at_least_as_well_and_some_better(bool withGrammar, float eosBias)
    {
        // The two searches are the same until early stopping ends a sentence; searching on can only replace a finished
        // hypothesis by a better-scored one. So rank by rank the scores may only rise, and on sources where short
        // hypotheses finish first (the end word made likely) searching on must find better ones for some of them.
        using var model = SwingingEnd(11, eosBias);
        var grammar = withGrammar ? PrefixGrammar.Paper : null;
        var sources = Sources(8);
        var early = BeamSearch.Search(model, sources, beamSize: 4, maxLen: 40, grammar: grammar);
        var full = BeamSearch.Search(model, sources, beamSize: 4, earlyStopping: false, maxLen: 40, grammar: grammar);
        var improved = 0;
        for (var i = 0; i < sources.Count; i++)
        {
            Assert.Equal(early[i].Count, full[i].Count);
            for (var k = 0; k < early[i].Count; k++)
                Assert.True(full[i][k].Score >= early[i][k].Score - 1e-9, $"source {i}, rank {k + 1}: {full[i][k].Score} < {early[i][k].Score}");
            if (full[i].Zip(early[i]).Any(p => p.First.Score > p.Second.Score + 1e-9)) improved++;
        }
        Assert.True(improved > 0, "searching on found nothing better for any source: the option would do nothing here");
    }
}
