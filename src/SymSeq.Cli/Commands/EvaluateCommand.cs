using System.CommandLine;
using System.Text.Json;
using SymSeq.Datasets;
using SymSeq.Expressions;
using SymSeq.Evaluation;
using SymSeq.Search;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq.Cli.Commands;

public sealed class EvaluateCommand : CliApp.ICommand
{
    public string Name => "evaluate";
    public string Summary => "verified accuracy of a model on a test set, per task and beam size";

    private readonly Option<string?> _model = IntegrateCommand.ModelOption();
    private readonly Option<string> _data = Opt.Required("--data", "prefix test sets (bwd.test, ode1.test, ...); the task is the file name", "FILE[,FILE]");
    private readonly Option<string> _beams = new("--beam") { Description = "beam sizes, comma-separated", HelpName = "K[,K]", DefaultValueFactory = _ => "1,10" };
    private readonly Option<int> _limit = Opt.Int("--limit", int.MaxValue, "first N problems of each file", 1);
    private readonly Option<string?> _json = Opt.Text("--json", "the table as JSON", "OUT");
    private readonly Option<string?> _out = Opt.Text("--out", "one JSON line per problem and beam size: task, index, beam, solved, input length in tokens, " +
        "operators of the input, the verified answer's rank and the verdict, the problem and every candidate with its verdict (break a run down by length or operator, or see why a problem failed)", "LOG");
    private readonly Option<string?> _precision = IntegrateCommand.PrecisionOption();
    private readonly Option<bool> _noModel = Opt.Flag("--no-model", "with --hybrid: measure the rules and the CAS alone (the model is not loaded, no beam columns)");
    private readonly Option<bool> _hybrid = Opt.Flag("--hybrid", "add a column for the hybrid solver (what integrate and solve run), one problem at a time; " +
        "--time-limit, --cas, --wide-beam, --no-rules, --no-decompose and --no-repair set it as for integrate");
    private readonly SolverOptions _solver = new(withBeam: false);

    public Command Build() => new Command(Name, Summary + ". A problem counts as solved at beam k when any of the k hypotheses verifies (the paper's metric).")
        { _model, _data, _beams, _limit, _json, _out, _precision, _hybrid, _noModel }.With(_solver.All);

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var modelPath = args.GetValue(_model);
        var files = Opt.Split(args.GetValue(_data));
        var beams = Opt.Split(args.GetValue(_beams)).Select(b => int.TryParse(b, out var k) && k > 0 ? k : throw new UsageException($"--beam: '{b}' is not a positive integer")).ToArray();
        var limit = args.GetValue(_limit);
        var json = args.GetValue(_json);
        var logPath = args.GetValue(_out);
        var precision = args.GetValue(_precision);
        var hybrid = args.GetValue(_hybrid) ? _solver.Read(args) : null;
        var noModel = args.GetValue(_noModel);
        if (noModel && hybrid is null) throw new UsageException("--no-model needs --hybrid: without the model only the hybrid solver's rules and CAS can be measured");
        if (noModel) beams = [];
        // Bad files are reported before the model load, which takes seconds.
        var sets = files.Select(f => TestSet.Load(f, limit)).ToList();
        // integrals go to the integration model and ODEs to the ODE model (one model for both with --model)
        using var models = noModel ? SolverModels.None : ModelLocator.Open(modelPath, precision);
        var progress = new ProgressLine(stderr);
        var log = new List<string>();
        var table = new Dictionary<string, Dictionary<string, (int Solved, int Total)>>();
        var columns = beams.Select(k => $"beam{k}").Concat(hybrid is null ? [] : ["hybrid"]).ToList();
        using var solver = hybrid is null ? null : new HybridSolver(models, hybrid);
        foreach (var (task, _, problems) in sets)
        {
            table[task] = [];
            var kind = problems.Count > 0 ? Problems.KindOf(problems[0]) : Problems.Kind.Integral;
            var model = models.For(kind);
            if (model is not null) stderr.WriteLine($"{task}: model {(kind == Problems.Kind.Integral ? models.IntegralsFile : models.OdesFile)}");
            foreach (var k in beams)
            {
                var solved = 0;
                // Up to 16 problems per beam search, but no more than ~256 live hypotheses: beam 50 on 16 long ODE2
                // problems at once took the machine's 24 GiB and the process was killed.
                var batchSize = Math.Clamp(256 / k, 1, 16);
                for (var i = 0; i < problems.Count && !cancel.IsCancellationRequested; i += batchSize)
                {
                    var batch = problems.Skip(i).Take(batchSize).ToList();
                    var results = Solver.SolveBatch(model!, batch, k, cancel: cancel);
                    solved += results.Count(r => r.Verified is not null);
                    if (logPath is not null)
                        log.AddRange(results.Select((r, j) => LogLine(task, i + j, k, r)));
                    progress.Report($"{task} beam {k}: {Math.Min(i + batchSize, problems.Count)}/{problems.Count}, {solved} solved");
                }
                progress.Finish();
                table[task][$"beam{k}"] = (solved, problems.Count);
            }
            if (solver is not null)
            {
                // One problem at a time: one libtorch thread, as integrate uses (the default spins its threads against
                // each other on a single problem's small tensors, and on a loaded machine turned 5 s budgets into timeouts).
                var threads = TorchSharp.torch.get_num_threads();
                InferenceThreads.UseOne();
                var solved = 0;
                for (var i = 0; i < problems.Count && !cancel.IsCancellationRequested; i++)
                {
                    var o = solver.Solve(problems[i], cancel);
                    if (o.Solved) solved++;
                    if (logPath is not null) log.Add(HybridLogLine(task, i, o));
                    progress.Report($"{task} hybrid: {i + 1}/{problems.Count}, {solved} solved");
                }
                progress.Finish();
                InferenceThreads.Set(threads);
                table[task]["hybrid"] = (solved, problems.Count);
            }
        }
        if (cancel.IsCancellationRequested)
        {
            stderr.WriteLine("interrupted: no table written (the counts would cover only part of the test set)");
            return Task.FromResult(130);
        }
        stdout.WriteLine($"{"task",-12}" + string.Concat(columns.Select(c => $"{c.Replace("beam", "beam "),12}")));
        foreach (var (task, row) in table)
            stdout.WriteLine($"{task,-12}" + string.Concat(columns.Select(c => $"{100.0 * row[c].Solved / Math.Max(1, row[c].Total),11:F1}%")));
        if (logPath is not null) AtomicFile.WriteAllLines(logPath, log);
        if (json is not null)
            AtomicFile.Write(json, w => w.Write(JsonSerializer.Serialize(table.ToDictionary(t => t.Key,
                t => t.Value.ToDictionary(b => b.Key, b => new { solved = b.Value.Solved, total = b.Value.Total, accuracy = (double)b.Value.Solved / Math.Max(1, b.Value.Total) })),
                new JsonSerializerOptions { WriteIndented = true })));
        return Task.FromResult(0);
    }

    private static string HybridLogLine(string task, int index, SolveOutcome o)
    {
        var tokens = PrefixCodec.Encode(Solver.ModelInput(o.Problem));
        return JsonSerializer.Serialize(new
        {
            task, index, beam = "hybrid", solved = o.Solved, input_tokens = tokens.Length,
            operators = tokens.Where(t => Operators.TryParse(t, out _)).Distinct().Order().ToArray(),
            engine = o.Engine?.Describe(), seconds = Math.Round(o.Elapsed.TotalSeconds, 3), verdict = o.Verdict?.Label, reason = o.Verdict?.Reason,
        });
    }

    private static string LogLine(string task, int index, int beam, SolveResult r)
    {
        var tokens = PrefixCodec.Encode(Solver.ModelInput(r.Problem));
        var best = r.Verified ?? r.Candidates.FirstOrDefault();
        return JsonSerializer.Serialize(new
        {
            task, index, beam, solved = r.Verified is not null, input_tokens = tokens.Length,
            operators = tokens.Where(t => Operators.TryParse(t, out _)).Distinct().Order().ToArray(),
            rank = r.Verified?.Rank, verdict = best?.Verdict.Label, reason = best?.Verdict.Reason,
            problem = r.Problem.ToString(),
            candidates = r.Candidates.Select(c => new
            {
                rank = c.Rank, score = Math.Round(c.Score, 4), answer = c.Answer?.ToString() ?? string.Join(' ', c.Tokens),
                verdict = c.Verdict.Label, reason = c.Verdict.Reason,
            }),
        });
    }
}
