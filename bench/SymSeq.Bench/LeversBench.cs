using System.Diagnostics;
using SymSeq.Checkpoints;
using SymSeq.Expressions;
using SymSeq.Generation;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Training;
using static TorchSharp.torch;

namespace SymSeq.Bench;

/// <summary>
/// The training levers of issue 14, each changed on its own against one baseline, through the trainer's own
/// Run: the learned-positions table sized to the data's real length instead of 4,096 rows, a curriculum by length,
/// the batch size at an equal token budget, and the learning-rate schedule. Part 1 times the shipped model's size
/// (emb 256, 4+4 layers) with both position tables; part 2 trains a small model (emb 64, 2+2) on generated BWD data
/// (max 6 operators) per lever and seed and reports the teacher-forced validation loss and greedy exact match.
/// Small models settle a lever's direction cheaply; its size at full scale is not measured here.
/// </summary>
public static class LeversBench
{
    private sealed record Variant(string Name, Func<TrainOptions, TrainOptions> Change);

    public static void Run(int steps, int threads, int seeds)
    {
        set_num_threads(threads);
        PositionsAtFullSize(threads);

        var dir = Directory.CreateTempSubdirectory("symseq-levers-").FullName;
        try
        {
            var (train, valid) = Data(dir, 30_000, 500);
            var trainExamples = TrainingData.Read(train, Vocabulary.Paper);
            var longest = trainExamples.Max(e => Math.Max(e.Src.Length, e.Tgt.Length));
            var positions = 1 << (int)Math.Ceiling(Math.Log2(longest));
            Console.WriteLine($"part 2: small model (emb 64, 2+2 layers, 4 heads) on 30,000 generated BWD pairs (max 6 operators, longest sequence {longest} tokens), " +
                              $"500 validation pairs; {steps} steps of 2,000 tokens, lr 1e-3 with 50 warm-up steps, constant; {seeds} seeds, {threads} thread(s)");
            var baseline = new TrainOptions
            {
                TrainFiles = [train], ValidFiles = [valid], OutDir = "", TokensPerBatch = 2000, LearningRate = 1e-3, WarmupSteps = 50,
                MaxSteps = steps, EvalEvery = steps, ValidLimit = 500, Threads = threads, Precision = PrecisionExtensions.Default(),
                Model = new ModelConfig { EmbDim = 64, EncoderLayers = 2, DecoderLayers = 2, Heads = 4 },
            };
            Variant[] variants =
            [
                new("baseline (4,096 positions)", o => o),
                new($"positions table {positions} rows", o => o with { Model = o.Model with { MaxPositions = positions } }),
                new($"curriculum by length, first {steps / 2} steps", o => o with { CurriculumSteps = steps / 2 }),
                new("batch 1,000 tokens (2x steps)", o => o with { TokensPerBatch = 1000, MaxSteps = 2L * steps, EvalEvery = 2 * steps }),
                new("batch 4,000 tokens (steps / 2)", o => o with { TokensPerBatch = 4000, MaxSteps = steps / 2, EvalEvery = steps / 2 }),
                new("cosine decay to lr/10", o => o with { Schedule = LearningRateSchedule.Cosine }),
                new("no warm-up", o => o with { WarmupSteps = 0 }),
            ];
            Console.WriteLine($"{"lever",-40} {"valid loss",12} {"exact match",12} {"train s",9} {"tokens/s",9} {"parameters",11}");
            var validExamples = TrainingData.Read(valid, Vocabulary.Paper);
            foreach (var v in variants)
            {
                var losses = new List<double>();
                var exact = new List<double>();
                var seconds = new List<double>();
                var rates = new List<double>();
                long parameters = 0;
                for (var seed = 0; seed < seeds; seed++)
                {
                    var o = v.Change(baseline) with { Seed = seed, OutDir = Path.Combine(dir, $"run-{seeds}-{seed}-{Math.Abs(v.Name.GetHashCode())}") };
                    var sw = Stopwatch.StartNew();
                    var r = new Trainer(o).Run(CancellationToken.None);
                    seconds.Add(sw.Elapsed.TotalSeconds);
                    exact.Add(r.ValidAccuracy ?? double.NaN);
                    using var model = SymSeqCheckpoint.LoadModel(r.CheckpointPath);
                    parameters = model.parameters().Sum(p => p.numel());
                    losses.Add(ValidationLoss(model, validExamples));
                    var log = File.ReadLines(Path.Combine(o.OutDir, "train_log.csv")).Last().Split(',');
                    rates.Add(double.Parse(log[4], System.Globalization.CultureInfo.InvariantCulture));
                }
                Console.WriteLine($"{v.Name,-40} {losses.Average(),12:F4} {exact.Average(),12:P1} {seconds.Average(),9:F0} {rates.Average(),9:N0} {parameters,11:N0}" +
                                  (seeds > 1 ? $"   (loss by seed: {string.Join(", ", losses.Select(l => l.ToString("F4")))})" : ""));
            }
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>Mean teacher-forced cross-entropy per target token.</summary>
    public static double ValidationLoss(Seq2SeqTransformer model, IReadOnlyList<TrainExample> data)
    {
        model.eval();
        using var _ = no_grad();
        double sum = 0;
        long tokens = 0;
        foreach (var batch in Batcher.Make(data, 4000, new Random(0)))
        {
            using var scope = NewDisposeScope();
            var (x, xl) = SourceBatch.Make(batch.Select(e => e.Src).ToList(), model.Config.PadIndex, CPU);
            var (y, yl) = SourceBatch.Make(batch.Select(e => e.Tgt).ToList(), model.Config.PadIndex, CPU);
            var n = batch.Sum(e => e.Tgt.Length - 1);
            sum += model.Loss(x, xl, y, yl).item<float>() * n;
            tokens += n;
        }
        return sum / tokens;
    }

    /// <summary>
    /// Distinct generated pairs of <paramref name="task"/> (max 6 operators, seed 11) in DIR/TASK.train and DIR/TASK.valid.
    /// Tasks whose draws repeat (ibp) may give fewer than asked: at most 50 draws per pair are tried.
    /// </summary>
    public static (string Train, string Valid) Data(string dir, int train, int valid, string task = "bwd")
    {
        var generator = ProblemGenerators.Create(task, new GeneratorContext(ExpressionOptions.Default with { MaxOps = 6 }));
        var rng = new Random(11);
        var seen = new HashSet<string>();
        var lines = new List<string>();
        for (long draws = 0; lines.Count < train + valid && draws < 50L * (train + valid); draws++)
            if (generator.TryGenerate(rng, out _) is { } ex)
            {
                var input = string.Join(' ', ex.InputTokens);
                if (seen.Add(input)) lines.Add($"1|{input}\t{string.Join(' ', ex.OutputTokens)}");
            }
        var (t, v) = (Path.Combine(dir, $"{task}.train"), Path.Combine(dir, $"{task}.valid"));
        var nValid = Math.Min(valid, lines.Count / 10);
        File.WriteAllLines(t, lines.Take(lines.Count - nValid));
        File.WriteAllLines(v, lines.Skip(lines.Count - nValid));
        return (t, v);
    }

    /// <summary>Training-step time of the shipped size with the paper's 4,096 positions and with 512, interleaved.</summary>
    private static void PositionsAtFullSize(int threads)
    {
        const int batch = 32, srcLen = 60, tgtLen = 40, steps = 12, warmup = 2;
        var rows = new[] { 4096, 512 };
        var models = rows.Select(r =>
        {
            manual_seed(0);
            var m = new Seq2SeqTransformer(new ModelConfig { EmbDim = 256, EncoderLayers = 4, DecoderLayers = 4, Heads = 4, MaxPositions = r })
                { Precision = PrecisionExtensions.Default() };
            return (Rows: r, Model: m, Adam: new AdamOptimizer(m.named_parameters().Select(n => (n.name, (Tensor)n.parameter)), 1e-4), Times: new List<double>());
        }).ToArray();
        using var x = randint(15, 91, [batch, srcLen]);
        using var y = randint(15, 91, [batch, tgtLen]);
        using var xl = full(batch, (long)srcLen, ScalarType.Int64);
        using var yl = full(batch, (long)tgtLen, ScalarType.Int64);
        for (var s = 0; s < steps + warmup; s++)
            foreach (var m in s % 2 == 0 ? models : models.Reverse())
            {
                var sw = Stopwatch.StartNew();
                using (var scope = NewDisposeScope()) m.Model.Loss(x, xl, y, yl).backward();
                m.Adam.Step(5.0);
                if (s >= warmup) m.Times.Add(sw.Elapsed.TotalSeconds);
            }
        Console.WriteLine($"part 1: emb 256, 4+4 layers, batch {batch}x({srcLen}+{tgtLen}) tokens, {PrecisionExtensions.Default()}, {threads} thread(s), {steps} interleaved steps each");
        foreach (var m in models)
        {
            var t = m.Times.Order().ToList();
            Console.WriteLine($"  {m.Rows,5} position rows: {m.Model.parameters().Sum(p => p.numel()):N0} parameters, median {t[t.Count / 2] * 1000:F0} ms/step");
            m.Adam.Dispose();
            m.Model.Dispose();
        }
    }
}
