using SymSeq.Datasets;
using SymSeq.Expressions;

namespace SymSeq.Evaluation;

/// <summary>The problems of one prefix test file; the task is the file's name without extension (bwd.test → bwd).</summary>
public sealed record TestSet(string Task, string Path, IReadOnlyList<Expr> Problems)
{
    public static TestSet Load(string path, int limit = int.MaxValue)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"test set '{path}' does not exist", path);
        var problems = new List<Expr>();
        var n = 0;
        foreach (var line in File.ReadLines(path))
        {
            n++;
            if (line.Length == 0) continue;
            if (problems.Count >= limit) break;
            var tokens = DatasetLine.Parse(line, n, path).Input;
            try { problems.Add(PrefixCodec.Decode(tokens)); }
            catch (PrefixFormatException e) { throw new FormatException($"{path}:{n}: {e.Message}", e); }
        }
        if (problems.Count == 0) throw new FormatException($"test set '{path}' holds no problems");
        return new TestSet(System.IO.Path.GetFileNameWithoutExtension(path), path, problems);
    }
}
