using SymSeq.Datasets;
using SymSeq.Generation;

namespace SymSeq.Tests.Datasets;

public sealed class DatasetGeneratorTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-ds-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly ExpressionOptions Small = ExpressionOptions.Default with { MaxOps = 6 };

    private GenerateOptions Options(string sub, string task = "bwd", int count = 300, int threads = 2) =>
        new(task, count, Path.Combine(_dir, sub)) { ChunkSize = 50, Threads = threads, Seed = 9, Expressions = Small };

    private static string[] Lines(string path) => File.ReadAllLines(path);

    [Fact]
    public void Same_seed_gives_the_same_files_in_separate_processes()
    {
        // A resumed or sharded run is a new process: per-process randomized hashing (HashCode.Combine) in the
        // seed would make two processes draw different examples, which an in-process comparison cannot see.
        var cli = Path.Combine(AppContext.BaseDirectory, "symseq.dll");
        string Generate(string sub)
        {
            var psi = new System.Diagnostics.ProcessStartInfo("dotnet", [cli, "generate", "--task", "bwd", "--count", "300", "--max-ops", "6",
                                                                         "--seed", "9", "--out", Path.Combine(_dir, sub)])
            { RedirectStandardError = true, RedirectStandardOutput = true };
            using var p = System.Diagnostics.Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            Assert.True(p.WaitForExit(120_000), "generate did not finish in 2 minutes");
            Assert.True(p.ExitCode == 0, err.Result);
            return File.ReadAllText(Path.Combine(_dir, sub, "bwd.prefix"));
        }
        Assert.Equal(Generate("p1"), Generate("p2"));
    }

    [Fact]
    public void Same_seed_gives_the_same_files_whatever_the_thread_count()
    {
        var a = new DatasetGenerator(Options("a", threads: 1));
        var b = new DatasetGenerator(Options("b", threads: 2));
        Assert.True(a.Run(CancellationToken.None));
        Assert.True(b.Run(CancellationToken.None));
        Assert.Equal(Lines(a.PrefixPath), Lines(b.PrefixPath));
        Assert.Equal(Lines(a.InfixPath).Length, Lines(a.PrefixPath).Length);
        var other = new DatasetGenerator(Options("c") with { Seed = 10 });
        Assert.True(other.Run(CancellationToken.None));
        Assert.NotEqual(Lines(a.PrefixPath), Lines(other.PrefixPath));
    }

    [Fact]
    public void Counts_add_up_and_lines_are_unique_and_verified()
    {
        var g = new DatasetGenerator(Options("v"));
        Assert.True(g.Run(CancellationToken.None));
        var lines = Lines(g.PrefixPath).Select((l, i) => DatasetLine.Parse(l, i + 1)).ToArray();
        Assert.Equal(300, lines.Sum(l => l.Count));
        Assert.Equal(lines.Length, lines.Select(l => l.Format(false)).Distinct().Count());
        foreach (var l in lines.Take(100))
        {
            var f = ((Op)PrefixCodec.Decode(l.Input))[1];
            Assert.NotEqual(Equivalence.Different, NumericEquivalence.Check(Derivative.Of(PrefixCodec.Decode(l.Output)), f).Verdict);
        }
    }

    [Fact]
    public void Shards_are_disjoint_and_together_make_the_unsharded_run()
    {
        var whole = new DatasetGenerator(Options("whole"));
        Assert.True(whole.Run(CancellationToken.None));
        var shardChunks = new List<long>();
        var shardLines = new List<string>();
        for (var k = 0; k < 3; k++)
        {
            var s = new DatasetGenerator(Options("sharded") with { Shard = k, Shards = 3 });
            Assert.True(s.Run(CancellationToken.None));
            shardChunks.AddRange(s.MyChunks());
            shardLines.AddRange(Expand(s.PrefixPath));
        }
        Assert.Equal(shardChunks.Count, shardChunks.Distinct().Count());
        Assert.Equal(Expand(whole.PrefixPath).Order(), shardLines.Order());
    }

    /// <summary>Every example of a merged file as often as it was drawn ("count|pair" gives count copies of pair).</summary>
    private static IEnumerable<string> Expand(string prefixFile) =>
        File.ReadLines(prefixFile).SelectMany(l =>
        {
            var bar = l.IndexOf('|');
            return Enumerable.Repeat(l[(bar + 1)..], int.Parse(l[..bar]));
        });

    [Fact]
    public void An_interrupted_run_keeps_finished_chunks_and_resumes_to_the_same_result()
    {
        var reference = new DatasetGenerator(Options("ref", count: 10000));
        Assert.True(reference.Run(CancellationToken.None));

        using var cts = new CancellationTokenSource();
        var first = new DatasetGenerator(Options("resume", count: 10000, threads: 1));
        first.ChunkCompleted += _ => cts.Cancel(); // as if Ctrl-C came right after the first chunk
        var finished = first.Run(cts.Token);
        Assert.False(finished);
        Assert.False(File.Exists(first.PrefixPath));
        var kept = Directory.GetFiles(first.ChunkDir, "*.tsv").Length;
        Assert.InRange(kept, 1, 199);
        Assert.Empty(Directory.GetFiles(first.ChunkDir, "*.tmp", SearchOption.AllDirectories));

        var second = new DatasetGenerator(Options("resume", count: 10000, threads: 2));
        Assert.True(second.Run(CancellationToken.None));
        Assert.True(second.Stats.Examples <= 10000 - 50 * kept);
        Assert.Equal(Lines(reference.PrefixPath), Lines(second.PrefixPath));
    }

    [Fact]
    public void Split_keeps_held_out_inputs_out_of_train()
    {
        var g = new DatasetGenerator(Options("split", count: 500));
        Assert.True(g.Run(CancellationToken.None));
        var r = DatasetSplitter.Split(g.PrefixPath, 30, 40, seed: 1);
        string Input(string l) => string.Join(' ', DatasetLine.Parse(l).Input);
        var train = Lines(r.Train).Select(Input).ToHashSet();
        Assert.Equal(30, Lines(r.Valid).Select(Input).Distinct().Count());
        Assert.Equal(40, Lines(r.Test).Select(Input).Distinct().Count());
        Assert.DoesNotContain(Lines(r.Valid).Concat(Lines(r.Test)).Select(Input), train.Contains);
        Assert.Equal(Lines(g.PrefixPath).Length, r.TrainLines + r.ValidLines + r.TestLines);
    }

    [Fact]
    public void Held_out_sets_count_each_problem_once()
    {
        // One equation that many solutions share: a test set would count it as often as it was drawn.
        var path = Path.Combine(_dir, "dups.prefix");
        var lines = Enumerable.Range(0, 40).Select(i => $"1|sub Y' INT+ {i % 10}\tmul INT+ {i % 10} x")
            .Concat(Enumerable.Range(1, 6).Select(k => $"1|add Y'' Y\tadd mul a8 sin x mul a9 cos add x INT+ {k}"))
            .Distinct().ToList();
        File.WriteAllLines(path, lines);
        var r = DatasetSplitter.Split(path, 0, 10, seed: 3);
        var test = Lines(r.Test).Select(l => string.Join(' ', DatasetLine.Parse(l).Input)).ToList();
        Assert.Equal(10, test.Count);
        Assert.Equal(test.Count, test.Distinct().Count());
    }

    [Fact]
    public void Bad_settings_are_rejected_before_any_work()
    {
        Assert.Throws<ArgumentException>(() => new DatasetGenerator(Options("x", task: "nope")).Run(CancellationToken.None));
        Assert.Throws<ArgumentException>(() => new DatasetGenerator(Options("x") with { Shard = 3, Shards = 3 }).Run(CancellationToken.None));
        Assert.Throws<ArgumentException>(() => new DatasetGenerator(Options("x", task: "fwd") with { Cas = "nope" }).Run(CancellationToken.None));
    }
}
