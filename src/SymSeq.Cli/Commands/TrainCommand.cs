using SymSeq.Model;
using SymSeq.Training;

namespace SymSeq.Cli.Commands;

public sealed class TrainCommand : CliApp.ICommand
{
    public string Name => "train";
    public string Summary => "train a transformer on prefix datasets (the paper's or generated ones)";
    public IReadOnlyList<string> Flags => ["resume"];
    public string Usage => """
        symseq train --data DIR --tasks bwd,ibp --out RUN [options]
        symseq train --train FILE[,FILE] [--valid FILE[,FILE]] --out RUN [options]

          --data DIR          folder with TASK.train and TASK.valid (from `symseq split`) for each task
          --tasks LIST        tasks to train on together (default bwd)
          --out RUN           run folder: checkpoint.symseq, train_log.csv, loss.png
          --emb-dim N         embedding size (default 256; the paper used 512 or 1024)
          --layers N          encoder and decoder layers (default 4; the paper used 6)
          --heads N           attention heads (default 4; the paper used 8)
          --tokens-per-batch  token budget of a batch (default 4000)
          --lr X              Adam learning rate (default 1e-4)
          --warmup N          linear learning-rate warm-up over N steps (default 0: constant rate)
          --clip X            gradient norm clipping (default 5)
          --steps N           optimizer steps (default 10000)
          --eval-every N      validate and checkpoint every N steps (default 500)
          --valid-limit N     validation examples used from each valid file (default 500)
          --precision P       fp32 | bf16 (default bf16 where the CPU supports it)
          --device D          cpu | cuda (default cpu)
          --threads N         intra-op threads (default: all cores)
          --seed S            (default 0)
          --resume            continue from RUN/checkpoint.symseq (its step, optimizer state and log)
          --init MODEL        warm start: the weights (and architecture) of MODEL, fresh optimizer, step 0
          --schedule S        constant (default) | cosine: after warm-up, decay to a tenth of --lr at --steps

        The run folder is locked while a run uses it; a NaN loss stops the run and keeps the last checkpoint.
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var dir = args.String("data");
        var tasks = (args.String("tasks") ?? "bwd").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var train = args.String("train")?.Split(',') ?? (dir is null ? throw new UsageException("give --data DIR or --train FILE") : tasks.Select(t => Path.Combine(dir, t + ".train")).ToArray());
        var valid = args.String("valid")?.Split(',') ?? (dir is null ? [] : tasks.Select(t => Path.Combine(dir, t + ".valid")).Where(File.Exists).ToArray());
        var layers = args.Int("layers", 4, 1, 64);
        var options = new TrainOptions
        {
            TrainFiles = train,
            ValidFiles = valid,
            OutDir = args.Required("out"),
            Model = new ModelConfig { EmbDim = args.Int("emb-dim", 256, 8, 8192), EncoderLayers = layers, DecoderLayers = layers, Heads = args.Int("heads", 4, 1, 64) },
            TokensPerBatch = args.Int("tokens-per-batch", 4000, 16),
            LearningRate = args.Double("lr", 1e-4),
            ClipNorm = args.Double("clip", 5),
            WarmupSteps = args.Int("warmup", 0, 0),
            MaxSteps = args.Long("steps", 10_000, 1),
            EvalEvery = args.Int("eval-every", 500, 1),
            ValidLimit = args.Int("valid-limit", 500, 0),
            Precision = args.String("precision") is { } p ? PrecisionExtensions.Parse(p) : PrecisionExtensions.Default(),
            Device = args.String("device") ?? "cpu",
            Threads = args.Int("threads", Environment.ProcessorCount, 1, 1024),
            Seed = args.Int("seed", 0),
            Resume = args.Flag("resume"),
            InitFrom = args.String("init"),
            Schedule = (args.String("schedule") ?? "constant") switch
            {
                "constant" => LearningRateSchedule.Constant,
                "cosine" => LearningRateSchedule.Cosine,
                var s => throw new UsageException($"--schedule must be constant or cosine, got '{s}'"),
            },
        };
        args.EnsureAllUsed();
        options.Validate();
        var trainer = new Trainer(options);
        stderr.WriteLine($"training {options.Model} in {options.Precision} on {string.Join(", ", train)}");
        var r = trainer.Run(cancel, line => stderr.WriteLine(line));
        stdout.WriteLine($"{(r.Interrupted ? "interrupted" : "finished")} at step {r.Steps}: loss {r.LastLoss:F4}" +
                         (r.ValidAccuracy is { } a ? $", valid exact match {a:P1}" : "") + $"; checkpoint {r.CheckpointPath}");
        return Task.FromResult(r.Interrupted ? 130 : 0);
    }
}
