using SymSeq.Datasets;
using SymSeq.Generation;
using SymSeq.Tests.Cli;

namespace SymSeq.Tests.Datasets;

/// <summary>generate never mixes chunks of different settings, never shares a folder, and leaves no chunks behind.</summary>
public sealed class GenerateSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-gen-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Generate(params string[] extra) =>
        CliRunner.Run(["generate", "--task", "bwd", "--count", "400", "--out", _dir, "--max-ops", "4", .. extra]);

    [Fact]
    public void Chunks_of_other_settings_are_refused_unless_restart_is_asked()
    {
        Assert.Equal(0, Generate("--seed", "1").Code);
        var first = File.ReadAllText(Path.Combine(_dir, "bwd.prefix"));
        var other = Generate("--seed", "2");
        RobustnessTests.AssertCleanError(other, "seed 2 (was seed 1)");
        Assert.Equal(first, File.ReadAllText(Path.Combine(_dir, "bwd.prefix"))); // untouched
        Assert.Equal(0, Generate("--seed", "2", "--restart").Code);
        Assert.NotEqual(first, File.ReadAllText(Path.Combine(_dir, "bwd.prefix")));
    }

    [Fact]
    public void A_finished_run_deletes_its_chunks_and_a_rerun_does_nothing()
    {
        Assert.Equal(0, Generate().Code);
        var chunks = Path.Combine(_dir, ".chunks", "bwd");
        Assert.Empty(Directory.EnumerateFiles(chunks, "*.tsv"));
        var before = File.GetLastWriteTimeUtc(Path.Combine(_dir, "bwd.prefix"));
        var again = Generate();
        Assert.Equal(0, again.Code);
        Assert.Equal(before, File.GetLastWriteTimeUtc(Path.Combine(_dir, "bwd.prefix")));
    }

    [Fact]
    public void A_second_run_into_the_same_folder_fails_at_once()
    {
        using (FolderLock.Acquire(Path.Combine(_dir, ".chunks", "bwd"), "the first run"))
            RobustnessTests.AssertCleanError(Generate(), "the first run");
    }

    [Fact]
    public void Leftover_chunk_files_of_a_killed_run_are_dropped()
    {
        var chunks = Directory.CreateDirectory(Path.Combine(_dir, ".chunks", "bwd")).FullName;
        File.WriteAllText(Path.Combine(chunks, ".00000001.tsv.99.abc.tmp"), "half");
        Assert.Equal(0, Generate().Code);
        Assert.Empty(Directory.EnumerateFiles(chunks, "*.tmp"));
    }
}
