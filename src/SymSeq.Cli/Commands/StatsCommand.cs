using System.CommandLine;
using SymSeq.Datasets;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq stats`: what prefix datasets look like, side by side (SymSeq's generator against the paper's, say).</summary>
public sealed class StatsCommand : CliApp.ICommand
{
    public string Name => "stats";
    public string Summary => "compare prefix datasets side by side: lengths, depth, operator shares, integer sizes, the forms ODEs are written in";

    private readonly Option<string> _data = Opt.Required("--data", "prefix datasets, one column each", "FILE[,FILE]");
    private readonly Option<int> _limit = Opt.Int("--limit", int.MaxValue, "only the first N lines of each file", 1);
    private readonly Option<int> _operators = Opt.Int("--operators", 12, "most frequent operators of each file listed", 0, 100);

    public Command Build() => new(Name, Summary) { _data, _limit, _operators };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var files = Opt.Split(args.GetValue(_data), _data.Name);
        var stats = files.Select(f => DatasetStatistics.Of(f, args.GetValue(_limit))).ToList();
        stdout.Write(DatasetStatistics.Table(stats, args.GetValue(_operators)));
        foreach (var s in stats.Where(s => s.Forms is { Unreadable: > 0 }))
            stderr.WriteLine($"{s.Name}: {s.Forms!.Unreadable} inputs could not be decoded and are left out of depth, operators and forms");
        return Task.FromResult(0);
    }
}
