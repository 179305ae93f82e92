using SymSeq.Model;
using static TorchSharp.torch;

namespace SymSeq.Search;

/// <summary>A finished beam hypothesis: ids start with eos and exclude the closing eos, as in the paper.</summary>
public sealed record Hypothesis(double Score, long[] Ids);

/// <summary>
/// The paper's beam search: 2·beam candidates per step, hypotheses scored by sum of log-probabilities divided by
/// length^penalty, a sentence done when its n-best list is full and (early stopping) or no live beam can beat it.
/// Batched over sources; keys/values are cached and reordered with the beams, and a sentence leaves the batch when it
/// is done. With a <see cref="PrefixGrammar"/>,
/// every word that would make a beam's tokens malformed, or leave its expression unfinishable before the length
/// limit, is masked before the top candidates are taken; without one (the default) this is the
/// paper's search, word for word.
/// </summary>
public static class BeamSearch
{
    private sealed class NBest(int n, int maxLen, double lengthPenalty, bool earlyStopping)
    {
        public readonly List<Hypothesis> Items = [];
        private double _worst = 1e9;

        public void Add(long[] ids, double sumLogProbs)
        {
            var score = sumLogProbs / Math.Pow(ids.Length, lengthPenalty);
            if (Items.Count < n || score > _worst)
            {
                Items.Add(new Hypothesis(score, ids));
                if (Items.Count > n)
                {
                    var sorted = Items.Select((h, i) => (h.Score, i)).OrderBy(p => p.Score).ToArray();
                    Items.RemoveAt(sorted[0].i);
                    _worst = sorted[1].Score;
                }
                else _worst = Math.Min(score, _worst);
            }
        }

        public bool IsDone(double bestSumLogProbs) =>
            Items.Count >= n && (earlyStopping || _worst >= bestSumLogProbs / Math.Pow(maxLen - 1, lengthPenalty));
    }

    /// <summary>For each source, its hypotheses best first.</summary>
    public static List<List<Hypothesis>> Search(Seq2SeqTransformer model, IReadOnlyList<long[]> sources, int beamSize,
        double lengthPenalty = 1.0, bool earlyStopping = true, int maxLen = ModelConfig.MaxSequenceTokens, CancellationToken cancel = default,
        PrefixGrammar? grammar = null)
    {
        if (beamSize < 1) throw new ArgumentOutOfRangeException(nameof(beamSize), "beam size must be at least 1");
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var c = model.Config;
        maxLen = Math.Min(maxLen, c.MaxPositions); // no position past the model's table
        var bs = sources.Count;
        var words = c.Words;
        // Each source is encoded (and its cross-attention keys and values projected) once, then copied to its beams:
        // encoding beam-many copies cost beam times as much and, at beam 50 on long inputs, seconds before the first step.
        var (x, xlen) = SourceBatch.Make(sources, c.PadIndex);
        var enc = model.Encode(x, xlen);
        using var state = model.Decoder.StartDecoding(enc, xlen, model.Precision);
        using (var copies = arange(bs, ScalarType.Int64).repeat_interleave(beamSize)) state.Reorder(copies);

        // Rows are grouped by sentence, beamSize rows each; active[g] is the sentence of group g. A sentence that is done
        // leaves the batch at once: one long hypothesis then decodes alone instead of holding every finished sentence's
        // rows (and their growing caches) to the length limit.
        var active = Enumerable.Range(0, bs).ToList();
        var generated = Enumerable.Range(0, bs * beamSize).Select(_ => new List<long> { c.EosIndex }).ToArray();
        var beamScores = new double[bs * beamSize];
        for (var i = 0; i < bs; i++)
            for (var b = 1; b < beamSize; b++) beamScores[i * beamSize + b] = -1e9;
        var hyps = Enumerable.Range(0, bs).Select(_ => new NBest(beamSize, maxLen, lengthPenalty, earlyStopping)).ToArray();
        var done = new bool[bs];
        var last = tensor(Enumerable.Repeat((long)c.EosIndex, bs * beamSize).ToArray());
        if (grammar is not null && grammar.Words != words)
            throw new ArgumentException($"the grammar has {grammar.Words} words, the model {words}");
        var states = Enumerable.Repeat(PrefixGrammar.Start, bs * beamSize).ToArray();
        var mask = new float[grammar is null ? 0 : bs * beamSize * words];

        for (var curLen = 1; curLen < maxLen; curLen++)
        {
            cancel.ThrowIfCancellationRequested();
            using var step = NewDisposeScope();
            var groups = active.Count;
            var rows = groups * beamSize;
            var logProbs = model.Decoder.Step(last, curLen - 1, state, model.Precision).log_softmax(-1);
            if (grammar is not null)
            {
                if (mask.Length != rows * words) mask = new float[rows * words];
                // the word written now is at position curLen; the last one before the limit is at maxLen - 2
                for (var r = 0; r < rows; r++) grammar.FillMask(states[r], maxLen - 2 - curLen, mask.AsSpan(r * words, words));
                logProbs = logProbs + tensor(mask, [rows, words]).to_type(logProbs.dtype);
            }
            var scores = (logProbs + tensor(beamScores.Select(v => (float)v).ToArray()).unsqueeze(1)).view(groups, beamSize * words);
            var (topScores, topIds) = scores.topk(2 * beamSize, 1, largest: true, sorted: true);
            var ts = topScores.data<float>().ToArray();
            var ti = topIds.data<long>().ToArray();

            var nextScores = new double[rows];
            var nextWords = new long[rows];
            var nextRows = new long[rows];
            var nextStates = new PrefixGrammar.State[rows];
            for (var g = 0; g < groups; g++)
            {
                var s = active[g];
                var row = ts.AsSpan(g * 2 * beamSize, 2 * beamSize);
                var best = double.NegativeInfinity;
                foreach (var v in row) best = Math.Max(best, v);
                done[s] = done[s] || hyps[s].IsDone(best);
                var filled = 0;
                if (!done[s])
                {
                    for (var k = 0; k < 2 * beamSize && filled < beamSize; k++)
                    {
                        var idx = ti[g * 2 * beamSize + k];
                        var beam = (int)(idx / words);
                        var word = idx % words;
                        var value = (double)ts[g * 2 * beamSize + k];
                        if (grammar is not null && double.IsNegativeInfinity(value)) break; // the grammar allows no more words
                        var source = g * beamSize + beam;
                        if (word == c.EosIndex || curLen + 1 == maxLen)
                        {
                            if (grammar is null || states[source].Complete) hyps[s].Add(generated[source].ToArray(), value);
                        }
                        else
                        {
                            var at = g * beamSize + filled++;
                            (nextScores[at], nextWords[at], nextRows[at]) = (value, word, source);
                            if (grammar is not null) nextStates[at] = grammar.Next(states[source], word);
                        }
                    }
                    // with a grammar a sentence can run out of live beams (every allowed word was an end): then it is done
                    if (grammar is not null && filled == 0) done[s] = true;
                }
                for (; filled < beamSize; filled++)
                {
                    var at = g * beamSize + filled;
                    (nextScores[at], nextWords[at], nextRows[at]) = (grammar is null ? 0 : double.NegativeInfinity, c.PadIndex, g * beamSize);
                    nextStates[at] = PrefixGrammar.DeadState;
                }
            }

            var kept = Enumerable.Range(0, rows).Where(r => !done[active[r / beamSize]]).ToArray();
            if (kept.Length == 0) break;
            var someLeave = kept.Length < rows;
            if (someLeave)
            {
                active = active.Where(s => !done[s]).ToList();
                (nextScores, nextWords, nextRows, nextStates) =
                    (Pick(nextScores, kept), Pick(nextWords, kept), Pick(nextRows, kept), Pick(nextStates, kept));
            }
            // when finished sentences leave, every cache, the source's included, keeps only the live groups' rows; else
            // beams move only within their sentence's group, whose source rows are equal copies
            using (var index = tensor(nextRows))
                if (someLeave) state.Reorder(index);
                else state.ReorderTarget(index);
            beamScores = nextScores;
            states = nextStates;
            generated = nextRows.Select((r, i) => new List<long>(generated[r]) { nextWords[i] }).ToArray();
            last.Dispose();
            last = tensor(nextWords).MoveToOuterDisposeScope();
        }
        return hyps.Select(h => h.Items.OrderByDescending(i => i.Score).ToList()).ToList();
    }

    private static T[] Pick<T>(T[] values, int[] at) => Array.ConvertAll(at, i => values[i]);
}
