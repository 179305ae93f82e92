using System.Diagnostics;
using SymSeq.Datasets;

namespace SymSeq.Tests.Datasets;

public class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Run(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output.Trim();
    }

    [Fact]
    public void A_symlink_is_followed_and_kept()
    {
        var target = Path.Combine(_dir, "real.txt");
        File.WriteAllText(target, "old\n");
        var link = Path.Combine(_dir, "link.txt");
        File.CreateSymbolicLink(link, target);
        AtomicFile.WriteAllLines(link, ["new"]);
        Assert.Equal(target, new FileInfo(link).LinkTarget);   // still a link
        Assert.Equal("new\n", File.ReadAllText(target));
    }

    [Fact]
    public async Task A_pipe_is_written_in_place_not_replaced()
    {
        if (!OperatingSystem.IsLinux()) return;
        var fifo = Path.Combine(_dir, "pipe");
        Run("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));
        AtomicFile.WriteAllLines(fifo, ["through the pipe"]);
        Assert.Equal("through the pipe\n", await reader.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal("fifo", Run("stat", "-c", "%F", fifo));
    }

    [Fact]
    public void A_full_device_is_an_error_and_stays_a_device()
    {
        if (!OperatingSystem.IsLinux() || Run("stat", "-c", "%F", "/dev/full") != "character special file") return;
        var e = Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllLines("/dev/full", Enumerable.Repeat(new string('x', 100), 1000)));
        Assert.Contains("No space left", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("character special file", Run("stat", "-c", "%F", "/dev/full"));
    }

    [Fact]
    public void A_folder_is_refused_by_name()
    {
        var e = Assert.Throws<IOException>(() => AtomicFile.WriteAllLines(_dir, ["x"]));
        Assert.Contains("is a folder", e.Message);
        Assert.Throws<ArgumentException>(() => AtomicFile.WriteAllLines("", ["x"]));
    }

    [Fact]
    public void A_killed_writers_temporary_file_is_removed_by_the_next_write()
    {
        var pid = Enumerable.Range(3_000_000, 1000).First(p => !Directory.Exists($"/proc/{p}"));
        var stale = Path.Combine(_dir, $".out.txt.{pid}.0123456789abcdef.tmp");
        var live = Path.Combine(_dir, $".out.txt.{Environment.ProcessId - 0}.fedcba9876543210.tmp");   // this process: kept
        File.WriteAllText(stale, "half");
        File.WriteAllText(live, "mine");
        AtomicFile.WriteAllLines(Path.Combine(_dir, "out.txt"), ["done"]);
        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(live));
    }

    [Fact]
    public void A_set_of_files_is_replaced_whole_or_not_at_all()
    {
        var a = Path.Combine(_dir, "d.infix");
        var b = Path.Combine(_dir, "d.prefix");
        File.WriteAllText(a, "old a\n");
        File.WriteAllText(b, "old b\n");
        Assert.Throws<IOException>(() => AtomicFile.WriteAll([(a, AtomicFile.Lines(["new a"])), (b, _ => throw new IOException("disk full"))]));
        Assert.Equal("old a\n", File.ReadAllText(a));   // not renamed: its twin failed
        Assert.Equal("old b\n", File.ReadAllText(b));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
        AtomicFile.WriteAll([(a, AtomicFile.Lines(["new a"])), (b, AtomicFile.Lines(["new b"]))]);
        Assert.Equal("new a\n", File.ReadAllText(a));
        Assert.Equal("new b\n", File.ReadAllText(b));
    }
}
