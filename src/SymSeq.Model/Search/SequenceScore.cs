using SymSeq.Model;
using static TorchSharp.torch;

namespace SymSeq.Search;

/// <summary>
/// The score beam search would give a given answer: the sum of the log-probabilities of its tokens and of the closing
/// end word, read off one teacher-forced pass, divided by its length as <see cref="BeamSearch"/> divides (tokens + 1,
/// length penalty 1). Scoring a test set's reference answer this way tells a search error (the reference scores above
/// every hypothesis the beam kept, so a wider or longer search would have found it) from a model error (the model
/// prefers its own wrong answers).
/// </summary>
public static class SequenceScore
{
    /// <summary>
    /// One score per pair; null where the answer has a word outside the model's vocabulary or does not fit its
    /// positions (such an answer the beam could never have written).
    /// </summary>
    public static double?[] Of(Seq2SeqTransformer model, IReadOnlyList<long[]> sources, IReadOnlyList<string[]> answers)
    {
        if (sources.Count != answers.Count) throw new ArgumentException($"{sources.Count} sources but {answers.Count} answers");
        var c = model.Config;
        var vocab = Vocabulary.Paper;
        var scores = new double?[answers.Count];
        var fit = Enumerable.Range(0, answers.Count)
            .Where(i => answers[i].Length + 2 <= c.MaxPositions && sources[i].Length <= c.MaxPositions && answers[i].All(vocab.Contains)).ToList();
        if (fit.Count == 0) return scores;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var targets = fit.Select(i => vocab.Encode(answers[i])).ToList();   // eos, the answer's words, eos
        var (x, xl) = SourceBatch.Make(fit.Select(i => sources[i]).ToList(), c.PadIndex);
        var (y, yl) = SourceBatch.Make(targets, c.PadIndex);
        var logProbs = model.DecoderLogits(x, xl, y, yl).to_type(ScalarType.Float32).log_softmax(-1);   // (n, tlen, words)
        var next = y.narrow(1, 1, y.shape[1] - 1).unsqueeze(2);                                          // the word after each prefix
        var picked = logProbs.narrow(1, 0, y.shape[1] - 1).gather(2, next).squeeze(2).data<float>().ToArray();
        var width = (int)y.shape[1] - 1;
        for (var j = 0; j < fit.Count; j++)
        {
            var steps = targets[j].Length - 1;   // the answer's words and the closing eos
            double sum = 0;
            for (var t = 0; t < steps; t++) sum += picked[j * width + t];
            scores[fit[j]] = sum / steps;
        }
        return scores;
    }
}
