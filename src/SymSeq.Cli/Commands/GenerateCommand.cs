using SymSeq.Datasets;
using SymSeq.Generation;

namespace SymSeq.Cli.Commands;

public sealed class GenerateCommand : CliApp.ICommand
{
    public string Name => "generate";
    public IReadOnlyList<string> Flags => ["restart"];
    public string Summary => "generate a dataset (bwd, bwds, fwd, ibp, ode1, ode2, odelin, deriv) in the paper's prefix format";
    public string Usage => """
        symseq generate --task TASK --count N --out DIR [options]

          --task TASK          bwd | bwds | fwd | ibp | ode1 | ode2 | odelin | deriv  (fwd integrates with a CAS;
                               bwds keeps the BWD draws whose integrand is no longer than its integral;
                               odelin: linear ODEs with constant coefficients, orders 1 and 2)
          --count N            number of examples (before merging duplicates)
          --out DIR            output folder: TASK.prefix, TASK.infix; partial work in DIR/.chunks
          --seed S             random seed (default 0); same seed, same files
          --shard K --shards S this job's share of a job array (default 0 of 1); shards are disjoint
          --threads T          worker threads (default: all cores)
          --max-ops N          operators per random tree (default 15)
          --max-int N          largest integer leaf (default 5)
          --max-len N          longest token sequence (default 512)
          --operators SPEC     weights, default the paper's: add:10,sub:3,mul:10,...
          --leaf-probs P       variable,coefficient,integer,constant (default 0.75,0,0.25,0)
          --step-timeout-ms MS time budget of each symbolic step (default 500)
          --cas NAME           fwd: maxima (default) or sympy, one process per worker thread
          --cas-timeout-ms MS  fwd: time the CAS gets per integral (default 5000); slower draws are dropped
          --restart            delete chunks that an earlier run made with other settings, instead of refusing

        Interrupting (Ctrl-C, SIGTERM) keeps every finished chunk; running the same command again resumes.
        DIR/.chunks/TASK records the settings; a run with another seed, operator set or size limit is refused
        rather than mixed in. The chunks are deleted once TASK.prefix and TASK.infix are written. A second run
        into the same folder and task while one is going fails at once, naming the first.
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var expr = ExpressionOptions.Default;
        expr = expr with
        {
            MaxOps = args.Int("max-ops", expr.MaxOps, 1, 100),
            MaxInt = args.Int("max-int", expr.MaxInt, 1, 1_000_000),
            MaxLen = args.Int("max-len", expr.MaxLen, 8, 100_000),
        };
        if (args.String("operators") is { } ops) expr = expr with { Operators = ExpressionOptions.ParseOperators(ops) };
        if (args.String("leaf-probs") is { } lp) expr = expr with { LeafProbs = ExpressionOptions.ParseLeafProbs(lp) };
        var task = args.Required("task");
        var options = new GenerateOptions(task, args.Long("count", 0, 1), args.Required("out"))
        {
            Seed = args.Int("seed", 0),
            Shard = args.Int("shard", 0, 0),
            Shards = args.Int("shards", 1, 1),
            Threads = args.Int("threads", Environment.ProcessorCount, 1, 1024),
            StepBudget = TimeSpan.FromMilliseconds(args.Int("step-timeout-ms", 500, 1)),
            Expressions = expr,
            Cas = args.String("cas") ?? "maxima",
            CasBudget = TimeSpan.FromMilliseconds(args.Int("cas-timeout-ms", 5000, 1)),
            Restart = args.Flag("restart"),
        };
        if (options.Count == 0) throw new UsageException("missing --count");
        args.EnsureAllUsed();
        if (options.Shard >= options.Shards) throw new UsageException($"--shard {options.Shard} must be below --shards {options.Shards}");

        var gen = new DatasetGenerator(options);
        var progress = new ProgressLine(stderr);
        var finished = gen.Run(cancel, progress.Report);
        progress.Finish();
        if (!finished)
        {
            stderr.WriteLine($"interrupted: finished chunks are kept in {gen.ChunkDir}; run the same command to resume");
            return Task.FromResult(130);
        }
        stdout.WriteLine($"wrote {gen.PrefixPath} and {gen.InfixPath} ({gen.Stats.Examples:N0} new examples in {gen.Stats.Elapsed.TotalSeconds:F1} s, {gen.Stats.Rate:N0}/s)");
        return Task.FromResult(0);
    }
}
