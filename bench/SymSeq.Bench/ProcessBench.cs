using System.Diagnostics;

namespace SymSeq.Bench;

/// <summary>
/// `bench -- process`: what a command-line user waits for, start to exit, of the symseq program as the README builds
/// it (`dotnet publish src/SymSeq.Cli -c Release -o bin/symseq`, compiled ahead of time) and as `dotnet build -c
/// Release` leaves it (compiled just in time), whichever exist: a problem the rules answer (no libtorch, no model),
/// one that needs the integration model, and simplify as the floor of starting .NET. Median of --runs whole processes each; the machine should be quiet.
/// </summary>
public static class ProcessBench
{
    private static readonly (string What, string[] Args)[] Cases =
    [
        ("simplify x + x (start-up floor)", ["simplify", "x + x"]),
        ("integrate x*cos(x) (rules)", ["integrate", "x*cos(x)", "--cas", "none"]),
        ("integrate cos(x)*ln(x) + sin(x)/x (model)", ["integrate", "cos(x)*ln(x) + sin(x)/x", "--cas", "none"]),
        ("solve y' = y/x (rules)", ["solve", "y' = y/x", "--cas", "none"]),
    ];

    public static int Run(int runs)
    {
        var programs = Programs();
        if (programs.Count == 0)
        {
            Console.WriteLine("process: no symseq program found; run `dotnet publish src/SymSeq.Cli -c Release -o bin/symseq` first");
            return 1;
        }
        // Both programs when both exist, case by case in turn, so that their ratio is measured in one run.
        Console.WriteLine($"process: median of {runs} runs each; {string.Join("; ", programs.Select(p => $"{p.Label}: {p.Path}"))}");
        foreach (var (what, args) in Cases)
            foreach (var (label, exe) in programs)
                Measure($"{what} [{label}]", exe, args, runs);
        return 0;
    }

    private static void Measure(string what, string exe, string[] args, int runs)
    {
        var times = new List<double>();
        string? engine = null;
        for (var i = 0; i < runs + 1; i++)
        {
            var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            var sw = Stopwatch.StartNew();
            using var p = System.Diagnostics.Process.Start(psi)!;
            var err = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var ms = sw.Elapsed.TotalMilliseconds;
            if (p.ExitCode != 0) { Console.WriteLine($"  {what}: exit {p.ExitCode}: {err.Result.Trim()}"); return; }
            engine = err.Result.Split(';').Skip(1).FirstOrDefault()?.Split(',')[0].Trim();
            if (i > 0) times.Add(ms);   // the first run warms the file cache
        }
        Console.WriteLine($"  {what,-62} median {LatencyBench.Median(times) / 1000:F2} s (min {times.Min() / 1000:F2}, max {times.Max() / 1000:F2}){(engine is null ? "" : $"  [{engine}]")}");
    }

    /// <summary>
    /// The programs of the repository this benchmark runs from: the published one (compiled ahead of time, as the
    /// README builds it) and the one `dotnet build -c Release` leaves (compiled just in time), those that exist.
    /// </summary>
    private static List<(string Label, string Path)> Programs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "SymSeq.slnx"))) continue;
            return new List<(string Label, string Path)>
            {
                ("published", Path.Combine(dir.FullName, "bin", "symseq", "symseq")),
                ("built", Path.Combine(dir.FullName, "src", "SymSeq.Cli", "bin", "Release", "net10.0", "symseq")),
            }.Where(p => File.Exists(p.Path)).ToList();
        }
        return [];
    }
}
