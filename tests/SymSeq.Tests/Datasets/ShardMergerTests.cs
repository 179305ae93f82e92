using SymSeq.Datasets;
using SymSeq.Generation;

namespace SymSeq.Tests.Datasets;

public sealed class ShardMergerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-merge-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private GenerateOptions Options(string sub, string task, int shard = 0, int shards = 1, int seed = 4) =>
        new(task, 1200, Path.Combine(_dir, sub))
        {
            ChunkSize = 50, Threads = 2, Seed = seed, Shard = shard, Shards = shards,
            Expressions = ExpressionOptions.Default with { MaxOps = 4 }, // small trees: many duplicates to merge
        };

    private void Generate(GenerateOptions o) => Assert.True(new DatasetGenerator(o).Run(default));

    [Theory]
    [InlineData("bwd", 3)]
    [InlineData("ode1", 4)]
    [InlineData("ibp", 5)]
    public void Merged_shards_are_identical_to_the_unsharded_run(string task, int shards)
    {
        Generate(Options("whole", task));
        for (var k = shards - 1; k >= 0; k--) Generate(Options("parts", task, k, shards)); // any order
        var r = ShardMerger.Merge(Path.Combine(_dir, "parts"), task);
        Assert.Equal(shards, r.Shards);
        Assert.Equal(1200, r.Examples);
        var whole = File.ReadAllLines(Path.Combine(_dir, "whole", task + ".prefix"));
        Assert.True(whole.Length < 1200, "the test needs duplicates to be meaningful");
        Assert.Equal(whole, File.ReadAllLines(r.PrefixPath));
        Assert.Equal(File.ReadAllLines(Path.Combine(_dir, "whole", task + ".infix")), File.ReadAllLines(r.InfixPath));
    }

    [Fact]
    public void A_missing_shard_is_named()
    {
        Generate(Options("p", "bwd", 0, 3));
        Generate(Options("p", "bwd", 2, 3));
        var e = Assert.Throws<InvalidDataException>(() => ShardMerger.Merge(Path.Combine(_dir, "p"), "bwd"));
        Assert.Contains("shards 1 of 3", e.Message);
        Assert.False(File.Exists(Path.Combine(_dir, "p", "bwd.prefix")));
    }

    [Fact]
    public void Shards_of_other_settings_are_refused()
    {
        Generate(Options("p", "bwd", 0, 2, seed: 4));
        Generate(Options("p", "bwd", 1, 2, seed: 5));
        var e = Assert.Throws<InvalidDataException>(() => ShardMerger.Merge(Path.Combine(_dir, "p"), "bwd"));
        Assert.Contains("other settings", e.Message);
        Assert.Contains("seed 5", e.Message);
    }

    [Fact]
    public void A_damaged_shard_is_refused_and_nothing_is_written()
    {
        Generate(Options("p", "bwd", 0, 2));
        Generate(Options("p", "bwd", 1, 2));
        var order = Path.Combine(_dir, "p", "bwd.shard1of2.order");
        File.WriteAllLines(order, File.ReadAllLines(order)[..^3]);
        Assert.Throws<InvalidDataException>(() => ShardMerger.Merge(Path.Combine(_dir, "p"), "bwd"));
        Assert.False(File.Exists(Path.Combine(_dir, "p", "bwd.prefix")));
    }

    [Fact]
    public void The_command_reports_a_folder_without_shards_cleanly()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "empty"));
        var r = Cli.CliRunner.Run("merge", "--task", "bwd", "--out", Path.Combine(_dir, "empty"));
        Cli.RobustnessTests.AssertCleanError(r, "no shards of 'bwd'");
    }
}
