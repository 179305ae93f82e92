using System.Text.Json;
using SymSeq.Datasets;
using SymSeq.Verification;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq verify`: every pair of a dataset through the one verifier; counts per file, a log per pair.</summary>
public sealed class VerifyCommand : CliApp.ICommand
{
    public string Name => "verify";
    public string Summary => "check every pair of a dataset file with SymSeq's verifier";
    public string Usage => """
        symseq verify --data FILE[,FILE...] [--json OUT.json] [--out LOG] [--threads N] [--limit N]

          --data FILES   prefix datasets: "count|input<TAB>output" or "input<TAB>output" lines
          --json OUT     counts per file: {"<file stem>": {"verified": n, "rejected": n, "uncheckable": n, "total": n}}
          --out LOG      one line per pair: file, line number, verdict, reason (tab-separated)
          --threads N    pairs checked in parallel (default: all cores)
          --limit N      only the first N pairs of each file

        Exit code 0 when every pair verified, 4 when some pair was rejected or uncheckable.
        """;

    public sealed record Counts(int Verified, int Rejected, int Uncheckable, int Total);

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var files = args.Required("data").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var json = args.String("json");
        var log = args.String("out");
        var threads = args.Int("threads", Environment.ProcessorCount, 1, 1024);
        var limit = args.Int("limit", int.MaxValue, 1);
        args.EnsureAllUsed();
        foreach (var f in files)
            if (!File.Exists(f)) throw new FileNotFoundException($"dataset '{f}' does not exist", f);

        var table = new Dictionary<string, Counts>();
        var logLines = new List<string>();
        var progress = new ProgressLine(stderr);
        foreach (var file in files)
        {
            var pairs = DatasetLine.ReadFile(file).Take(limit).ToList();
            var done = 0;
            var verdicts = pairs.AsParallel().AsOrdered().WithDegreeOfParallelism(threads).WithCancellation(cancel)
                .Select(p =>
                {
                    var v = PairVerifier.Check(p.Line);
                    var n = Interlocked.Increment(ref done);
                    if (n % 100 == 0) progress.Report($"{Path.GetFileName(file)}: {n}/{pairs.Count}");
                    return v;
                })
                .ToList();
            progress.Finish();
            var stem = Path.GetFileNameWithoutExtension(file);
            table[stem] = new Counts(verdicts.Count(v => v.Kind == VerdictKind.Verified), verdicts.Count(v => v.Kind == VerdictKind.Rejected),
                verdicts.Count(v => v.Kind == VerdictKind.Uncheckable), verdicts.Count);
            logLines.AddRange(pairs.Zip(verdicts, (p, v) => $"{file}\t{p.Number}\t{v.Label}\t{v.Reason}"));
        }
        stdout.WriteLine($"{"file",-20}{"verified",10}{"rejected",10}{"uncheckable",13}{"total",8}");
        foreach (var (stem, c) in table)
            stdout.WriteLine($"{stem,-20}{c.Verified,10}{c.Rejected,10}{c.Uncheckable,13}{c.Total,8}");
        if (json is not null)
            AtomicFile.Write(json, w => w.Write(JsonSerializer.Serialize(table.ToDictionary(t => t.Key, t => new Dictionary<string, int>
            {
                ["verified"] = t.Value.Verified, ["rejected"] = t.Value.Rejected, ["uncheckable"] = t.Value.Uncheckable, ["total"] = t.Value.Total,
            }), new JsonSerializerOptions { WriteIndented = true })));
        if (log is not null) AtomicFile.WriteAllLines(log, logLines);
        return Task.FromResult(table.Values.All(c => c.Verified == c.Total) ? 0 : 4);
    }
}
