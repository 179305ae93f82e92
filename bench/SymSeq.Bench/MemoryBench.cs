using System.Diagnostics;
using SymSeq.Expressions;
using SymSeq.Generation;
using SymSeq.Model;
using SymSeq.Training;
using static TorchSharp.torch;

namespace SymSeq.Bench;

/// <summary>
/// Long-run behaviour of the training loop on real generated data: the padding share of token-budget batches,
/// and resident memory sampled every tenth of a long run of the trainer's own step (it should stay flat:
/// every step runs in its own dispose scope). A small model keeps 10,000 steps within minutes.
/// </summary>
public static class MemoryBench
{
    public static void Run(int steps, int threads, int tokensPerBatch = 2000)
    {
        set_num_threads(threads);
        var context = new GeneratorContext(ExpressionOptions.Default with { MaxOps = 8 });
        var bwd = new BackwardGenerator(context);
        var rng = new Random(3);
        var vocab = Vocabulary.Paper;
        var data = new List<TrainExample>();
        while (data.Count < 20_000)
            if (bwd.TryGenerate(rng, out _) is { } ex) data.Add(new TrainExample(vocab.Encode(ex.InputTokens), vocab.Encode(ex.OutputTokens)));
        var batches = Batcher.Make(data, tokensPerBatch, new Random(0));
        Console.WriteLine($"token-budget batches of {tokensPerBatch} tokens over 20,000 BWD examples (max 8 ops): {batches.Count} batches, " +
                          $"{batches.Average(b => b.Length):F0} examples each, padding {Batcher.PaddingFraction(batches):P1} of tokens");

        var config = new ModelConfig { EmbDim = 64, EncoderLayers = 2, DecoderLayers = 2, Heads = 4 };
        manual_seed(0);
        using var model = new Seq2SeqTransformer(config) { Precision = PrecisionExtensions.Default() };
        using var adam = new AdamOptimizer(model.named_parameters().Select(n => (n.name, (Tensor)n.parameter)), 1e-3);
        var sw = Stopwatch.StartNew();
        var samples = new List<(int Step, long Rss)>();
        for (var s = 1; s <= steps; s++)
        {
            Trainer.Step(model, adam, batches[s % batches.Count], 5.0, CPU);
            if (s % Math.Max(1, steps / 10) == 0)
            {
                var rss = Rss();
                samples.Add((s, rss));
                Console.WriteLine($"  step {s,6}: RSS {rss / (1 << 20):N0} MiB  ({sw.Elapsed.TotalSeconds:F0} s)");
            }
        }
        if (samples.Count >= 2)
            Console.WriteLine($"RSS from step {samples[0].Step} to {samples[^1].Step}: {samples[0].Rss / (1 << 20):N0} -> {samples[^1].Rss / (1 << 20):N0} MiB " +
                              $"({(samples[^1].Rss - samples[0].Rss) / (double)(1 << 20):+0;-0} MiB); peak {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MiB");
    }

    private static long Rss()
    {
        using var p = Process.GetCurrentProcess();
        p.Refresh();
        return p.WorkingSet64;
    }
}
