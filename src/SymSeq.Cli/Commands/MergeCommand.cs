using System.CommandLine;
using SymSeq.Datasets;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq merge`: the shards of a job array back into one dataset.</summary>
public sealed class MergeCommand : CliApp.ICommand
{
    public string Name => "merge";
    public string Summary => "merge the outputs of generate --shard K --shards S into TASK.prefix and TASK.infix";

    private readonly Option<string> _task = Opt.Required("--task", "the task the shards generated (bwd, ode1, ...)", "TASK");
    private readonly Option<string> _out = Opt.Required("--out", "the folder holding TASK.shardKofS.prefix/.infix/.order for K = 0..S-1 (generate's --out)", "DIR");

    public Command Build() => new(Name, Summary + ". Counts are summed and duplicates merged; the result is identical to the unsharded run " +
        "with the same seed and count, and is written atomically. Missing shards, shards of other settings and damaged shards are refused.") { _task, _out };

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var task = args.GetValue(_task)!;
        var dir = args.GetValue(_out)!;
        var r = ShardMerger.Merge(dir, task);
        stdout.WriteLine($"merged {r.Shards} shards into {r.PrefixPath} and {r.InfixPath}: {r.Lines:N0} distinct pairs, {r.Examples:N0} examples");
        return Task.FromResult(0);
    }
}
