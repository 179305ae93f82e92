using System.Text.Json;

namespace SymSeq.Evaluation;

/// <summary>
/// One problem's outcome in one column (beam1, beam10, hybrid) of a <c>symseq evaluate --out</c> log; the reference
/// answer's length when the test set had one (a prefix file, and logs written since session 32), and for beam columns
/// of logs written since session 39 whether an unsolved problem was a search error (its reference answer scored above
/// every hypothesis the beam kept; null when the reference could not be scored).
/// </summary>
public sealed record LoggedOutcome(string Task, int Index, string Column, bool Solved, int InputTokens, IReadOnlyList<string> Operators,
    int? AnswerTokens = null, bool? SearchError = null);

/// <summary>
/// Reads the per-problem log that <see cref="ModelEvaluation"/> writes, for breaking a run down afterwards. Read only:
/// a line torn by a crash is skipped here and left for the evaluation's own resume to mend.
/// </summary>
public static class EvaluationLog
{
    /// <exception cref="FileNotFoundException">No such log.</exception>
    /// <exception cref="LogMismatchException">A line that is JSON but not an outcome of <c>symseq evaluate</c>, or no outcome at all.</exception>
    public static List<LoggedOutcome> Read(string path)
    {
        if (!File.Exists(path)) throw SymSeq.Datasets.MissingFile.Error(path, "evaluation log");
        var outcomes = new List<LoggedOutcome>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            JsonDocument doc;
            try { doc = JsonDocument.Parse(line); }
            catch (JsonException) { continue; }   // torn by a crash: the evaluation redoes it on resume
            using (doc)
                outcomes.Add(Outcome(doc.RootElement) ?? throw new LogMismatchException(
                    $"'{path}' line {number} is not an outcome of symseq evaluate --out (it needs task, index, beam, solved, input_tokens and operators)"));
        }
        if (outcomes.Count == 0) throw new LogMismatchException($"'{path}' holds no outcome of symseq evaluate --out");
        return outcomes;
    }

    /// <summary>The column a line's "beam" names: a number k is the column beamk, a string (hybrid) names itself.</summary>
    internal static string? Column(JsonElement beam) =>
        beam.ValueKind == JsonValueKind.Number && beam.TryGetInt32(out var k) ? $"beam{k}"
        : beam.ValueKind == JsonValueKind.String ? beam.GetString() : null;

    /// <summary>A whole number; a string, null or fraction is not (TryGetInt32 throws on anything but a number).</summary>
    private static bool IsInt(JsonElement e, out int value)
    {
        value = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value);
    }

    private static LoggedOutcome? Outcome(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object
            || !e.TryGetProperty("task", out var task) || task.ValueKind != JsonValueKind.String
            || !e.TryGetProperty("index", out var index) || !IsInt(index, out var i)
            || !e.TryGetProperty("beam", out var beam)
            || !e.TryGetProperty("solved", out var solved) || solved.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
            || !e.TryGetProperty("input_tokens", out var tokens) || !IsInt(tokens, out var n)
            || !e.TryGetProperty("operators", out var ops) || ops.ValueKind != JsonValueKind.Array)
            return null;
        if (Column(beam) is not { } column) return null;
        int? answer = e.TryGetProperty("answer_tokens", out var a) && IsInt(a, out var m) ? m : null;   // null: a plain list's problem
        bool? searchError = e.TryGetProperty("search_error", out var se) && se.ValueKind is JsonValueKind.True or JsonValueKind.False ? se.GetBoolean() : null;
        return new LoggedOutcome(task.GetString()!, i, column, solved.GetBoolean(), n,
            ops.EnumerateArray().Where(o => o.ValueKind == JsonValueKind.String).Select(o => o.GetString()!).ToArray(), answer, searchError);
    }
}
