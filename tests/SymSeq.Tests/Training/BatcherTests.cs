using SymSeq.Generation;
using SymSeq.Model;
using SymSeq.Training;

namespace SymSeq.Tests.Training;

public sealed class BatcherTests
{
    /// <summary>Examples with source lengths 5–80 and target lengths 3–60, spread like generated data.</summary>
    private static List<TrainExample> Data(int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(i =>
        {
            var s = 5 + (int)(75 * Math.Pow(rng.NextDouble(), 2));
            var t = 3 + (int)(57 * Math.Pow(rng.NextDouble(), 3));
            return new TrainExample(Enumerable.Repeat((long)i, s).ToArray(), new long[t]);
        }).ToList();
    }

    [Fact]
    public void Every_example_lands_in_exactly_one_batch_within_the_budget()
    {
        var data = Data(3000, 1);
        const int budget = 1500;
        var batches = Batcher.Make(data, budget, new Random(2));
        Assert.Equal(data.Count, batches.Sum(b => b.Length));
        Assert.Equal(data.Count, batches.SelectMany(b => b).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.All(batches, b => Assert.True(b.Length * (b.Max(e => e.Src.Length) + b.Max(e => e.Tgt.Length)) <= budget));
    }

    [Fact]
    public void Padding_stays_under_ten_percent_of_tokens_on_generated_data()
    {
        var bwd = new BackwardGenerator(new GeneratorContext(ExpressionOptions.Default with { MaxOps = 8 }));
        var vocab = Vocabulary.Paper;
        var rng = new Random(3);
        var data = new List<TrainExample>();
        while (data.Count < 10_000)
            if (bwd.TryGenerate(rng, out _) is { } ex) data.Add(new TrainExample(vocab.Encode(ex.InputTokens), vocab.Encode(ex.OutputTokens)));
        var batches = Batcher.Make(data, 2000, new Random(4));
        Assert.InRange(Batcher.PaddingFraction(batches), 0.0, 0.10);
        // Unsorted batches of the same sizes would pad far more: the grouping by length is what keeps it low.
        var unsorted = data.Chunk(data.Count / batches.Count).ToList();
        Assert.True(Batcher.PaddingFraction(unsorted) > 0.3, $"unsorted padding {Batcher.PaddingFraction(unsorted):P1}");
    }

    [Fact]
    public void The_batch_count_does_not_depend_on_the_shuffle()
    {
        // The trainer maps a step to (epoch, batch) with one count for every epoch; resuming relies on it.
        var data = Data(5000, 5);
        var counts = Enumerable.Range(0, 5).Select(seed => Batcher.Make(data, 1200, new Random(seed)).Count).Distinct().ToList();
        Assert.Single(counts);
        var orders = Enumerable.Range(0, 2).Select(seed => Batcher.Make(data, 1200, new Random(seed))[0][0]).ToList();
        Assert.NotSame(orders[0], orders[1]); // different seeds do shuffle
    }

    [Fact]
    public void A_single_example_over_the_budget_gets_a_batch_of_its_own()
    {
        var data = new List<TrainExample> { new(new long[10], new long[10]), new(new long[300], new long[10]) };
        var batches = Batcher.Make(data, 100, new Random(0));
        Assert.Equal(2, batches.Count);
        Assert.All(batches, b => Assert.Single(b));
    }
}
