using SymSeq.Model;
using SymSeq.Training;

namespace SymSeq.Tests.Training;

/// <summary>train --count-weight: a pair drawn N times by the generator is shown once, √N or N times per pass.</summary>
public sealed class CountWeightTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-countweight-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string File3()
    {
        var path = Path.Combine(_dir, "ode1.train");
        File.WriteAllLines(path, [
            "7335|sub Y' mul Y pow x INT- 1\tmul x a8",   // y' = y/x, drawn 7,335 times
            "9|sub Y' INT+ 1\tadd x a8",
            "1|sub Y' mul INT+ 2 x\tadd a8 pow x INT+ 2",
            "add Y' x\tadd a8 mul INT- 1 x",             // no count: a line written without one is one draw
        ]);
        return path;
    }

    [Theory]
    [InlineData(CountWeight.One, new[] { 1, 1, 1, 1 })]
    [InlineData(CountWeight.Sqrt, new[] { 86, 3, 1, 1 })]
    [InlineData(CountWeight.Count, new[] { 7335, 9, 1, 1 })]
    public void Each_pair_is_shown_as_often_as_its_weight_says(CountWeight weight, int[] copies)
    {
        var examples = TrainingData.Read(File3(), Vocabulary.Paper, weight: weight);
        Assert.Equal(copies.Sum(), examples.Count);
        var distinct = examples.Distinct().ToList(); // copies are the same object
        Assert.Equal(4, distinct.Count);
        Assert.Equal(copies, distinct.Select(d => examples.Count(e => ReferenceEquals(e, d))).ToArray());
    }

    [Fact]
    public void The_limit_counts_distinct_pairs_and_a_count_is_capped()
    {
        Assert.Equal(86 + 3, TrainingData.Read(File3(), Vocabulary.Paper, limit: 2, weight: CountWeight.Sqrt).Count);
        Assert.Equal(TrainingData.MaxCopies, TrainingData.Copies(1_000_000_000, CountWeight.Count));
        Assert.Equal(1, TrainingData.Copies(0, CountWeight.Sqrt));
    }
}
