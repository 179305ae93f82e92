namespace SymSeq.Evaluation;

/// <summary>One task and column of an evaluation log, split into groups (input lengths, operators), each with its tally.</summary>
public sealed record BreakdownRow(string Task, string Column, IReadOnlyList<(string Group, Tally Tally)> Groups);

/// <summary>Two runs of the same problems set side by side: what both solve, what each solves alone, and which problems those are.</summary>
public sealed record RunDifference(string Task, string Column, int Both, int Neither, IReadOnlyList<int> OnlyFirst, IReadOnlyList<int> OnlySecond)
{
    public int Common => Both + Neither + OnlyFirst.Count + OnlySecond.Count;
}

/// <summary>
/// The unsolved problems of one task and column: how many had their reference answer scored, and of those, how many
/// the search lost (the reference scored above every hypothesis kept) rather than the model (it preferred wrong answers).
/// </summary>
public sealed record MissRow(string Task, string Column, int Problems, int Unsolved, int Scored, int SearchErrors);

/// <summary>
/// Breaks an evaluation log down after the run (issue 14: "so a run can be broken down by length or operator without
/// splitting files"): accuracy by input length, by the reference answer's length, by operator of the input, and one
/// run against another problem by problem.
/// Rows keep the log's order of tasks and columns.
/// </summary>
public static class LogBreakdown
{
    /// <summary>
    /// Tallies by input length in tokens, every bucket in every row (a bucket with no problem has total 0);
    /// <paramref name="edges"/> (ascending) are the last lengths of all but the last bucket.
    /// </summary>
    public static List<BreakdownRow> ByLength(IReadOnlyList<LoggedOutcome> outcomes, IReadOnlyList<int> edges) =>
        Bucketed(outcomes, edges, o => o.InputTokens);

    /// <summary>
    /// Tallies by the reference answer's length in tokens, as <see cref="ByLength"/> does by the input's; problems
    /// logged without one (a plain list, or an older log) are left out, so there are no rows when none has one.
    /// Long answers are what the model finds hardest on FWD, where a short integrand can have a long integral.
    /// </summary>
    public static List<BreakdownRow> ByAnswerLength(IReadOnlyList<LoggedOutcome> outcomes, IReadOnlyList<int> edges) =>
        Bucketed(outcomes, edges, o => o.AnswerTokens);

    /// <summary>Tallies per bucket of a length, for the outcomes that have one.</summary>
    private static List<BreakdownRow> Bucketed(IReadOnlyList<LoggedOutcome> outcomes, IReadOnlyList<int> edges, Func<LoggedOutcome, int?> length)
    {
        if (EdgesProblem(edges) is { } problem) throw new ArgumentException(problem, nameof(edges));
        var labels = edges.Select((e, i) => i == 0 ? $"<= {e}" : $"{edges[i - 1] + 1}-{e}").Append($"> {edges[^1]}").ToList();
        return Rows(outcomes.Where(o => length(o) is not null).ToList(), o => [labels[Bucket(length(o)!.Value, edges)]], labels);
    }

    /// <summary>What is wrong with these bucket edges for <see cref="ByLength"/>, or null when nothing is.</summary>
    public static string? EdgesProblem(IReadOnlyList<int> edges) =>
        edges.Count == 0 || edges[0] < 1 || edges.Zip(edges.Skip(1)).Any(p => p.First >= p.Second)
            ? "length buckets need ascending positive edges, such as 32,64,100" : null;

    /// <summary>Tallies of the problems whose input holds each operator (a problem counts under every operator it has), most frequent first.</summary>
    public static List<BreakdownRow> ByOperator(IReadOnlyList<LoggedOutcome> outcomes) => Rows(outcomes, o => o.Operators, order: null);

    /// <summary>
    /// Search errors against model errors per task and beam column, for logs whose test sets had reference answers;
    /// no rows when no line says (plain lists, hybrid columns, logs older than search_error).
    /// </summary>
    public static List<MissRow> Misses(IReadOnlyList<LoggedOutcome> outcomes) =>
        Latest(outcomes).Values.GroupBy(o => (o.Task, o.Column)).Where(g => g.Any(o => o.SearchError is not null)).Select(g =>
        {
            var unsolved = g.Where(o => !o.Solved).ToList();
            return new MissRow(g.Key.Task, g.Key.Column, g.Count(), unsolved.Count, unsolved.Count(o => o.SearchError is not null),
                unsolved.Count(o => o.SearchError == true));
        }).ToList();

    /// <summary>The two runs on the problems both logged, per task and column (the first run's order).</summary>
    public static List<RunDifference> Against(IReadOnlyList<LoggedOutcome> first, IReadOnlyList<LoggedOutcome> second)
    {
        var other = Latest(second);
        return Latest(first).GroupBy(p => (p.Key.Task, p.Key.Column)).Select(g =>
        {
            int both = 0, neither = 0;
            List<int> onlyFirst = [], onlySecond = [];
            foreach (var (key, a) in g.OrderBy(p => p.Key.Index))
            {
                if (!other.TryGetValue(key, out var b)) continue;
                if (a.Solved && b.Solved) both++;
                else if (a.Solved) onlyFirst.Add(key.Index);
                else if (b.Solved) onlySecond.Add(key.Index);
                else neither++;
            }
            return new RunDifference(g.Key.Task, g.Key.Column, both, neither, onlyFirst, onlySecond);
        }).ToList();
    }

    private static int Bucket(int tokens, IReadOnlyList<int> edges)
    {
        for (var i = 0; i < edges.Count; i++)
            if (tokens <= edges[i]) return i;
        return edges.Count;
    }

    /// <summary>A log resumed after a crash can hold a problem twice; its last line is the one that counts, as in the run's own tally.</summary>
    private static Dictionary<(string Task, int Index, string Column), LoggedOutcome> Latest(IReadOnlyList<LoggedOutcome> outcomes)
    {
        var latest = new Dictionary<(string, int, string), LoggedOutcome>();
        foreach (var o in outcomes) latest[(o.Task, o.Index, o.Column)] = o;
        return latest;
    }

    private static List<BreakdownRow> Rows(IReadOnlyList<LoggedOutcome> outcomes, Func<LoggedOutcome, IEnumerable<string>> groups, IReadOnlyList<string>? order) =>
        Latest(outcomes).Values.GroupBy(o => (o.Task, o.Column)).Select(g =>
        {
            var tallies = new Dictionary<string, Tally>();
            foreach (var o in g)
                foreach (var name in groups(o))
                {
                    var t = tallies.GetValueOrDefault(name);
                    tallies[name] = new Tally(t.Solved + (o.Solved ? 1 : 0), t.Total + 1);
                }
            // a fixed order (length buckets) keeps every group, empty ones too, so that rows line up as columns
            var names = order ?? tallies.OrderByDescending(t => t.Value.Total).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key).ToList();
            return new BreakdownRow(g.Key.Task, g.Key.Column, names.Select(n => (n, tallies.GetValueOrDefault(n))).ToList());
        }).ToList();
}
