using SymSeq.Datasets;

namespace SymSeq.Training;

/// <summary>
/// A curriculum by length (the competence schedule of Platanios et al., NAACL 2019): during the first
/// <c>steps</c> optimizer steps a batch is drawn at random from the shortest c(t) share of the batches, with
/// c(t) = min(1, sqrt(t (1 − c0²) / T + c0²)) rising from c0 = 10% at the start to every batch at step T; after
/// that the run goes through its epochs as usual. The draw at step t depends only on (seed, t), so a resumed run
/// sees the same batches.
/// </summary>
public sealed class LengthCurriculum
{
    public const double StartShare = 0.1;
    private readonly TrainExample[][] _byLength;
    private readonly long _steps;
    private readonly int _seed;

    public LengthCurriculum(IReadOnlyList<TrainExample[]> batches, long steps, int seed)
    {
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, "the curriculum's length cannot be negative");
        // Stable sort: batches of equal padded length keep the (seeded) order they came in.
        _byLength = batches.OrderBy(PaddedLength).ToArray();
        _steps = steps;
        _seed = seed;
    }

    /// <summary>Whether the (1-based) step still draws from the curriculum.</summary>
    public bool Covers(long step) => step <= _steps && _byLength.Length > 0;

    /// <summary>The share of batches, shortest first, that step t (1-based) draws from.</summary>
    public static double Competence(long step, long steps)
    {
        if (steps <= 0 || step >= steps) return 1;
        var c0 = StartShare * StartShare;
        return Math.Min(1, Math.Sqrt(Math.Max(0, step) * (1 - c0) / steps + c0));
    }

    /// <summary>The batch of step t (1-based), among the shortest <see cref="Competence"/> share.</summary>
    public TrainExample[] Pick(long step)
    {
        var n = Math.Clamp((int)Math.Ceiling(Competence(step, _steps) * _byLength.Length), 1, _byLength.Length);
        return _byLength[new Random(StableSeed.Combine(_seed, 0x6375_7272, step)).Next(n)];
    }

    public static int PaddedLength(TrainExample[] batch) => batch.Max(e => e.Src.Length) + batch.Max(e => e.Tgt.Length);
}
