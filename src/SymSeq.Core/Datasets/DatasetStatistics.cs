using System.Globalization;
using SymSeq.Expressions;

namespace SymSeq.Datasets;

/// <summary>
/// What a prefix dataset looks like, so that two sources of the same task can be compared (SymSeq's generator
/// against the paper's): sequence lengths, tree depth, operator shares, integer sizes, and for ODEs the form the
/// equation is written in (solved for its highest derivative, a non-vanishing factor kept, denominators kept), and how
/// often problems repeat: a file of merged duplicates counts its draws in each line's "N|", a raw sample writes a
/// problem drawn twice on two lines, and both count the same way here.
/// </summary>
public sealed record DatasetStatistics(
    string Name, int Lines,
    Summary InputTokens, Summary OutputTokens, Summary InputDepth,
    IReadOnlyDictionary<string, double> OperatorShares,
    double LargeIntegerShare, int LargestInteger,
    OdeForms? Forms)
{
    /// <summary>Problems drawn: the sum of the lines' counts (a line without a count is one draw).</summary>
    public long Draws { get; init; }

    /// <summary>Distinct inputs among the lines.</summary>
    public int DistinctInputs { get; init; }

    /// <summary>The share of draws taken by the most drawn input.</summary>
    public double TopInputShare { get; init; }

    /// <summary>Reads at most <paramref name="limit"/> lines of a prefix file ("count|input TAB output" or "input TAB output").</summary>
    public static DatasetStatistics Of(string path, int limit = int.MaxValue)
    {
        List<int> inLen = [], outLen = [], depth = [];
        var ops = new Dictionary<string, long>();
        long integers = 0, large = 0, opTotal = 0;
        var largest = 0;
        var draws = new Dictionary<string, long>();
        int odes = 0, solved = 0, factorKept = 0, quotient = 0, unreadable = 0;
        foreach (var (line, _, _) in DatasetLine.ReadFile(path).Take(limit))
        {
            inLen.Add(line.Input.Length);
            var key = string.Join(' ', line.Input);
            draws[key] = draws.GetValueOrDefault(key) + line.Count;
            outLen.Add(line.Output.Length);
            foreach (var (value, digits) in Integers(line.Input))
            {
                integers++;
                if (value > 10) large++;
                largest = Math.Max(largest, digits > 9 ? int.MaxValue : value);
            }
            Expr input;
            try { input = PrefixCodec.Decode(line.Input); }
            catch (Exception e) when (e is FormatException or ArgumentException) { unreadable++; continue; }
            depth.Add(Depth(input));
            foreach (var op in ExprParts.Nodes(input).OfType<Op>())
            {
                var name = op.Kind.Token();
                ops[name] = ops.GetValueOrDefault(name) + 1;
                opTotal++;
            }
            if (!ExprParts.ContainsUnknown(input)) continue;
            odes++;
            if (IsSolved(input)) solved++;
            if (KeepsAFactor(input)) factorKept++;
            if (ExprParts.Nodes(input).Any(n => n is Op { Kind: Operator.Div } || n is Op { Kind: Operator.Pow } p && p[1] is Num { Value.Sign: < 0 })) quotient++;
        }
        var lines = inLen.Count;
        return new DatasetStatistics(path, lines, Summary.Of(inLen), Summary.Of(outLen), Summary.Of(depth),
            ops.OrderByDescending(kv => kv.Value).ToDictionary(kv => kv.Key, kv => (double)kv.Value / Math.Max(1, opTotal)),
            integers == 0 ? 0 : (double)large / integers, largest,
            odes == 0 ? null : new OdeForms(odes, (double)solved / odes, (double)factorKept / odes, (double)quotient / odes, unreadable))
        {
            Draws = draws.Values.Sum(),
            DistinctInputs = draws.Count,
            TopInputShare = draws.Count == 0 ? 0 : (double)draws.Values.Max() / draws.Values.Sum(),
        };
    }

    /// <summary>The integers written in a token sequence (INT+ 1 2 is 12), with their digit counts.</summary>
    private static IEnumerable<(int Value, int Digits)> Integers(string[] tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i] is not ("INT+" or "INT-")) continue;
            var digits = 0;
            long value = 0;
            while (i + 1 < tokens.Length && tokens[i + 1].Length == 1 && char.IsAsciiDigit(tokens[i + 1][0]))
            {
                i++;
                digits++;
                if (value < int.MaxValue / 10) value = value * 10 + (tokens[i][0] - '0');
            }
            yield return ((int)Math.Min(value, int.MaxValue), digits);
        }
    }

    private static int Depth(Expr e) => e is Op op ? 1 + op.Args.Max(Depth) : 0;

    /// <summary>Written as Y^(n) - R or Y^(n) + R: the highest derivative stands alone, with coefficient 1, as a term of the top sum.</summary>
    private static bool IsSolved(Expr equation)
    {
        var order = ExprParts.Nodes(equation).OfType<Unknown>().Max(u => u.Order);
        var terms = equation switch
        {
            Op { Kind: Operator.Add } sum => sum.Args.ToArray(),
            Op { Kind: Operator.Sub } sub => [sub[0], sub[1]],
            _ => [equation],
        };
        return terms.Any(t => t is Unknown u && u.Order == order)
               && terms.Count(t => ExprParts.Nodes(t).OfType<Unknown>().Any(u => u.Order == order)) == 1;
    }

    /// <summary>A product at the top whose factors include one free of the unknown and not a number (e^(-x(1+x)), x², ln 3).</summary>
    private static bool KeepsAFactor(Expr equation) =>
        equation is Op { Kind: Operator.Mul } product
        && product.Args.Any(f => f is not Num && !ExprParts.ContainsUnknown(f))
        && product.Args.Any(ExprParts.ContainsUnknown);

    /// <summary>The statistics of several files side by side, as a text table (one column per file).</summary>
    public static string Table(IReadOnlyList<DatasetStatistics> files, int operators = 12)
    {
        var rows = new List<(string, Func<DatasetStatistics, string>)>
        {
            ("lines", s => s.Lines.ToString("N0", CultureInfo.InvariantCulture)),
            ("draws (the lines' counts summed)", s => s.Draws.ToString("N0", CultureInfo.InvariantCulture)),
            ("draws of a problem drawn before", s => Percent(s.Draws == 0 ? 0 : 1 - (double)s.DistinctInputs / s.Draws)),
            ("the most drawn problem's share", s => Percent(s.TopInputShare)),
            ("input tokens: mean", s => s.InputTokens.Mean.ToString("F1", CultureInfo.InvariantCulture)),
            ("input tokens: median / p90 / max", s => s.InputTokens.Quartiles),
            ("output tokens: mean", s => s.OutputTokens.Mean.ToString("F1", CultureInfo.InvariantCulture)),
            ("output tokens: median / p90 / max", s => s.OutputTokens.Quartiles),
            ("input depth: mean", s => s.InputDepth.Mean.ToString("F1", CultureInfo.InvariantCulture)),
            ("input depth: median / p90 / max", s => s.InputDepth.Quartiles),
            ("integers above 10", s => Percent(s.LargeIntegerShare)),
            ("largest integer", s => s.LargestInteger == int.MaxValue ? "> 10^9" : s.LargestInteger.ToString("N0", CultureInfo.InvariantCulture)),
        };
        if (files.Any(f => f.Forms is not null))
        {
            rows.Add(("ODE: solved for y^(n), coefficient 1", s => s.Forms is { } f ? Percent(f.Solved) : "-"));
            rows.Add(("ODE: a factor free of y kept at the top", s => s.Forms is { } f ? Percent(f.FactorKept) : "-"));
            rows.Add(("ODE: a quotient somewhere", s => s.Forms is { } f ? Percent(f.Quotient) : "-"));
        }
        foreach (var op in files.SelectMany(f => f.OperatorShares.Keys.Take(operators)).Distinct())
            rows.Add(($"share of operators: {op}", s => Percent(s.OperatorShares.GetValueOrDefault(op))));
        // Columns named by file, with as much of the path as tells apart files of the same name.
        files = files.Select(f => f with { Name = ShortName(f.Name, files.Select(g => g.Name)) }).ToList();
        var width = Math.Max(40, rows.Max(r => r.Item1.Length) + 2);
        var columns = files.Select(f => Math.Max(20, f.Name.Length + 2)).ToArray();
        var text = new System.Text.StringBuilder();
        text.Append("".PadRight(width));
        for (var i = 0; i < files.Count; i++) text.Append(files[i].Name.PadLeft(columns[i]));
        text.AppendLine();
        foreach (var (label, cell) in rows)
        {
            text.Append(label.PadRight(width));
            for (var i = 0; i < files.Count; i++) text.Append(cell(files[i]).PadLeft(columns[i]));
            text.AppendLine();
        }
        return text.ToString();
    }

    private static string ShortName(string path, IEnumerable<string> all)
    {
        var parts = path.Split('/', '\\');
        for (var n = 1; n <= parts.Length; n++)
        {
            var tail = string.Join('/', parts[^n..]);
            if (all.Count(p => p == path || p.EndsWith("/" + tail, StringComparison.Ordinal) || p == tail) <= 1) return tail;
        }
        return path;
    }

    private static string Percent(double share) => (100 * share).ToString("F1", CultureInfo.InvariantCulture) + "%";
}

/// <summary>Mean, median, 90th percentile and maximum of a list of counts.</summary>
public sealed record Summary(double Mean, int Median, int P90, int Max)
{
    public static Summary Of(List<int> values)
    {
        if (values.Count == 0) return new Summary(0, 0, 0, 0);
        var sorted = values.Order().ToArray();
        return new Summary(sorted.Average(), sorted[sorted.Length / 2], sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(0.9 * sorted.Length) - 1)], sorted[^1]);
    }

    public string Quartiles => $"{Median} / {P90} / {Max}";
}

/// <summary>How a dataset's ODEs are written: shares of the equations.</summary>
public sealed record OdeForms(int Equations, double Solved, double FactorKept, double Quotient, int Unreadable);
