using System.CommandLine;
using System.Text.Json;
using SymSeq.Datasets;
using SymSeq.Evaluation;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq robustness`: Welleck et al.'s perturbations of solved test integrals, model alone against the hybrid.</summary>
public sealed class RobustnessCommand : CliApp.ICommand
{
    public string Name => "robustness";
    public string Summary => "k*f, f/k, f+exp(x), f+ln(x), f+g of the integrals the model solves: model alone vs the hybrid";

    private readonly Option<string> _data = Opt.Required("--data", "prefix test sets of integrals (bwd.test, fwd.test, ibp.test); ODE problems are skipped", "FILE[,FILE]");
    private readonly Option<int> _limit = Opt.Int("--limit", int.MaxValue, "first N problems of each file", 1);
    private readonly Option<int> _seed = Opt.Int("--seed", 0, "seed of the factors k", helpName: "S");
    private readonly Option<string?> _out = Opt.Text("--out", "one JSON line per variant: task, index, kind, integrand, model and hybrid outcome, engine, seconds", "LOG");
    private readonly Option<string?> _json = Opt.Text("--json", "the table as JSON", "FILE");
    private readonly Option<string?> _model = IntegrateCommand.ModelOption();
    private readonly SolverOptions _solver = new();

    public Command Build() => new Command(Name, Summary + ". The problems the model solves alone at --beam are perturbed (k and the divisor from 2 " +
        "to 10,000, uniform in their logarithm; g is the next solved problem) and both the model alone and the hybrid solver are run on each.")
        { _data, _limit, _seed, _out, _json, _model }.With(_solver.All);

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var files = Opt.Split(args.GetValue(_data), _data.Name);
        var limit = args.GetValue(_limit);
        var seed = args.GetValue(_seed);
        var logPath = args.GetValue(_out);
        var json = args.GetValue(_json);
        var modelPath = args.GetValue(_model);
        var options = _solver.Read(args);
        var sets = files.Select(f => TestSet.Load(f, limit)).ToList();
        using var model = SolverModels.Load(ModelFiles.Resolve(modelPath, Problems.Kind.Integral));   // integrals only
        var progress = new ProgressLine(stderr);
        var outcomes = new RobustnessSuite(model, options, seed).Run(sets, cancel, progress.Report);
        progress.Finish();
        if (cancel.IsCancellationRequested)
        {
            stderr.WriteLine("interrupted: no table written (it would cover only part of the sets)");
            return Task.FromResult(130);
        }
        var table = RobustnessSuite.Table(outcomes);
        stdout.WriteLine($"{"variant",-10} {"problems",9} {"model",14} {"hybrid",14}");
        foreach (var (kind, total, m, h) in table)
            stdout.WriteLine($"{kind,-10} {total,9} {$"{m} ({Pct(m, total)})",14} {$"{h} ({Pct(h, total)})",14}");
        if (logPath is not null) AtomicFile.WriteAllLines(logPath, outcomes.Select(o => JsonSerializer.Serialize(o)));
        if (json is not null)
            AtomicFile.Write(json, w => w.Write(JsonSerializer.Serialize(table.Select(r => new { variant = r.Kind, problems = r.Total, model = r.Model, hybrid = r.Hybrid }),
                new JsonSerializerOptions { WriteIndented = true })));
        return Task.FromResult(0);
    }

    private static string Pct(int n, int total) => $"{100.0 * n / Math.Max(1, total):F1}%";
}
