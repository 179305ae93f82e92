using SymSeq.Datasets;
using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Evaluation;

/// <summary>
/// The problems of one test file; the task is the file's name without extension (bwd.test → bwd). A prefix dataset
/// (input, tab, answer per line, as <c>symseq split</c> writes) or, for a file ending in .txt, a plain list: one
/// problem per line as <c>integrate</c> and <c>solve</c> take it (an integrand in x, or an equation in y), blank lines
/// and lines starting with # skipped.
/// </summary>
public sealed record TestSet(string Task, string Path, IReadOnlyList<Expr> Problems)
{
    public static TestSet Load(string path, int limit = int.MaxValue)
    {
        var problems = path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase) ? ReadList(path, limit) : ReadPrefix(path, limit);
        if (problems.Count == 0) throw new FormatException($"test set '{path}' holds no problems");
        return new TestSet(System.IO.Path.GetFileNameWithoutExtension(path), path, problems);
    }

    private static List<Expr> ReadPrefix(string path, int limit)
    {
        var problems = new List<Expr>();
        foreach (var (line, _, n) in DatasetLine.ReadFile(path, "test set"))
        {
            if (problems.Count >= limit) break;
            try { problems.Add(PrefixCodec.Decode(line.Input)); }
            catch (PrefixFormatException e) { throw new FormatException($"{path}:{n}: {e.Message}", e); }
        }
        return problems;
    }

    private static List<Expr> ReadList(string path, int limit)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"test set '{path}' does not exist", path);
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
