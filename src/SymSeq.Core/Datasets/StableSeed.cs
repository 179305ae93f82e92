namespace SymSeq.Datasets;

/// <summary>
/// Seeds derived from several values (a run's seed, a task name, a chunk or epoch number) that are the same in
/// every process. <see cref="HashCode.Combine{T1, T2}"/> is not: .NET seeds it randomly per process, so a
/// resumed or sharded job in a new process would draw from different streams.
/// </summary>
public static class StableSeed
{
    public static int Combine(params ReadOnlySpan<long> parts)
    {
        var h = 0x9E3779B97F4A7C15UL;
        foreach (var p in parts) h = Mix(h ^ unchecked((ulong)p));
        return unchecked((int)(h ^ (h >> 32)));
    }

    /// <summary>A fixed 64-bit hash of a string (FNV-1a over its UTF-16 code units).</summary>
    public static long Of(string s)
    {
        var h = 0xCBF29CE484222325UL;
        foreach (var ch in s) h = unchecked((h ^ ch) * 0x100000001B3UL);
        return unchecked((long)h);
    }

    // SplitMix64's finalizer.
    private static ulong Mix(ulong z)
    {
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
