using System.CommandLine;
using SymSeq.Datasets;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq import`: infix pairs → a verified prefix dataset (<see cref="InfixImporter"/>).</summary>
public sealed class ImportCommand : CliApp.ICommand
{
    public string Name => "import";
    public string Summary => "turn infix pairs (problem<TAB>answer per line) into a prefix dataset, keeping only verified pairs";

    private readonly Option<string> _data = Opt.Required("--data",
        "the pairs: an integrand in x or an equation in y, a tab, the antiderivative or the solution (with constants a8, a9); # starts a comment. generate's TASK.infix files read as they are", "FILE");
    private readonly Option<string> _out = Opt.Required("--out", "the prefix dataset to write, e.g. DIR/fwd.prefix (then `symseq split --data` it)", "FILE");
    private readonly Option<string?> _dropped = Opt.Text("--dropped", "every dropped line: line number, tab, reason", "LOG");
    private readonly Option<bool> _force = Opt.Flag("--force", "replace --out when it exists");
    private readonly Option<double> _timeLimit = Opt.Number("--time-limit", 5, "seconds for each symbolic step of one pair (canonical form, simplification, verification)", 0.1, 600);
    private readonly Option<int> _threads = Opt.Int("--threads", Environment.ProcessorCount, "pairs converted in parallel (default: all cores)", 1, 1024);

    public Command Build() => new(Name, Summary + ". The problem is written in its canonical form and the answer simplified, as generate writes them; "
        + "equal pairs are merged with their count. Exit code 0 when every pair was kept, 4 when some line was dropped (each is named on stderr with its reason).")
        { _data, _out, _dropped, _force, _timeLimit, _threads };

    private const int ShownDrops = 10;

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var data = args.GetValue(_data)!;
        var output = args.GetValue(_out)!;
        var droppedLog = args.GetValue(_dropped);
        if (File.Exists(output) && !args.GetValue(_force))
            throw new IOException($"'{output}' already exists; give --force to replace it");
        if (Path.GetFullPath(output) == Path.GetFullPath(data)) throw new IOException($"--out '{output}' is the input file");

        var progress = new ProgressLine(stderr);
        var report = InfixImporter.ImportFile(data, TimeSpan.FromSeconds(args.GetValue(_timeLimit)), args.GetValue(_threads), cancel,
            (done, total) => { if (done % 100 == 0 || done == total) progress.Report($"{Path.GetFileName(data)}: {done:N0}/{total:N0}"); });
        progress.Finish();

        foreach (var d in report.Dropped.Take(ShownDrops)) stderr.WriteLine($"{data}:{d.LineNumber}: dropped: {d.Reason}");
        if (report.Dropped.Count > ShownDrops)
            stderr.WriteLine($"... and {report.Dropped.Count - ShownDrops:N0} more dropped lines{(droppedLog is null ? " (--dropped LOG lists them all)" : "")}");
        if (droppedLog is not null) AtomicFile.WriteAllLines(droppedLog, report.Dropped.Select(d => $"{d.LineNumber}\t{d.Reason}"));

        if (report.Kept == 0)
        {
            stderr.WriteLine($"error: no pair of '{data}' verified ({report.Pairs:N0} read); nothing written");
            return Task.FromResult(4);
        }
        AtomicFile.WriteAllLines(output, report.Lines); // makes the folder too
        stdout.WriteLine($"kept {report.Kept:N0} of {report.Pairs:N0} pairs ({report.Lines.Count:N0} distinct lines) -> {output}; dropped {report.Dropped.Count:N0}");
        return Task.FromResult(report.Dropped.Count == 0 ? 0 : 4);
    }
}
