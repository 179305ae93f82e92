using SymSeq.Datasets;

namespace SymSeq.Cli.Commands;

public sealed class SplitCommand : CliApp.ICommand
{
    public string Name => "split";
    public string Summary => "split a prefix dataset into train/valid/test with no held-out input in train";
    public string Usage => """
        symseq split --data DIR/TASK.prefix [--valid N] [--test N] [--seed S] [--exclude FILE[,FILE]]

          writes DIR/TASK.train, DIR/TASK.valid, DIR/TASK.test (defaults: 1000 valid, 1000 test)
          --exclude FILES   drop every line whose input appears in these datasets (e.g. keep a test set
                            generated with another seed disjoint from an existing training set)
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var data = args.Required("data");
        var valid = args.Int("valid", 1000, 0);
        var test = args.Int("test", 1000, 0);
        var seed = args.Int("seed", 0);
        var exclude = args.String("exclude")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        args.EnsureAllUsed();
        var r = DatasetSplitter.Split(data, valid, test, seed, exclude);
        if (exclude.Length > 0) stdout.WriteLine($"dropped {r.ExcludedLines:N0} lines whose input appears in {string.Join(", ", exclude)}");
        stdout.WriteLine($"train {r.TrainLines:N0} lines -> {r.Train}\nvalid {r.ValidLines:N0} lines -> {r.Valid}\ntest  {r.TestLines:N0} lines -> {r.Test}");
        return Task.FromResult(0);
    }
}
