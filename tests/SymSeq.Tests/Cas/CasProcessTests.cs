using System.Diagnostics;
using SymSeq.Cas;

namespace SymSeq.Tests.Cas;

/// <summary>A CAS child never outlives SymSeq, and a request past its budget kills it.</summary>
public class CasProcessTests
{
    /// <summary>A stand-in CAS: announces itself, then computes (sleeps) for minutes, as a stuck integral does.</summary>
    private static ProcessStartInfo StuckCas() => new("sh") { ArgumentList = { "-c", "echo ready; exec sleep 300" } };

    private static int? ChildOf(int pid) =>
        Directory.EnumerateDirectories("/proc").Select(d => Path.GetFileName(d)).Where(n => n.All(char.IsAsciiDigit)).Select(int.Parse)
            .FirstOrDefault(p => Stat(p) is { } st && st.Ppid == pid) is var c and > 0 ? c : null;

    /// <summary>State and parent of a process from /proc/PID/stat, or null when it is gone.</summary>
    private static (char State, int Ppid)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1]));
        }
        catch (IOException) { return null; }
    }

    private static bool EndsWithin(int pid, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < limit)
        {
            if (Stat(pid) is not { } st || st.State == 'Z') return true;
            Thread.Sleep(100);
        }
        return false;
    }

    [Fact]
    public void The_cas_ends_when_its_owner_is_killed()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var owner = Process.Start("sleep", "120");
        using var cas = new CasProcess("stand-in", StuckCas()) { OwnerPid = owner.Id };
        Assert.Equal(CasProcess.Outcome.Done, cas.Exchange("go", l => l == "ready", TimeSpan.FromSeconds(20)).Outcome);
        var watcher = cas.WatcherPid!.Value;
        var child = ChildOf(watcher);
        Assert.True(child is not null, "the CAS runs under its watcher");
        Assert.Contains(Stat(child!.Value)!.Value.State, "SR");   // alive: waiting for input, or still running on a loaded machine

        owner.Kill();   // SIGKILL: nothing of the owner runs any more
        Assert.True(EndsWithin(child.Value, TimeSpan.FromSeconds(5)), "the CAS outlived its owner");
    }

    [Fact]
    public void A_request_past_its_budget_kills_the_cas_and_the_next_starts_afresh()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var cas = new CasProcess("stand-in", StuckCas());
        Assert.Equal(CasProcess.Outcome.Done, cas.Exchange("go", l => l == "ready", TimeSpan.FromSeconds(20)).Outcome);
        var child = ChildOf(cas.WatcherPid!.Value)!.Value;
        Assert.Equal(CasProcess.Outcome.Timeout, cas.Exchange("integrate", _ => false, TimeSpan.FromMilliseconds(300)).Outcome);
        Assert.True(EndsWithin(child, TimeSpan.FromSeconds(5)), "a timed-out CAS kept running");
        Assert.Equal(CasProcess.Outcome.Done, cas.Exchange("go", l => l == "ready", TimeSpan.FromSeconds(20)).Outcome);
        Assert.Equal(2, cas.Starts);
    }

    [Fact]
    public void A_missing_executable_is_named_with_its_package()
    {
        using var cas = new CasProcess("maxima", new ProcessStartInfo("no-such-cas-executable"));
        var e = Assert.Throws<CasUnavailableException>(() => cas.Exchange("x", _ => true, TimeSpan.FromSeconds(5)));
        Assert.Contains("no-such-cas-executable", e.Message);
        Assert.Contains("apt-get install", e.Message);
    }
}
