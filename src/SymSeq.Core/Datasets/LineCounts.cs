namespace SymSeq.Datasets;

/// <summary>
/// Lines merged the way the paper's datasets are: each distinct line once, in order of first occurrence, with the
/// number of times it came ("count|line"). What <c>generate</c> and <c>import</c> write.
/// </summary>
public sealed class LineCounts
{
    private readonly Dictionary<string, long> _counts = [];
    private readonly List<string> _order = [];

    public void Add(string line)
    {
        if (_counts.TryGetValue(line, out var k)) _counts[line] = k + 1;
        else { _counts[line] = 1; _order.Add(line); }
    }

    /// <summary>The distinct lines, in order of first occurrence.</summary>
    public IReadOnlyList<string> Distinct => _order;

    /// <summary>The distinct lines with their counts: "count|line".</summary>
    public IEnumerable<string> Counted => _order.Select(l => $"{_counts[l]}|{l}");
}
