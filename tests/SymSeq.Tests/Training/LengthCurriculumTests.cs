using FsCheck.Xunit;
using SymSeq.Training;

namespace SymSeq.Tests.Training;

public sealed class LengthCurriculumTests
{
    /// <summary>200 batches whose padded lengths are a shuffled 10, 11, ..., 209.</summary>
    private static List<TrainExample[]> Batches(int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, 200).OrderBy(_ => rng.Next())
            .Select(i => new[] { new TrainExample(new long[5 + i], new long[5]) }).ToList();
    }

    [Property]
    public bool Competence_rises_from_a_tenth_to_everything(PositiveInt steps, NonNegativeInt a, NonNegativeInt b)
    {
        var (lo, hi) = (Math.Min(a.Get, b.Get), Math.Max(a.Get, b.Get));
        var cLo = LengthCurriculum.Competence(lo, steps.Get);
        var cHi = LengthCurriculum.Competence(hi, steps.Get);
        return (cLo <= cHi && cLo >= LengthCurriculum.StartShare - 1e-12 && cHi <= 1
                && LengthCurriculum.Competence(steps.Get, steps.Get) == 1);
    }

    [Fact]
    public void Early_steps_draw_only_short_batches_and_the_last_ones_reach_the_longest()
    {
        var curriculum = new LengthCurriculum(Batches(1), steps: 1000, seed: 7);
        // Step t draws among the shortest c(t) share: padded lengths 10 .. 10 + 200 c(t) (about 30 at step 1).
        Assert.All(Enumerable.Range(1, 100), t =>
            Assert.InRange(LengthCurriculum.PaddedLength(curriculum.Pick(t)), 10, 10 + Math.Ceiling(200 * LengthCurriculum.Competence(t, 1000))));
        Assert.All(Enumerable.Range(1, 5), t => Assert.InRange(LengthCurriculum.PaddedLength(curriculum.Pick(t)), 10, 32));
        var late = Enumerable.Range(900, 100).Select(t => LengthCurriculum.PaddedLength(curriculum.Pick(t))).ToList();
        Assert.Contains(late, l => l > 150);
        Assert.True(curriculum.Covers(1000));
        Assert.False(curriculum.Covers(1001));
    }

    [Fact]
    public void A_step_draws_the_same_batch_in_every_process_and_seeds_differ()
    {
        var a = new LengthCurriculum(Batches(1), 1000, seed: 7);
        var b = new LengthCurriculum(Batches(1), 1000, seed: 7);
        var c = new LengthCurriculum(Batches(1), 1000, seed: 8);
        var steps = Enumerable.Range(400, 50).ToList();
        // Padded lengths are all different here, so equal lengths mean the same batch.
        Assert.Equal(steps.Select(t => LengthCurriculum.PaddedLength(a.Pick(t))), steps.Select(t => LengthCurriculum.PaddedLength(b.Pick(t))));
        Assert.NotEqual(steps.Select(t => LengthCurriculum.PaddedLength(a.Pick(t))), steps.Select(t => LengthCurriculum.PaddedLength(c.Pick(t))));
    }

    [Fact]
    public void No_curriculum_covers_no_step() =>
        Assert.False(new LengthCurriculum(Batches(1), steps: 0, seed: 1).Covers(1));
}
