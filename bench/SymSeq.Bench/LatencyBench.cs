using System.Diagnostics;
using SymSeq.Solving;

namespace SymSeq.Bench;

/// <summary>
/// `bench -- latency`: what one user of the library or the command line waits for. Model load time, then the
/// latency of MathSolver.Integrate (beam 10, decomposition, no CAS) on the README's examples with libtorch on one
/// thread and on all cores, and the throughput of parallel callers each on one thread.
/// </summary>
public static class LatencyBench
{
    public static readonly string[] Examples = ["x*cos(x)", "cos(x)*exp(sin(x))", "x*exp(x)", "x*sinh(x)", "1/(1+x^2)", "ln(x)^2", "x/(1+x^2)"];

    public static void Run(int rounds)
    {
        var loads = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            using (MathSolver.Load(null, new HybridOptions { Cas = "none" })) loads.Add(sw.Elapsed.TotalMilliseconds);
        }
        Console.WriteLine($"model load (MathSolver.Load, bundled model): median {Median(loads):F0} ms over 5 (first {loads[0]:F0} ms)");

        using var solver = MathSolver.Load(null, new HybridOptions { Cas = "none" });
        foreach (var threads in new[] { 1, Environment.ProcessorCount }.Distinct())
        {
            Search.InferenceThreads.Set(threads);
            foreach (var e in Examples) solver.Integrate(e); // warm-up
            var times = new List<double>();
            var solved = 0;
            for (var r = 0; r < rounds; r++)
                foreach (var e in Examples)
                {
                    var sw = Stopwatch.StartNew();
                    if (solver.Integrate(e).Verified) solved++;
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
            times.Sort();
            Console.WriteLine($"latency, {threads} libtorch thread(s): median {Median(times):F0} ms, p90 {times[(int)(0.9 * (times.Count - 1))]:F0} ms, " +
                              $"max {times[^1]:F0} ms over {times.Count} solves ({solved} verified)");
        }

        Search.InferenceThreads.UseOne();
        foreach (var workers in new[] { 1, 2, 4 })
        {
            var sw = Stopwatch.StartNew();
            var done = 0;
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ =>
            {
                for (var r = 0; r < rounds; r++)
                    foreach (var e in Examples) { solver.Integrate(e); Interlocked.Increment(ref done); }
            });
            Console.WriteLine($"throughput, {workers} parallel caller(s) on 1 thread each: {done / sw.Elapsed.TotalSeconds:F1} problems/s");
        }
    }

    public static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }
}
