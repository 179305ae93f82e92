using System.CommandLine;
using SymSeq.Model;
using SymSeq.Training;

namespace SymSeq.Cli.Commands;

public sealed class TrainCommand : CliApp.ICommand
{
    public string Name => "train";
    public string Summary => "train a transformer on prefix datasets (the paper's or generated ones)";

    private readonly Option<string?> _data = Opt.Text("--data", "folder with TASK.train and TASK.valid (from `symseq split`) for each task", "DIR");
    private readonly Option<string> _tasks = new("--tasks") { Description = "tasks to train on together, with --data", HelpName = "LIST", DefaultValueFactory = _ => "bwd" };
    private readonly Option<string?> _train = Opt.Text("--train", "training files (instead of --data; repeat a file to weight it)", "FILE[,FILE]");
    private readonly Option<string?> _valid = Opt.Text("--valid", "validation files", "FILE[,FILE]");
    private readonly Option<string> _out = Opt.Required("--out", "run folder: checkpoint.symseq, train_log.csv, loss.png", "RUN");
    private readonly Option<int> _embDim = Opt.Int("--emb-dim", 256, "embedding size (the paper used 512 or 1024)", 8, 8192);
    private readonly Option<int> _layers = Opt.Int("--layers", 4, "encoder and decoder layers (the paper used 6)", 1, 64);
    private readonly Option<int> _heads = Opt.Int("--heads", 4, "attention heads (the paper used 8)", 1, 64);
    private readonly Option<int> _tokens = Opt.Int("--tokens-per-batch", 4000, "token budget of a batch", 16);
    private readonly Option<double> _lr = Opt.Number("--lr", 1e-4, "Adam learning rate");
    private readonly Option<int> _warmup = Opt.Int("--warmup", 0, "linear learning-rate warm-up over N steps (0: constant rate)", 0);
    private readonly Option<double> _clip = Opt.Number("--clip", 5, "gradient norm clipping");
    private readonly Option<long> _steps = Opt.Long("--steps", 10_000, "optimizer steps", 1);
    private readonly Option<int> _evalEvery = Opt.Int("--eval-every", 500, "validate and checkpoint every N steps", 1);
    private readonly Option<int> _validLimit = Opt.Int("--valid-limit", 500, "validation examples used from each valid file", 0);
    private readonly Option<string?> _precision = Opt.Text("--precision", "fp32 | bf16 (default bf16 where the CPU has AVX-512 BF16 or AMX, else fp32)", "P");
    private readonly Option<string> _device = Opt.Choice("--device", "cpu", "cpu | cuda", "cpu", "cuda");
    private readonly Option<int> _threads = Opt.Int("--threads", Environment.ProcessorCount, "intra-op threads (default: all cores)", 1, 1024);
    private readonly Option<int> _seed = Opt.Int("--seed", 0, "seed of batching and initialisation", helpName: "S");
    private readonly Option<bool> _resume = Opt.Flag("--resume", "continue from RUN/checkpoint.symseq (its step, optimizer state and log)");
    private readonly Option<bool> _restart = Opt.Flag("--restart", "start again in a RUN folder that already holds a checkpoint, replacing it and its log (without it, such a folder is refused)");
    private readonly Option<string?> _init = Opt.Text("--init", "warm start: the weights (and architecture) of MODEL, fresh optimizer, step 0", "MODEL");
    private readonly Option<string> _schedule = Opt.Choice("--schedule", "constant", "constant | cosine: after warm-up, decay to a tenth of --lr at --steps", "constant", "cosine");

    private readonly Option<double> _smoothing = Opt.Number("--label-smoothing", 0, "label smoothing of the loss: 1 - X on the right token, X spread over the vocabulary (0: the paper's one-hot loss; the Transformer used 0.1)", 0, 0.999);
    private readonly Option<int> _validBeam = Opt.Int("--valid-beam", 0, "also validate with integrate's beam search of width K (the test-set targets' measure; greedy figures can rise while it falls); 0: greedy only", 0, 100, "K");
    private readonly Option<string> _countWeight = Opt.Choice("--count-weight", "one",
        "how often a pair is shown per pass, from its line's count (N| before the pair: how many times the generator drew it): " +
        "one (each distinct pair once, the paper's), sqrt (√N times) or count (N times, the generator's own frequencies)", "one", "sqrt", "count");
    private readonly Option<long> _curriculum = Opt.Long("--curriculum", 0, "draw the batches of the first N steps shortest first (from the shortest 10% up to all of them at step N); 0: none", 0);

    public Command Build() => new(Name, Summary + ". The run folder is locked while a run uses it; a NaN loss stops the run and keeps the last checkpoint.")
    {
        _data, _tasks, _train, _valid, _out, _embDim, _layers, _heads, _tokens, _lr, _warmup, _clip, _steps, _evalEvery, _validLimit,
        _precision, _device, _threads, _seed, _resume, _restart, _init, _schedule, _curriculum, _smoothing, _validBeam, _countWeight,
    };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var dir = args.GetValue(_data);
        var tasks = Opt.Split(args.GetValue(_tasks), _tasks.Name);
        var train = args.GetValue(_train) is { } t ? Opt.Split(t, _train.Name) : dir is null ? throw new UsageException("give --data DIR or --train FILE") : tasks.Select(k => Path.Combine(dir, k + ".train")).ToArray();
        var valid = args.GetValue(_valid) is { } v ? Opt.Split(v, _valid.Name) : dir is null ? [] : tasks.Select(k => Path.Combine(dir, k + ".valid")).Where(File.Exists).ToArray();
        var layers = args.GetValue(_layers);
        var options = new TrainOptions
        {
            TrainFiles = train,
            ValidFiles = valid,
            OutDir = args.GetValue(_out)!,
            Model = new ModelConfig { EmbDim = args.GetValue(_embDim), EncoderLayers = layers, DecoderLayers = layers, Heads = args.GetValue(_heads) },
            TokensPerBatch = args.GetValue(_tokens),
            LearningRate = args.GetValue(_lr),
            ClipNorm = args.GetValue(_clip),
            WarmupSteps = args.GetValue(_warmup),
            MaxSteps = args.GetValue(_steps),
            EvalEvery = args.GetValue(_evalEvery),
            ValidLimit = args.GetValue(_validLimit),
            Precision = args.GetValue(_precision) is { } p ? PrecisionExtensions.Parse(p) : PrecisionExtensions.Default(),
            Device = args.GetValue(_device)!,
            Threads = args.GetValue(_threads),
            Seed = args.GetValue(_seed),
            Resume = args.GetValue(_resume),
            Restart = args.GetValue(_restart),
            InitFrom = args.GetValue(_init),
            Schedule = args.GetValue(_schedule) == "cosine" ? LearningRateSchedule.Cosine : LearningRateSchedule.Constant,
            CurriculumSteps = args.GetValue(_curriculum),
            LabelSmoothing = args.GetValue(_smoothing),
            ValidBeam = args.GetValue(_validBeam),
            CountWeight = args.GetValue(_countWeight) switch { "sqrt" => CountWeight.Sqrt, "count" => CountWeight.Count, _ => CountWeight.One },
        };
        options.Validate();
        var trainer = new Trainer(options);
        stderr.WriteLine($"training on {string.Join(", ", train)}");
        var r = trainer.Run(cancel, line => stderr.WriteLine(line));
        stdout.WriteLine($"{(r.Interrupted ? "interrupted" : "finished")} at step {r.Steps}: loss {r.LastLoss:F4}" +
                         (r.ValidAccuracy is { } a ? $", valid exact match {a:P1}" : "") + $"; checkpoint {r.CheckpointPath}");
        return Task.FromResult(r.Interrupted ? 130 : 0);
    }
}
