using System.Diagnostics;
using SymSeq.Expressions;
using SymSeq.Generation;

// Throughput benchmarks, one core each (single thread), reported as medians over repeated runs.
//   dotnet run -c Release --project bench/SymSeq.Bench -- [expr] [gen] [train] [memory] [--seconds S] [--runs R] [--steps N]
//   audit (not in the default set): the verifier on --pairs generated pairs per task and their mutants
//   memory (not in the default set): padding share of real batches and RSS over --memory-steps (default 10000)
//   latency (not in the default set): model load, MathSolver latency on 1 thread vs all cores, parallel throughput
//   levers (not in the default set): position-table size, curriculum, batch size and lr schedule, each against one baseline
//   split (not in the default set): one model for all tasks against an integration model and an ODE model, small models
//   serve (not in the default set): the playground on loopback, --requests N (2000) at --concurrency C (8)
//   beam (not in the default set): beam-10 search of the first --pairs (64) FWD test problems, batched and one at a time
string[] benchmarks = ["expr", "gen", "train", "audit", "memory", "latency", "split", "levers", "serve", "beam", "process"];
string[] options = ["--seconds", "--runs", "--steps", "--threads", "--pairs", "--seed", "--memory-steps", "--rounds",
    "--split-steps", "--seeds", "--lever-steps", "--requests", "--concurrency"];
if (args.Any(a => a is "-h" or "--help" or "-?"))
{
    Console.WriteLine($"usage: dotnet run -c Release --project bench/SymSeq.Bench -- [{string.Join(" | ", benchmarks)}]... [OPTION VALUE]...");
    Console.WriteLine($"options: {string.Join(", ", options)}; with no benchmark named: expr gen train");
    return 0;
}
var which = new HashSet<string>();
for (var k = 0; k < args.Length; k++)
{
    if (options.Contains(args[k]))
    {
        if (k + 1 >= args.Length || !double.TryParse(args[k + 1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
            return Fail($"{args[k]} needs a number after it");
        k++;
    }
    else if (benchmarks.Contains(args[k])) which.Add(args[k]);
    else return Fail($"unknown argument '{args[k]}' (benchmarks: {string.Join(", ", benchmarks)}; options: {string.Join(", ", options)})");
}
if (which.Count == 0) which = ["expr", "gen", "train"];
var seconds = Arg("--seconds", 3.0);
var runs = (int)Arg("--runs", 5);

Console.WriteLine($"SymSeq benchmarks: {runs} runs of {seconds} s each, single thread, median reported");
Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");

if (which.Contains("expr"))
{
    // Random trees of exactly 15 operators with the paper's operator weights.
    var gen = new RandomExpressionGenerator(ExpressionOptions.Default);
    var rng = new Random(1);
    var trees = Enumerable.Range(0, 2000).Select(_ => gen.Generate(15, rng)).ToArray();
    var i = 0;
    Report("derivative + simplify, 15-op trees", "trees/s", Measure(() =>
    {
        var t = trees[i++ % trees.Length];
        Simplifier.TrySimplify(Derivative.Of(t), out _);
    }));
    Report("simplify only, 15-op trees", "trees/s", Measure(() => Simplifier.TrySimplify(trees[i++ % trees.Length], out _)));
}

if (which.Contains("gen"))
{
    foreach (var task in ProblemGenerators.Tasks.Where(t => t != "fwd")) // fwd is bounded by the CAS, see the README
    {
        var g = ProblemGenerators.Create(task, new GeneratorContext(ExpressionOptions.Default));
        var rng = new Random(2);
        Report($"generate {task} (paper defaults)", "examples/s/core", Measure(() =>
        {
            while (g.TryGenerate(rng, out _) is null) { }
        }));
    }
}

if (which.Contains("train"))
    SymSeq.Bench.TrainingBench.Run(steps: (int)Arg("--steps", 10), threads: (int)Arg("--threads", Environment.ProcessorCount));

if (which.Contains("audit"))
    SymSeq.Bench.VerifierAudit.Run(pairs: (int)Arg("--pairs", 2000), seed: (int)Arg("--seed", 1));

if (which.Contains("memory"))
    SymSeq.Bench.MemoryBench.Run(steps: (int)Arg("--memory-steps", 10_000), threads: (int)Arg("--threads", Environment.ProcessorCount));

if (which.Contains("process"))
    SymSeq.Bench.ProcessBench.Run(runs: runs);

if (which.Contains("latency"))
    SymSeq.Bench.LatencyBench.Run(rounds: (int)Arg("--rounds", 5));

if (which.Contains("split"))
    SymSeq.Bench.SplitBench.Run(steps: (int)Arg("--split-steps", 1000), threads: (int)Arg("--threads", 2), seeds: (int)Arg("--seeds", 2), perTask: (int)Arg("--pairs", 20_000));

if (which.Contains("levers"))
    SymSeq.Bench.LeversBench.Run(steps: (int)Arg("--lever-steps", 600), threads: (int)Arg("--threads", 1), seeds: (int)Arg("--seeds", 2));

if (which.Contains("serve"))
    await SymSeq.Bench.ServeLoadBench.Run(requests: (int)Arg("--requests", 2000), concurrency: (int)Arg("--concurrency", 8));
if (which.Contains("beam"))
    SymSeq.Bench.BeamBench.Run(problems: (int)Arg("--pairs", 64), threads: (int)Arg("--threads", Environment.ProcessorCount));
return 0;

static int Fail(string message)
{
    Console.Error.WriteLine($"SymSeq.Bench: {message}");
    return 2;
}

double Arg(string name, double fallback)
{
    var k = Array.IndexOf(args, name);
    return k >= 0 && k + 1 < args.Length ? double.Parse(args[k + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

double[] Measure(Action op)
{
    var end = Stopwatch.StartNew();
    while (end.Elapsed.TotalSeconds < Math.Min(1, seconds)) op(); // warm-up
    var rates = new double[runs];
    for (var r = 0; r < runs; r++)
    {
        var sw = Stopwatch.StartNew();
        long n = 0;
        while (sw.Elapsed.TotalSeconds < seconds) { op(); n++; }
        rates[r] = n / sw.Elapsed.TotalSeconds;
    }
    return rates;
}

void Report(string name, string unit, double[] rates)
{
    Array.Sort(rates);
    Console.WriteLine($"{name,-40} median {rates[rates.Length / 2],10:N0} {unit}   (min {rates[0]:N0}, max {rates[^1]:N0})");
}
