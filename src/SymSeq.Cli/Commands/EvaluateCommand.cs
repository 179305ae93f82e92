using System.Text.Json;
using SymSeq.Datasets;
using SymSeq.Expressions;
using SymSeq.Evaluation;
using SymSeq.Search;

namespace SymSeq.Cli.Commands;

public sealed class EvaluateCommand : CliApp.ICommand
{
    public string Name => "evaluate";
    public string Summary => "verified accuracy of a model on a test set, per task and beam size";
    public string Usage => """
        symseq evaluate --model PATH --data FILE[,FILE] [--beam 1,10,50] [--limit N] [--json OUT.json]

          A problem counts as solved at beam k when any of the k hypotheses verifies (the paper's metric).
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var modelPath = args.String("model");
        var files = args.Required("data").Split(',');
        var beams = (args.String("beam") ?? "1,10").Split(',').Select(b => int.TryParse(b, out var k) && k > 0 ? k : throw new UsageException($"--beam: '{b}' is not a positive integer")).ToArray();
        var limit = args.Int("limit", int.MaxValue, 1);
        var json = args.String("json");
        var precision = args.String("precision");
        args.EnsureAllUsed();
        using var model = ModelLocator.Load(modelPath, precision);
        var progress = new ProgressLine(stderr);
        var table = new Dictionary<string, Dictionary<int, (int Solved, int Total)>>();
        foreach (var file in files)
        {
            var (task, _, problems) = TestSet.Load(file, limit);
            table[task] = [];
            foreach (var k in beams)
            {
                var solved = 0;
                for (var i = 0; i < problems.Count && !cancel.IsCancellationRequested; i += 16)
                {
                    var batch = problems.Skip(i).Take(16).ToList();
                    solved += Solver.SolveBatch(model, batch, k).Count(r => r.Verified is not null);
                    progress.Report($"{task} beam {k}: {Math.Min(i + 16, problems.Count)}/{problems.Count}, {solved} solved");
                }
                progress.Finish();
                table[task][k] = (solved, problems.Count);
            }
        }
        if (cancel.IsCancellationRequested)
        {
            stderr.WriteLine("interrupted: no table written (the counts would cover only part of the test set)");
            return Task.FromResult(130);
        }
        stdout.WriteLine($"{"task",-12}" + string.Concat(beams.Select(k => $"{"beam " + k,12}")));
        foreach (var (task, row) in table)
            stdout.WriteLine($"{task,-12}" + string.Concat(beams.Select(k => $"{100.0 * row[k].Solved / Math.Max(1, row[k].Total),11:F1}%")));
        if (json is not null)
            AtomicFile.Write(json, w => w.Write(JsonSerializer.Serialize(table.ToDictionary(t => t.Key,
                t => t.Value.ToDictionary(b => $"beam{b.Key}", b => new { solved = b.Value.Solved, total = b.Value.Total, accuracy = (double)b.Value.Solved / Math.Max(1, b.Value.Total) })),
                new JsonSerializerOptions { WriteIndented = true })));
        return Task.FromResult(0);
    }
}
