using System.CommandLine;
using System.Text.Json;
using SymSeq.Cas;
using SymSeq.Datasets;
using SymSeq.Evaluation;
using SymSeq.Solving;

namespace SymSeq.Cli.Commands;

public sealed class CompareCommand : CliApp.ICommand
{
    public string Name => "compare";
    public string Summary => "the model against Maxima, Giac and SymPy on the same test problems (the paper's Table 3)";

    private readonly Option<string> _data = Opt.Required("--data", "prefix test sets (bwd.test, ode1.test, ...); the task is the file name", "FILE[,FILE]");
    private readonly Option<string> _systems = new("--systems")
    {
        Description = "model, hybrid (the solver integrate and solve use: model, decomposition, repair, then every installed CAS), maxima, giac, sympy",
        HelpName = "LIST", DefaultValueFactory = _ => "model,hybrid,maxima,giac,sympy",
    };
    private readonly Option<string?> _model = IntegrateCommand.ModelOption();
    private readonly Option<int> _beam = Opt.Int("--beam", 10, "model beam size", 1, 1000);
    private readonly Option<double> _timeout = Opt.Number("--timeout", 30, "seconds each CAS (and the hybrid) gets per problem; past it the CAS is restarted", 0.001, 86_400);
    private readonly Option<int> _limit = Opt.Int("--limit", int.MaxValue, "first N problems of each file", 1);
    private readonly Option<string?> _out = Opt.Text("--out", "JSON lines of every outcome (default FIRST_DATA.compare.jsonl); rerunning resumes", "FILE");
    private readonly Option<string?> _json = Opt.Text("--json", "the summary table as JSON", "FILE");
    private readonly Option<string?> _precision = IntegrateCommand.PrecisionOption();

    public Command Build() => new(Name, Summary + ". Every answer, the model's or a CAS's, counts only when SymSeq's verifier accepts it. " +
        "Times are wall-clock per problem: the model's include beam search and verification, one problem at a time.")
        { _data, _systems, _model, _beam, _timeout, _limit, _out, _json, _precision };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var files = Opt.Split(args.GetValue(_data), _data.Name);
        var systems = Opt.Split(args.GetValue(_systems), _systems.Name).Select(s => s.ToLowerInvariant()).ToList();
        foreach (var s in systems)
            if (s is not (Comparison.ModelSystem or Comparison.HybridSystem) && !ComputerAlgebraSystem.Known.Contains(s))
                throw new UsageException($"--systems: unknown system '{s}'; expected model, hybrid, {string.Join(", ", ComputerAlgebraSystem.Known)}");
        var modelPath = args.GetValue(_model);
        var beam = args.GetValue(_beam);
        var timeout = args.GetValue(_timeout);
        var limit = args.GetValue(_limit);
        var outPath = args.GetValue(_out) ?? files[0] + ".compare.jsonl";
        var json = args.GetValue(_json);
        var precision = args.GetValue(_precision);

        var sets = files.Select(f => TestSet.Load(f, limit)).ToList();
        // two runs appending to one outcomes file would interleave their lines: the second one fails at once instead
        using var outcomesLock = FolderLock.ForFile(outPath, "symseq compare");
        using var models = systems.Contains(Comparison.ModelSystem) || systems.Contains(Comparison.HybridSystem)
            ? ModelFiles.Open(modelPath, IntegrateCommand.ParsePrecision(precision)) : SolverModels.None;
        var comparison = new Comparison(outPath, TimeSpan.FromSeconds(timeout))
        {
            Hybrid = new HybridOptions { Beam = beam, TimeLimit = TimeSpan.FromSeconds(timeout) },
        };
        if (comparison.Outcomes.Count > 0) stderr.WriteLine($"resuming: {comparison.Outcomes.Count} outcomes already in {outPath}");
        var progress = new ProgressLine(stderr);
        comparison.Run(sets, systems, models, beam, cancel, progress.Report);
        progress.Finish();
        var rows = comparison.Table(sets, systems);
        stdout.Write(Comparison.Format(rows));
        stdout.WriteLine($"outcomes: {outPath}");
        if (json is not null)
            AtomicFile.Write(json, w => w.Write(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true })));
        if (cancel.IsCancellationRequested)
        {
            stderr.WriteLine("interrupted: run the same command to resume");
            return Task.FromResult(130);
        }
        return Task.FromResult(0);
    }
}
