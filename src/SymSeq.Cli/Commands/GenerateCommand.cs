using System.CommandLine;
using SymSeq.Cas;
using SymSeq.Datasets;
using SymSeq.Generation;

namespace SymSeq.Cli.Commands;

public sealed class GenerateCommand : CliApp.ICommand
{
    public string Name => "generate";
    public string Summary => "generate a dataset (bwd, bwds, fwd, ibp, ode1, ode2, odelin, deriv) in the paper's prefix format";

    private readonly Option<string> _task = Opt.Required("--task", "bwd | bwds | fwd | ibp | ode1 | ode2 | odelin | deriv (fwd integrates with a CAS; bwds keeps the " +
        "BWD draws whose integrand is no longer than its integral; odelin: linear ODEs with constant coefficients, orders 1 and 2)", "TASK");
    private readonly Option<long> _count = Opt.Long("--count", 0, "number of examples (before merging duplicates)", 1, required: true);
    private readonly Option<string> _out = Opt.Required("--out", "output folder: TASK.prefix, TASK.infix; partial work in DIR/.chunks", "DIR");
    private readonly Option<int> _seed = Opt.Int("--seed", 0, "random seed; same seed, same files", helpName: "S");
    private readonly Option<int> _shard = Opt.Int("--shard", 0, "this job's share of a job array (shards are disjoint; symseq merge joins them)", 0, helpName: "K");
    private readonly Option<int> _shards = Opt.Int("--shards", 1, "number of shards of the job array", 1, helpName: "S");
    private readonly Option<int> _threads = Opt.Int("--threads", Environment.ProcessorCount, "worker threads (default: all cores)", 1, 1024);
    private readonly Option<int> _maxOps = Opt.Int("--max-ops", ExpressionOptions.Default.MaxOps, "operators per random tree", 1, 100);
    private readonly Option<int> _maxInt = Opt.Int("--max-int", ExpressionOptions.Default.MaxInt, "largest integer leaf", 1, 1_000_000);
    private readonly Option<int> _maxLen = Opt.Int("--max-len", ExpressionOptions.Default.MaxLen, "longest token sequence", 8, 100_000);
    private readonly Option<string?> _operators = Opt.Text("--operators", "operator weights, default the paper's: add:10,sub:3,mul:10,...", "SPEC");
    private readonly Option<string?> _leafProbs = Opt.Text("--leaf-probs", "variable,coefficient,integer,constant (default 0.75,0,0.25,0)", "P");
    private readonly Option<int> _stepTimeout = Opt.Int("--step-timeout-ms", 500, "time budget of each symbolic step", 1, helpName: "MS");
    private readonly Option<string> _cas = Opt.Choice("--cas", "maxima", "fwd: the integrator. A CAS runs one process per worker thread (giac makes pairs about 20 times as fast as maxima, at --cas-timeout-ms 100); " +
        "rules: SymSeq's own integration rules, no external process, far faster, but only the integrals the rules know", ForwardGenerator.Integrators);
    private readonly Option<int> _casTimeout = Opt.Int("--cas-timeout-ms", 5000, "fwd: time the CAS gets per integral; slower draws are dropped", 1, helpName: "MS");
    private readonly Option<string> _forms = Opt.Choice("--forms", "canonical", "canonical: one line per problem, in its canonical form; model: one line per form the model reads " +
        "(an integrand also multiplied out), so that a model trained on them reads a problem however it is written", "canonical", "model");
    private readonly Option<bool> _restart = Opt.Flag("--restart", "delete chunks that an earlier run made with other settings, instead of refusing");

    public Command Build() => new(Name, Summary + ". Interrupting (Ctrl-C, SIGTERM) keeps every finished chunk; running the same command again resumes. " +
            "DIR/.chunks/TASK records the settings; a run with another seed, operator set or size limit is refused rather than mixed in. The chunks " +
            "are deleted once TASK.prefix and TASK.infix are written. A second run into the same folder and task while one is going fails at once, naming the first.")
    {
        _task, _count, _out, _seed, _shard, _shards, _threads, _maxOps, _maxInt, _maxLen, _operators, _leafProbs, _stepTimeout, _cas, _casTimeout, _forms, _restart,
    };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        if (args.GetValue(_shard) >= args.GetValue(_shards))
            throw new UsageException($"--shard {args.GetValue(_shard)} must be below --shards {args.GetValue(_shards)}");
        var expr = ExpressionOptions.Default with { MaxOps = args.GetValue(_maxOps), MaxInt = args.GetValue(_maxInt), MaxLen = args.GetValue(_maxLen) };
        if (args.GetValue(_operators) is { } ops) expr = expr with { Operators = ExpressionOptions.ParseOperators(ops) };
        if (args.GetValue(_leafProbs) is { } lp) expr = expr with { LeafProbs = ExpressionOptions.ParseLeafProbs(lp) };
        var options = new GenerateOptions(args.GetValue(_task)!, args.GetValue(_count), args.GetValue(_out)!)
        {
            Seed = args.GetValue(_seed),
            Shard = args.GetValue(_shard),
            Shards = args.GetValue(_shards),
            Threads = args.GetValue(_threads),
            StepBudget = TimeSpan.FromMilliseconds(args.GetValue(_stepTimeout)),
            Expressions = expr,
            Cas = args.GetValue(_cas)!,
            CasBudget = TimeSpan.FromMilliseconds(args.GetValue(_casTimeout)),
            Restart = args.GetValue(_restart),
            AllForms = args.GetValue(_forms) == "model",
        };

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
