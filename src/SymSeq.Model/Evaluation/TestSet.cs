using SymSeq.Datasets;
using SymSeq.Expressions;

namespace SymSeq.Evaluation;

/// <summary>The problems of one prefix test file; the task is the file's name without extension (bwd.test → bwd).</summary>
public sealed record TestSet(string Task, string Path, IReadOnlyList<Expr> Problems)
{
    public static TestSet Load(string path, int limit = int.MaxValue)
    {
        var problems = new List<Expr>();
        foreach (var (line, _, n) in DatasetLine.ReadFile(path, "test set"))
        {
            if (problems.Count >= limit) break;
            try { problems.Add(PrefixCodec.Decode(line.Input)); }
            catch (PrefixFormatException e) { throw new FormatException($"{path}:{n}: {e.Message}", e); }
        }
        if (problems.Count == 0) throw new FormatException($"test set '{path}' holds no problems");
        return new TestSet(System.IO.Path.GetFileNameWithoutExtension(path), path, problems);
    }
}
