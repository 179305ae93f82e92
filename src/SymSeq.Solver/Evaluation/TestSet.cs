using SymSeq.Datasets;
using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Evaluation;

/// <summary>
/// The problems of one test file; the task is the file's name without extension (bwd.test → bwd). A prefix dataset
/// (input, tab, answer per line, as <c>symseq split</c> writes) or, for a file ending in .txt, a plain list: one
/// problem per line as <c>integrate</c> and <c>solve</c> take it (an integrand in x, or an equation in y), blank lines
/// and lines starting with # skipped. A prefix dataset also gives each problem's reference answer length in tokens
/// (<see cref="AnswerTokens"/>), for breaking a run down by how long the answer is, and the answer itself
/// (<see cref="References"/>), for scoring it under the model; a plain list has neither.
/// </summary>
public sealed record TestSet(string Task, string Path, IReadOnlyList<Expr> Problems, IReadOnlyList<string[]>? References = null)
{
    /// <summary>The reference answers' lengths in tokens, when the file gave answers.</summary>
    public IReadOnlyList<int>? AnswerTokens => References?.Select(r => r.Length).ToList();

    public static TestSet Load(string path, int limit = int.MaxValue)
    {
        var task = System.IO.Path.GetFileNameWithoutExtension(path);
        var set = path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? new TestSet(task, path, ReadList(path, limit)) : ReadPrefix(task, path, limit);
        if (set.Problems.Count == 0) throw new FormatException($"test set '{path}' holds no problems");
        return set;
    }

    /// <summary>The reference answer's length in tokens of problem <paramref name="index"/>, when the file gave one.</summary>
    public int? AnswerLength(int index) => References is { } a && index < a.Count ? a[index].Length : null;

    private static TestSet ReadPrefix(string task, string path, int limit)
    {
        var problems = new List<Expr>();
        var answers = new List<string[]>();
        foreach (var (line, _, n) in DatasetLine.ReadFile(path, "test set"))
        {
            if (problems.Count >= limit) break;
            try { problems.Add(PrefixCodec.Decode(line.Input)); }
            catch (PrefixFormatException e) { throw new FormatException($"{path}:{n}: {e.Message}", e); }
            answers.Add(line.Output);
        }
        return new TestSet(task, path, problems, answers);
    }

    private static List<Expr> ReadList(string path, int limit)
    {
        if (!File.Exists(path)) throw SymSeq.Datasets.MissingFile.Error(path, "test set");
        var problems = new List<Expr>();
        var n = 0;
        foreach (var raw in File.ReadLines(path))
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (problems.Count >= limit) break;
            try { problems.Add(SymSeq.Verification.Problems.Parse(line)); }
            catch (Exception e) when (e is ExprParseException or FormatException or ArgumentException or UndefinedExpressionException)
            {
                throw new FormatException($"{path}:{n}: {e.Message}", e);
            }
        }
        return problems;
    }
}
