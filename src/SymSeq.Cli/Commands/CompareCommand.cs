using System.Text.Json;
using SymSeq.Cas;
using SymSeq.Datasets;
using SymSeq.Evaluation;
using SymSeq.Solving;

namespace SymSeq.Cli.Commands;

public sealed class CompareCommand : CliApp.ICommand
{
    public string Name => "compare";
    public string Summary => "the model against Maxima and SymPy on the same test problems (the paper's Table 3)";
    public string Usage => """
        symseq compare --data FILE[,FILE] [options]

          --data FILES       prefix test sets (bwd.test, ode1.test, ...); the task is the file name
          --systems LIST     model,hybrid,maxima,sympy (default all four); hybrid is the solver integrate and
                             solve use: the model, decomposition, repair, then every installed CAS
          --model PATH       the model (default: the bundled one)
          --beam K           model beam size (default 10)
          --timeout S        seconds each CAS gets per problem (default 30); past it the CAS is restarted
          --limit N          first N problems of each file
          --out FILE         JSON lines of every outcome (default FIRST_DATA.compare.jsonl); rerunning resumes
          --json FILE        the summary table as JSON

        Every answer, the model's or a CAS's, counts only when SymSeq's verifier accepts it.
        Times are wall-clock per problem: the model's include beam search and verification, one problem at a time.
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var files = args.Required("data").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var systems = (args.String("systems") ?? "model,hybrid,maxima,sympy").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant()).ToList();
        foreach (var s in systems)
            if (s is not (Comparison.ModelSystem or Comparison.HybridSystem) && !ComputerAlgebraSystem.Known.Contains(s))
                throw new UsageException($"--systems: unknown system '{s}'; expected model, hybrid, {string.Join(", ", ComputerAlgebraSystem.Known)}");
        var modelPath = args.String("model");
        var beam = args.Int("beam", 10, 1, 1000);
        var timeout = args.Double("timeout", 30);
        if (!(timeout > 0)) throw new UsageException($"--timeout must be a positive number of seconds, got {timeout}");
        var limit = args.Int("limit", int.MaxValue, 1);
        var outPath = args.String("out") ?? files[0] + ".compare.jsonl";
        var json = args.String("json");
        var precision = args.String("precision");
        args.EnsureAllUsed();

        var sets = files.Select(f => TestSet.Load(f, limit)).ToList();
        using var model = systems.Contains(Comparison.ModelSystem) || systems.Contains(Comparison.HybridSystem) ? ModelLocator.Load(modelPath, precision) : null;
        var comparison = new Comparison(outPath, TimeSpan.FromSeconds(timeout))
        {
            Hybrid = new HybridOptions { Beam = beam, TimeLimit = TimeSpan.FromSeconds(timeout) },
        };
        if (comparison.Outcomes.Count > 0) stderr.WriteLine($"resuming: {comparison.Outcomes.Count} outcomes already in {outPath}");
        var progress = new ProgressLine(stderr);
        comparison.Run(sets, systems, model, beam, cancel, progress.Report);
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
