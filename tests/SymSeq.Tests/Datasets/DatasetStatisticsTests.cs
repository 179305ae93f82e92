using SymSeq.Datasets;

namespace SymSeq.Tests.Datasets;

/// <summary>symseq stats: what a dataset looks like, the same whether duplicates are merged into counts or written out.</summary>
public sealed class DatasetStatisticsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-stats-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private const string YOverX = "sub Y' mul Y pow x INT- 1\tmul x a8";          // y' = y/x
    private const string Unsolved = "add mul x Y' mul INT- 1 2 Y\tmul a8 pow x INT+ 1 2"; // x·y' - 12y = 0

    [Fact]
    public void Merged_counts_and_written_out_duplicates_read_the_same()
    {
        var merged = DatasetStatistics.Of(Write("merged.prefix", "3|" + YOverX, "1|" + Unsolved));
        var raw = DatasetStatistics.Of(Write("raw.prefix", "1|" + YOverX, "1|" + Unsolved, "1|" + YOverX, YOverX));
        foreach (var s in new[] { merged, raw })
        {
            Assert.Equal(4, s.Draws);
            Assert.Equal(2, s.DistinctInputs);
            Assert.Equal(0.75, s.TopInputShare, 6);
        }
        Assert.Equal(2, merged.Lines);
        Assert.Equal(4, raw.Lines);
        var table = DatasetStatistics.Table([merged, raw]);
        Assert.Contains("draws of a problem drawn before", table);
        Assert.Contains("50.0%", table); // 2 of 4 draws repeat a problem
    }

    [Fact]
    public void Lengths_integers_and_the_forms_of_equations_are_counted()
    {
        var s = DatasetStatistics.Of(Write("ode1.prefix", "1|" + YOverX, "1|" + Unsolved));
        Assert.Equal(9, s.InputTokens.Max);          // x·y' - 12y: add mul x Y' mul INT- 1 2 Y
        Assert.Equal(8.5, s.InputTokens.Mean, 6);    // and y' - y/x has 8
        Assert.Equal(12, s.LargestInteger);          // INT- 1 2
        Assert.NotNull(s.Forms);
        Assert.Equal(0.5, s.Forms!.Solved, 6);       // y' = y/x is solved for y', x·y' - 12y = 0 is not
        Assert.Equal(0.5, s.Forms.Quotient, 6);
    }
}
