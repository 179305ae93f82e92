using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;

namespace SymSeq.Cas;

/// <summary>A CAS executable that is not installed or cannot start.</summary>
public sealed class CasUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A long-lived line-oriented subprocess (a CAS REPL). Each <see cref="Exchange"/> writes one request and reads
/// lines until the caller's end condition, within a time budget. A request that runs past its budget, makes the
/// process ask a question, or kills it, gets the process killed; the next request starts a fresh one. Start-up
/// itself is time-bounded too, so no request can hang.
/// </summary>
public sealed class CasProcess(string name, ProcessStartInfo start, string? preamble = null, Func<string, bool>? isReady = null) : IDisposable
{
    public enum Outcome { Done, Timeout, Aborted, Crashed }

    public sealed record Reply(Outcome Outcome, IReadOnlyList<string> Lines, TimeSpan Elapsed);

    private Process? _process;
    private BlockingCollection<string?>? _lines;

    /// <summary>How many times the process was started (1 after the first request; more after kills).</summary>
    public int Starts { get; private set; }

    public TimeSpan StartBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The process whose end ends the CAS (this one; a test gives another it can kill).</summary>
    public int OwnerPid { get; init; } = Environment.ProcessId;

    /// <summary>
    /// Sends <paramref name="request"/> (one line) and collects output lines up to and including the first for
    /// which <paramref name="isLast"/> holds. A line for which <paramref name="isAbort"/> holds (an interactive
    /// question, say) ends the exchange as <see cref="Outcome.Aborted"/> and restarts the process.
    /// </summary>
    public Reply Exchange(string request, Func<string, bool> isLast, TimeSpan budget, Func<string, bool>? isAbort = null)
    {
        if (request.Contains('\n')) throw new ArgumentException("a CAS request must be one line", nameof(request));
        EnsureStarted();
        var sw = Stopwatch.StartNew();
        var lines = new List<string>();
        try
        {
            _process!.StandardInput.WriteLine(request);
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            Kill();
            return new Reply(Outcome.Crashed, lines, sw.Elapsed);
        }
        while (true)
        {
            var left = budget - sw.Elapsed;
            if (left <= TimeSpan.Zero || !_lines!.TryTake(out var line, left))
            {
                Kill();
                return new Reply(Outcome.Timeout, lines, sw.Elapsed);
            }
            if (line is null)
            {
                Kill();
                return new Reply(Outcome.Crashed, lines, sw.Elapsed);
            }
            lines.Add(line);
            if (isAbort?.Invoke(line) == true)
            {
                Kill();
                return new Reply(Outcome.Aborted, lines, sw.Elapsed);
            }
            if (isLast(line)) return new Reply(Outcome.Done, lines, sw.Elapsed);
        }
    }

    private void EnsureStarted()
    {
        if (_process is { HasExited: false }) return;
        Kill();
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        Process p;
        try
        {
            p = Process.Start(Watched(start)) ?? throw new CasUnavailableException($"{name}: could not start '{start.FileName}'");
        }
        catch (Win32Exception e)
        {
            throw new CasUnavailableException($"{name} is not available: cannot run '{start.FileName}' ({e.Message}); on Debian: apt-get install {CasLocator.AptPackages(name)}", e);
        }
        Starts++;
        var lines = new BlockingCollection<string?>();
        var stdout = p.StandardOutput;
        _ = Task.Run(() =>
        {
            try { for (string? l; (l = stdout.ReadLine()) is not null;) lines.Add(l); }
            catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException) { }
            try { lines.Add(null); } catch (InvalidOperationException) { }
        });
        p.ErrorDataReceived += (_, _) => { }; // drained so the child never blocks on a full stderr pipe
        p.BeginErrorReadLine();
        _process = p;
        _lines = lines;
        if (preamble is null) return;
        var ready = Exchange(preamble, isReady ?? (_ => true), StartBudget);
        if (ready.Outcome != Outcome.Done)
            throw new CasUnavailableException($"{name} did not start within {StartBudget.TotalSeconds:F0} s ({ready.Outcome}): {string.Join(" | ", ready.Lines.TakeLast(3))}");
    }

    /// <summary>
    /// The CAS started under a watcher, so that it never outlives SymSeq: a POSIX shell starts it in a process group of
    /// its own and checks every half second that SymSeq is still alive; when SymSeq is gone (SIGKILL, a crash, any
    /// exit) or the shell itself is told to stop, it kills the whole group (Maxima's Lisp, say, as well as the
    /// script that started it). Where there is no /bin/sh or setsid (Windows), the CAS is started directly.
    /// </summary>
    private ProcessStartInfo Watched(ProcessStartInfo cas)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/bin/sh") || CasLocator.Which("setsid") is not { } setsid) return cas;
        if (CasLocator.Which(cas.FileName) is null)
            throw new CasUnavailableException($"{name} is not available: cannot find '{cas.FileName}'; on Debian: apt-get install {CasLocator.AptPackages(name)}");
        var watched = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = cas.WorkingDirectory,
        };
        foreach (var (k, v) in cas.Environment) watched.Environment[k] = v;
        watched.ArgumentList.Add("-c");
        watched.ArgumentList.Add(WatcherScript);
        watched.ArgumentList.Add("symseq-cas-watcher");
        watched.ArgumentList.Add(OwnerPid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        watched.ArgumentList.Add(setsid);
        watched.ArgumentList.Add(cas.FileName);
        foreach (var a in cas.ArgumentList) watched.ArgumentList.Add(a);
        if (cas.ArgumentList.Count == 0 && !string.IsNullOrEmpty(cas.Arguments))
            throw new ArgumentException("a CAS process is started with ArgumentList, not an argument string");
        return watched;
    }

    /// <summary>$1: SymSeq's pid; the rest: setsid and the CAS command. The CAS gets the shell's stdin through fd 3 (a background job's own stdin is /dev/null).</summary>
    private const string WatcherScript =
        "parent=$1; shift; exec 3<&0; \"$@\" <&3 3<&- & cas=$!; exec 3<&-; " +
        "stop() { kill -KILL -- -$cas 2>/dev/null; kill -KILL $cas 2>/dev/null; exit 143; }; trap stop TERM INT HUP; " +
        "while kill -0 $parent 2>/dev/null && kill -0 $cas 2>/dev/null; do sleep 0.5; done; " +
        "kill -0 $parent 2>/dev/null || stop; wait $cas";

    /// <summary>The pid of the process the CAS runs in, for tests (the watcher's child); null when none runs.</summary>
    public int? WatcherPid => _process is { HasExited: false } p ? p.Id : null;

    private void Kill()
    {
        if (_process is null) return;
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception) { }
        try { _process.WaitForExit(5000); } catch (InvalidOperationException) { }
        _process.Dispose();
        _process = null;
        _lines = null;
    }

    public void Dispose() => Kill();
}
