using System.Collections.Concurrent;
using System.Diagnostics;

namespace SymSeq.Datasets;

/// <summary>Thread-safe counters for a generation run, and the progress line made from them.</summary>
public sealed class GenerationStats
{
    private long _examples, _draws;
    private readonly ConcurrentDictionary<string, long> _rejections = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public long Examples => Interlocked.Read(ref _examples);
    public long Draws => Interlocked.Read(ref _draws);
    public TimeSpan Elapsed => _clock.Elapsed;
    public IReadOnlyDictionary<string, long> Rejections => _rejections;

    public void Accepted() { Interlocked.Increment(ref _examples); Interlocked.Increment(ref _draws); }
    public void Rejected(string reason) { Interlocked.Increment(ref _draws); _rejections.AddOrUpdate(reason, 1, (_, v) => v + 1); }

    /// <summary>The rejection reasons, most frequent first, as shares of the draws ("constant 62.0%, too long 20.1%").</summary>
    public string TopReasons(int count = 4)
    {
        var draws = Math.Max(1, Math.Max(Draws, _rejections.Values.Sum() + Examples));
        return string.Join(", ", _rejections.OrderByDescending(kv => kv.Value).Take(count).Select(kv => $"{kv.Key} {100.0 * kv.Value / draws:F1}%"));
    }

    public double Rate => Examples / Math.Max(1e-9, Elapsed.TotalSeconds);

    public string ProgressLine(string task, long done, long total)
    {
        var rate = Rate;
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        // Read apart from each other, the counts may be a few draws out of step: never more than 100% rejected.
        var reasons = TopReasons();
        return $"{task}: {done:N0}/{total:N0} ({100.0 * done / Math.Max(1, total):F1}%)  {rate:N0} ex/s  ETA {eta:hh\\:mm\\:ss}" +
               (reasons.Length > 0 ? $"  rejected: {reasons}" : "");
    }
}
