using SymSeq.Model;
using SymSeq.Search;

namespace SymSeq.Tests.Search;

[Collection("torch")]
public sealed class SequenceScoreTests
{
    private static readonly Vocabulary Vocab = Vocabulary.Paper;

    [Theory]
    [InlineData(3, 4f)]
    [InlineData(7, 1f)]
    public void An_answer_the_beam_found_scores_what_the_beam_gave_it(int seed, float eosBias)
    {
        // One teacher-forced pass must reproduce the score the step-by-step search (cached keys and values) gave each
        // finished hypothesis; otherwise "the reference scores above every hypothesis" would compare unlike numbers.
        const int maxLen = 40;
        using var model = BeamSearchTests.SwingingEnd(seed, eosBias);
        var sources = BeamSearchTests.Sources(6);
        var found = BeamSearch.Search(model, sources, beamSize: 4, maxLen: maxLen);
        var pairs = found.SelectMany((hyps, i) => hyps.Where(h => h.Ids.Length < maxLen - 1).Select(h => (Source: sources[i], Hyp: h))).ToList();
        Assert.True(pairs.Count >= 10, $"only {pairs.Count} hypotheses ended before the length limit");
        var scores = SequenceScore.Of(model, pairs.Select(p => p.Source).ToList(), pairs.Select(p => Vocab.Decode(p.Hyp.Ids)).ToList());
        for (var j = 0; j < pairs.Count; j++)
            Assert.Equal(pairs[j].Hyp.Score, scores[j]!.Value, 4);
        // and the score is the model's, not a constant: hypotheses of one source differ
        Assert.True(scores.Distinct().Count() > pairs.Count / 2);
    }

    [Fact]
    public void An_answer_with_a_foreign_word_or_too_long_for_the_model_has_no_score()
    {
        using var model = BeamSearchTests.SwingingEnd(3, 4f);
        var source = BeamSearchTests.Sources(1)[0];
        string[] fine = ["mul", "INT+", "2", "x"], foreign = ["mul", "INT+", "2", "zeta"];
        var tooLong = Enumerable.Repeat("x", model.Config.MaxPositions - 1).ToArray();
        var scores = SequenceScore.Of(model, [source, source, source], [fine, foreign, tooLong]);
        Assert.NotNull(scores[0]);
        Assert.True(scores[0] < 0);
        Assert.Null(scores[1]);
        Assert.Null(scores[2]);
        Assert.Throws<ArgumentException>(() => SequenceScore.Of(model, [source], [fine, fine]));
    }
}
