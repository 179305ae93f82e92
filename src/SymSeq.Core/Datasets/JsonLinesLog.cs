using System.Text;
using System.Text.Json;

namespace SymSeq.Datasets;

/// <summary>
/// A JSON-lines log that a long run appends to as it goes, so that a crash loses at most the line being written:
/// <see cref="ReadIntact{T}"/> drops a torn line (and rewrites the file without it, atomically), and
/// <see cref="Append"/> flushes every line. UTF-8 without a byte-order mark: JSON-lines readers reject one.
/// </summary>
public static class JsonLinesLog
{
    /// <summary>Every record of the log that parses as <typeparamref name="T"/>; an empty list when there is no log yet.</summary>
    public static List<T> ReadIntact<T>(string path)
    {
        var records = new List<T>();
        if (!File.Exists(path)) return records;
        var lines = File.ReadAllLines(path);
        var kept = new List<string>();
        foreach (var line in lines)
        {
            T? record;
            try { record = JsonSerializer.Deserialize<T>(line); }
            catch (JsonException) { continue; } // a line torn by a crash: its work is done again
            if (record is null) continue;
            records.Add(record);
            kept.Add(line);
        }
        if (kept.Count != lines.Length) AtomicFile.WriteAllLines(path, kept);
        return records;
    }

    /// <summary>A writer that appends to the log and flushes each line.</summary>
    public static StreamWriter Append(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        return new StreamWriter(path, append: true, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
    }
}
