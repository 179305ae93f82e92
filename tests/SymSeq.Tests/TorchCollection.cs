namespace SymSeq.Tests;

/// <summary>
/// Test classes that drive libtorch run one at a time: they share its thread pool (2 cores), and TorchSharp's
/// native handles are not meant for concurrent tests hammering them from several threads.
/// </summary>
[CollectionDefinition("torch", DisableParallelization = true)]
public sealed class TorchCollection;
