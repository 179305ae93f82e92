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
        "operators of the input, the verified answer's rank and the verdict, the problem and every candidate with its verdict and score, the setup, and (test sets in prefix form) " +
        "the reference answer's score under the model and whether a miss was a search error (break a run down with symseq breakdown, or see why a problem failed). Appended as each problem is done: rerun with the same LOG to resume an interrupted run", "LOG");
    private readonly Option<string?> _precision = IntegrateCommand.PrecisionOption();
    private readonly Option<bool> _noModel = Opt.Flag("--no-model", "with --hybrid: measure the rules and the CAS alone (the model is not loaded, no beam columns)");
    private readonly Option<bool> _hybrid = Opt.Flag("--hybrid", "add a column for the hybrid solver (what integrate and solve run), one problem at a time; " +
        "--time-limit, --cas, --wide-beam, --no-rules, --no-decompose and --no-repair set it as for integrate; --no-early-stopping applies to the beam columns too");
    private readonly Option<bool> _noGrammar = Opt.Flag("--no-grammar", "beam columns: the paper's unconstrained search, which may spend beam slots on malformed token streams " +
        "(by default the search keeps to the grammar of prefix expressions, as integrate and solve do)");
    private readonly Option<int> _threads = Opt.Int("--threads", Environment.ProcessorCount, "libtorch intra-op threads of the beam columns (default: all cores; " +
        "give 1 when another model process, such as a training run, shares the machine)", 1, 1024);
    private readonly SolverOptions _solver = new(withBeam: false);

    public Command Build() => new Command(Name, Summary + ". A problem counts as solved at beam k when any of the k hypotheses verifies (the paper's metric).")
        { _model, _data, _beams, _limit, _json, _out, _precision, _noGrammar, _threads, _hybrid, _noModel }.With(_solver.All);

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var modelPath = args.GetValue(_model);
        var files = Opt.Split(args.GetValue(_data), _data.Name);
        var beams = Opt.Split(args.GetValue(_beams), _beams.Name).Select(b => int.TryParse(b, out var k) && k > 0 ? k : throw new UsageException($"--beam: '{b}' is not a positive integer")).ToArray();
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
        using var models = noModel ? SolverModels.None : ModelFiles.Open(modelPath, IntegrateCommand.ParsePrecision(precision));
        // two runs on one log would interleave their lines: the second one fails at once instead
        using var logLock = logPath is null ? null : FolderLock.ForFile(logPath, "symseq evaluate");
        InferenceThreads.Set(args.GetValue(_threads));
        var evaluation = new ModelEvaluation(models, beams, hybrid, precision ?? "fp32", _solver.Search(args, grammar: !args.GetValue(_noGrammar)));
        var progress = new ProgressLine(stderr);
        Dictionary<string, Dictionary<string, Tally>>? table;
        try { table = evaluation.Run(sets, logPath, cancel, progress.Report, stderr.WriteLine); }
        catch (LogMismatchException e) { throw new UsageException(e.Message); }
        progress.Finish();
        if (evaluation.Resumed > 0) stderr.WriteLine($"resumed: {evaluation.Resumed} outcomes were already in {logPath}");
        if (table is null)
        {
            stderr.WriteLine(logPath is null
                ? "interrupted: no table written (the counts would cover only part of the test set); with --out LOG a rerun resumes"
                : $"interrupted: the outcomes so far are in {logPath}; run the same command to resume");
            return Task.FromResult(130);
        }
        var columns = beams.Select(k => $"beam{k}").Concat(hybrid is null ? [] : ["hybrid"]).ToList();
        stdout.WriteLine($"{"task",-12}" + string.Concat(columns.Select(c => $"{c.Replace("beam", "beam "),12}")));
        string Row(string task, Dictionary<string, Tally> row, Func<Tally, int> count) =>
            $"{task,-12}" + string.Concat(columns.Select(c => $"{100.0 * count(row[c]) / Math.Max(1, row[c].Total),11:F1}%"));
        foreach (var (task, row) in table) stdout.WriteLine(Row(task, row, t => t.Solved));
        // The paper's acceptance checks an equation at points, so an answer right on part of the line counts there
        // (ODE solutions are functions on an interval): shown apart, for tables set beside the paper's.
        var partial = table.Where(t => columns.Any(c => t.Value[c].OnInterval != t.Value[c].Solved)).ToList();
        if (partial.Count > 0)
        {
            stdout.WriteLine("solved on an interval (verified, or right on part of the line only: the paper's acceptance):");
            foreach (var (task, row) in partial) stdout.WriteLine(Row(task, row, t => t.OnInterval));
        }
        if (json is not null)
            AtomicFile.Write(json, w => w.Write(JsonSerializer.Serialize(table.ToDictionary(t => t.Key,
                t => t.Value.ToDictionary(b => b.Key, b => new
                {
                    solved = b.Value.Solved, total = b.Value.Total, accuracy = (double)b.Value.Solved / Math.Max(1, b.Value.Total),
                    solved_on_interval = b.Value.OnInterval, accuracy_on_interval = (double)b.Value.OnInterval / Math.Max(1, b.Value.Total),
                })),
                new JsonSerializerOptions { WriteIndented = true })));
        return Task.FromResult(0);
    }
}
