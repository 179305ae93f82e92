using System.CommandLine;
using System.Text.Json;
using SymSeq.Datasets;
using SymSeq.Verification;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq verify`: every pair of a dataset through the one verifier; counts per file, a log per pair.</summary>
public sealed class VerifyCommand : CliApp.ICommand
{
    public string Name => "verify";
    public string Summary => "check every pair of a dataset file with SymSeq's verifier";

    private readonly Option<string> _data = Opt.Required("--data", "prefix datasets: \"count|input<TAB>output\" or \"input<TAB>output\" lines", "FILE[,FILE]");
    private readonly Option<string?> _json = Opt.Text("--json", "counts per file: {\"<file stem>\": {\"verified\": n, \"rejected\": n, \"uncheckable\": n, \"total\": n}}", "OUT");
    private readonly Option<string?> _out = Opt.Text("--out", "one line per pair: file, line number, verdict, reason (tab-separated)", "LOG");
    private readonly Option<int> _threads = Opt.Int("--threads", Environment.ProcessorCount, "pairs checked in parallel (default: all cores)", 1, 1024);
    private readonly Option<int> _limit = Opt.Int("--limit", int.MaxValue, "only the first N pairs of each file", 1);

    public Command Build() => new(Name, Summary + ". Exit code 0 when every pair verified, 4 when some pair was rejected or uncheckable.")
        { _data, _json, _out, _threads, _limit };

    /// <summary>Partial: right on some intervals of the problem's real domain only (the paper's data convention allows it; "verified" does not).</summary>
    public sealed record Counts(int Verified, int Partial, int Rejected, int Uncheckable, int Total);

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var files = Opt.Split(args.GetValue(_data), _data.Name);
        var json = args.GetValue(_json);
        var log = args.GetValue(_out);
        var threads = args.GetValue(_threads);
        var limit = args.GetValue(_limit);
        foreach (var f in files)
            if (!File.Exists(f)) throw SymSeq.Datasets.MissingFile.Error(f, "dataset");

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
            table[stem] = new Counts(verdicts.Count(v => v.Kind == VerdictKind.Verified), verdicts.Count(v => v.Kind == VerdictKind.Partial),
                verdicts.Count(v => v.Kind == VerdictKind.Rejected),
                verdicts.Count(v => v.Kind == VerdictKind.Uncheckable), verdicts.Count);
            logLines.AddRange(pairs.Zip(verdicts, (p, v) => $"{file}\t{p.Number}\t{v.Label}\t{v.Reason}"));
        }
        stdout.WriteLine($"{"file",-20}{"verified",10}{"partial",10}{"rejected",10}{"uncheckable",13}{"total",8}");
        foreach (var (stem, c) in table)
            stdout.WriteLine($"{stem,-20}{c.Verified,10}{c.Partial,10}{c.Rejected,10}{c.Uncheckable,13}{c.Total,8}");
        if (json is not null)
            AtomicFile.Write(json, w => w.Write(JsonSerializer.Serialize(table.ToDictionary(t => t.Key, t => new Dictionary<string, int>
            {
                ["verified"] = t.Value.Verified, ["partial"] = t.Value.Partial, ["rejected"] = t.Value.Rejected, ["uncheckable"] = t.Value.Uncheckable, ["total"] = t.Value.Total,
            }), new JsonSerializerOptions { WriteIndented = true })));
        if (log is not null) AtomicFile.WriteAllLines(log, logLines);
        return Task.FromResult(table.Values.All(c => c.Verified == c.Total) ? 0 : 4);
    }
}
