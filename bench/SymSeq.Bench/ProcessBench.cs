using System.Diagnostics;

namespace SymSeq.Bench;

/// <summary>
/// `bench -- process`: what a command-line user waits for, start to exit, of the built symseq program (dotnet build
/// -c Release first): a problem the rules answer (no libtorch, no model), one that needs the integration model, and
/// simplify as the floor of starting .NET. Median of --runs whole processes each; the machine should be quiet.
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
        if (Program() is not { } exe)
        {
            Console.WriteLine("process: no built symseq found; run `dotnet build -c Release` first");
            return 1;
        }
        Console.WriteLine($"process: {exe}, median of {runs} runs each");
        foreach (var (what, args) in Cases)
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
                if (p.ExitCode != 0) { Console.WriteLine($"  {what}: exit {p.ExitCode}: {err.Result.Trim()}"); break; }
                engine = err.Result.Split(';').Skip(1).FirstOrDefault()?.Split(',')[0].Trim();
                if (i > 0) times.Add(ms);   // the first run warms the file cache
            }
            if (times.Count > 0)
                Console.WriteLine($"  {what,-48} median {LatencyBench.Median(times) / 1000:F2} s (min {times.Min() / 1000:F2}, max {times.Max() / 1000:F2}){(engine is null ? "" : $"  [{engine}]")}");
        }
        return 0;
    }

    /// <summary>The built program of the repository this benchmark runs from, or null.</summary>
    private static string? Program()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var exe = Path.Combine(dir.FullName, "src", "SymSeq.Cli", "bin", "Release", "net10.0", "symseq");
            if (File.Exists(exe)) return exe;
        }
        return null;
    }
}
