using static TorchSharp.torch;

namespace SymSeq.Search;

/// <summary>
/// libtorch's intra-op threads for inference. Its default (one per core) spins threads against each other on the
/// small tensors of a beam search; one thread per problem measured faster alone and far faster on a loaded machine
/// (bench -- latency). Process-wide, as libtorch's setting is. Setting it before any model is loaded does not load
/// libtorch (half a second): the count waits and applies when the first model loads (<see cref="ApplyPending"/>), so a
/// command that never needs the model never pays for it.
/// </summary>
public static class InferenceThreads
{
    private static readonly Lock Gate = new();
    private static int? _pending;
    private static bool _live;

    public static void UseOne() => Set(1);

    public static void Set(int threads)
    {
        if (threads < 1) throw new ArgumentException($"threads must be at least 1, got {threads}");
        lock (Gate)
        {
            if (_live) Apply(threads);
            else _pending = threads;
        }
    }

    /// <summary>The count in force, or the one waiting for libtorch; null when neither was set and libtorch is not loaded.</summary>
    public static int? Current
    {
        get { lock (Gate) return _live ? get_num_threads() : _pending; }
    }

    /// <summary>Called as a model loads (libtorch loads with it): the count set so far takes effect, and later ones at once.</summary>
    public static void ApplyPending()
    {
        lock (Gate)
        {
            _live = true;
            if (_pending is { } t) Apply(t);
            _pending = null;
        }
    }

    private static void Apply(int threads)
    {
        if (get_num_threads() != threads) set_num_threads(threads);
    }
}
