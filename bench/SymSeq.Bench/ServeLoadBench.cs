using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using SymSeq.Solving;
using SymSeq.Web;

namespace SymSeq.Bench;

/// <summary>
/// `bench -- serve`: a bounded load test of the playground on loopback. Starts the server in-process with the
/// bundled model, sends --requests POST /api/integrate requests (the README's examples, round robin) from
/// --concurrency clients, and reports latency percentiles, throughput and errors (any status but 200).
/// </summary>
public static class ServeLoadBench
{
    public static async Task Run(int requests, int concurrency)
    {
        using var solver = MathSolver.Load(null, new HybridOptions { Cas = "none" });
        await using var app = PlaygroundServer.Build(solver, new ServeOptions { Host = "127.0.0.1", Port = 0, QueueLimit = Math.Max(32, concurrency) });
        await app.StartAsync();
        var url = new Uri(app.Urls.First());
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };

        // Single requests first: the latency one user sees on an idle server.
        var single = new List<double>();
        foreach (var e in LatencyBench.Examples.Concat(LatencyBench.Examples))
            single.Add((await Time(http, e)).Ms);
        Console.WriteLine($"serve, one request at a time (beam 10): p50 {Pct(single, 50):F0} ms, p90 {Pct(single, 90):F0} ms over {single.Count}");

        var latencies = new List<double>();
        var errors = new Dictionary<string, int>();
        var next = -1;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= requests) return;
                var (ms, status) = await Time(http, LatencyBench.Examples[i % LatencyBench.Examples.Length]);
                lock (latencies)
                {
                    latencies.Add(ms);
                    if (status != HttpStatusCode.OK) errors[status.ToString()] = errors.GetValueOrDefault(status.ToString()) + 1;
                }
            }
        }));
        var elapsed = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"serve load: {requests} requests at concurrency {concurrency} ({solver.Options.Beam}-beam, {Environment.ProcessorCount} cores): " +
                          $"{requests / elapsed:F1} req/s; latency p50 {Pct(latencies, 50):F0} ms, p90 {Pct(latencies, 90):F0} ms, " +
                          $"p99 {Pct(latencies, 99):F0} ms, max {latencies.Max():F0} ms; errors {errors.Values.Sum()}" +
                          (errors.Count > 0 ? $" ({string.Join(", ", errors.Select(kv => $"{kv.Key} {kv.Value}"))})" : ""));
        await app.StopAsync();
    }

    private static async Task<(double Ms, HttpStatusCode Status)> Time(HttpClient http, string expression)
    {
        var body = JsonSerializer.Serialize(new { expression });
        var sw = Stopwatch.StartNew();
        using var r = await http.PostAsync("/api/integrate", new StringContent(body, Encoding.UTF8, "application/json"));
        await r.Content.ReadAsStringAsync();
        return (sw.Elapsed.TotalMilliseconds, r.StatusCode);
    }

    private static double Pct(List<double> xs, double p)
    {
        var s = xs.Order().ToList();
        return s[(int)Math.Round(p / 100 * (s.Count - 1))];
    }
}
