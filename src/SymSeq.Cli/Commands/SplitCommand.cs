using System.CommandLine;
using SymSeq.Datasets;

namespace SymSeq.Cli.Commands;

public sealed class SplitCommand : CliApp.ICommand
{
    public string Name => "split";
    public string Summary => "split a prefix dataset into train/valid/test with no held-out input in train";

    private readonly Option<string> _data = Opt.Required("--data", "the dataset DIR/TASK.prefix; writes DIR/TASK.train, .valid and .test", "FILE");
    private readonly Option<int> _valid = Opt.Int("--valid", 1000, "validation lines", 0);
    private readonly Option<int> _test = Opt.Int("--test", 1000, "test lines", 0);
    private readonly Option<int> _seed = Opt.Int("--seed", 0, "seed of the shuffle", helpName: "S");
    private readonly Option<string?> _exclude = Opt.Text("--exclude",
        "drop every line whose input appears in these datasets (keeps a test set made with another seed disjoint from a training set)", "FILE[,FILE]");

    public Command Build() => new(Name, Summary) { _data, _valid, _test, _seed, _exclude };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var exclude = Opt.Split(args.GetValue(_exclude), _exclude.Name);
        var r = DatasetSplitter.Split(args.GetValue(_data)!, args.GetValue(_valid), args.GetValue(_test), args.GetValue(_seed), exclude);
        if (exclude.Length > 0) stdout.WriteLine($"dropped {r.ExcludedLines:N0} lines whose input or answer appears in {string.Join(", ", exclude)}");
        stdout.WriteLine($"train {r.TrainLines:N0} lines -> {r.Train}\nvalid {r.ValidLines:N0} lines -> {r.Valid}\ntest  {r.TestLines:N0} lines -> {r.Test}");
        return Task.FromResult(0);
    }
}
