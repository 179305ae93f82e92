using SymSeq.Expressions;
using SymSeq.Generation;
using SymSeq.Verification;

namespace SymSeq.Datasets;

/// <summary>
/// Turns pairs written in infix, "problem&lt;TAB&gt;answer" per line, into a prefix dataset that <c>split</c>,
/// <c>train</c> and <c>evaluate</c> read: one's own integrals and ODEs, another tool's output, or the DIR/TASK.infix
/// twin that <c>generate</c> writes. The problem is an integrand in x or an equation in y, as <c>integrate</c> and
/// <c>solve</c> take them (SymPy's Derivative(f(x), x) - f is the integral of f); the answer is the antiderivative or
/// the solution with its constants. Both are written the way the generators write them: the problem in its one
/// canonical form (<see cref="Problems.Canonical"/>), the answer simplified, an antiderivative without additive
/// constants. Only pairs the verifier accepts are kept; every other line is reported with its number and reason.
/// Equal pairs are merged into one line with their count, in order of first occurrence, as <c>generate</c> does.
/// </summary>
public static class InfixImporter
{
    /// <summary>One dropped line: its 1-based number in the file and why.</summary>
    public sealed record Dropped(int LineNumber, string Reason);

    /// <summary>The dataset lines ("count|input&lt;TAB&gt;output"), the dropped lines, and how many pairs were read.</summary>
    public sealed record Report(IReadOnlyList<string> Lines, IReadOnlyList<Dropped> Dropped, int Pairs, int Kept);

    /// <summary>A pair turned into prefix tokens, or the reason it was not.</summary>
    public sealed record Result(DatasetLine? Line, string? Reason);

    /// <summary>
    /// Converts and verifies one pair. <paramref name="budget"/> bounds each symbolic step (parsing aside): the
    /// canonical form, the answer's simplification and the verification.
    /// </summary>
    public static Result Convert(string problemText, string answerText, TimeSpan budget)
    {
        Expr problem, answer;
        try { problem = Problems.AsIntegrationWhenItIs(Problems.Parse(problemText), budget); }
        catch (Exception e) when (IsInputError(e)) { return new(null, $"problem: {e.Message}"); }
        try { answer = InfixParser.Parse(answerText); }
        catch (Exception e) when (IsInputError(e)) { return new(null, $"answer: {e.Message}"); }
        if (ExprParts.ContainsUnknown(answer)) return new(null, "answer: it mentions the unknown function y");

        try
        {
            var canonical = Problems.Canonical(problem, budget);
            var simplified = Simplifier.Simplify(answer, budget);
            if (Problems.KindOf(canonical) == Problems.Kind.Integral) simplified = GeneratorContext.RemoveAdditiveConstants(simplified);
            // Right everywhere the problem is real, or so once written in its real form (ln|u| for the paper's ln u):
            // the pair is kept as written, in the paper's convention; one right on part of the line only is refused.
            var verdict = Problems.VerifyEverywhere(canonical, simplified).Verdict;
            if (!verdict.Accepted) return new(null, $"{verdict.Label}: {verdict.Reason}");
            return new(new DatasetLine(1, PrefixCodec.Encode(canonical), PrefixCodec.Encode(simplified)), null);
        }
        catch (SymbolicTimeoutException) { return new(null, $"took more than {budget.TotalSeconds:0.#} s to simplify or verify"); }
        catch (Exception e) when (e is UndefinedExpressionException or DivideByZeroException or ArgumentException)
        {
            return new(null, $"undefined: {e.Message}");
        }
    }

    /// <summary>
    /// Every pair of a file, in parallel; blank lines and lines starting with # are skipped. A line without a tab,
    /// or whose pair does not parse or verify, is dropped and reported. <paramref name="progress"/> gets the number
    /// of lines done and the total.
    /// </summary>
    public static Report ImportFile(string path, TimeSpan budget, int threads, CancellationToken cancel = default,
        Action<int, int>? progress = null)
    {
        if (!File.Exists(path)) throw SymSeq.Datasets.MissingFile.Error(path, "pairs file");
        var pairs = File.ReadLines(path)
            .Select((text, i) => (Text: text.TrimEnd('\r'), Number: i + 1))
            .Where(l => l.Text.Trim().Length > 0 && !l.Text.TrimStart().StartsWith('#'))
            .ToList();
        var done = 0;
        var results = pairs.AsParallel().AsOrdered().WithDegreeOfParallelism(threads).WithCancellation(cancel)
            .Select(l =>
            {
                var tab = l.Text.IndexOf('\t');
                var r = tab < 0
                    ? new Result(null, "expected 'problem<TAB>answer', found no tab")
                    : Convert(l.Text[..tab], l.Text[(tab + 1)..], budget);
                progress?.Invoke(Interlocked.Increment(ref done), pairs.Count);
                return (l.Number, r);
            })
            .ToList();

        var lines = new LineCounts();
        var dropped = new List<Dropped>();
        foreach (var (number, r) in results)
        {
            if (r.Line is null) dropped.Add(new Dropped(number, r.Reason!));
            else lines.Add(r.Line.Format(withCount: false));
        }
        return new Report([.. lines.Counted], dropped, pairs.Count, pairs.Count - dropped.Count);
    }

    private static bool IsInputError(Exception e) =>
        e is ExprParseException or FormatException or ArgumentException or UndefinedExpressionException
            or DivideByZeroException or SymbolicTimeoutException;
}
