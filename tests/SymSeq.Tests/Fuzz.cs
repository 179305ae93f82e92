using Microsoft.FSharp.Core;

namespace SymSeq.Tests;

/// <summary>
/// How every property test draws its cases: from a fixed seed by default, so that a run of the suite (and CI) is
/// deterministic and a failure replays exactly; from the seed in <c>SYMSEQ_FUZZ_SEED</c> when set, or from a fresh
/// one when it is <c>random</c> (FsCheck's failure message then names the seed to replay). Exploring with fresh seeds
/// is how new defects are found; a found defect becomes a named case in its test class.
/// </summary>
public static class Fuzz
{
    public const ulong DefaultSeed = 20261207;

    private static readonly ulong? Seed = Environment.GetEnvironmentVariable("SYMSEQ_FUZZ_SEED") switch
    {
        null or "" => DefaultSeed,
        "random" => null,
        var s when ulong.TryParse(s, out var n) => n,
        var s => throw new InvalidOperationException($"SYMSEQ_FUZZ_SEED must be a whole number or \"random\", not \"{s}\""),
    };

    /// <summary>FsCheck's quick configuration (throwing on failure) with the seed above.</summary>
    public static Config Config => Seed is { } seed
        ? FsCheck.Config.QuickThrowOnFailure.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed), FSharpOption<int>.None)))
        : FsCheck.Config.QuickThrowOnFailure;
}
