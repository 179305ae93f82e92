using static TorchSharp.torch;

namespace SymSeq.Search;

/// <summary>
/// libtorch's intra-op threads for inference. Its default (one per core) spins threads against each other on the
/// small tensors of a beam search; one thread per problem measured faster alone and far faster on a loaded machine
/// (bench -- latency). Process-wide, as libtorch's setting is.
/// </summary>
public static class InferenceThreads
{
    public static void UseOne() => Set(1);

    public static void Set(int threads)
    {
        if (threads < 1) throw new ArgumentException($"threads must be at least 1, got {threads}");
        if (get_num_threads() != threads) set_num_threads(threads);
    }
}
