namespace SymSeq.Datasets;

/// <summary>One line of a prefix dataset: "count|input&lt;TAB&gt;output" or "input&lt;TAB&gt;output".</summary>
public sealed record DatasetLine(long Count, string[] Input, string[] Output)
{
    /// <param name="file">Named in error messages with the line number, when given.</param>
    public static DatasetLine Parse(string line, int lineNumber = 0, string? file = null)
    {
        var where = (file, lineNumber) switch
        {
            (not null, > 0) => $"{file}:{lineNumber}: ",
            (null, > 0) => $"line {lineNumber}: ",
            _ => "",
        };
        var count = 1L;
        var body = line.AsSpan().TrimEnd("\r\n");
        var bar = body.IndexOf('|');
        var tab = body.IndexOf('\t');
        if (tab < 0) throw new FormatException($"{where}expected 'input<TAB>output', found no tab");
        if (bar >= 0 && bar < tab)
        {
            if (!long.TryParse(body[..bar], out count) || count < 1)
                throw new FormatException($"{where}expected a positive count before '|', got '{body[..bar].ToString()}'");
            body = body[(bar + 1)..];
            tab = body.IndexOf('\t');
        }
        var input = Split(body[..tab]);
        var output = Split(body[(tab + 1)..]);
        if (input.Length == 0) throw new FormatException($"{where}empty input");
        if (output.Length == 0) throw new FormatException($"{where}empty output");
        return new DatasetLine(count, input, output);
    }

    /// <summary>
    /// The non-empty lines of a prefix dataset file, parsed, with their text and 1-based line number; a bad line
    /// is an error naming the file and line. A missing file fails at once, naming it as <paramref name="what"/>.
    /// </summary>
    public static IEnumerable<(DatasetLine Line, string Text, int Number)> ReadFile(string path, string what = "dataset")
    {
        if (!File.Exists(path)) throw MissingFile.Error(path, what);
        return Lines(path);

        static IEnumerable<(DatasetLine, string, int)> Lines(string path)
        {
            var n = 0;
            foreach (var text in File.ReadLines(path))
            {
                n++;
                if (text.Length > 0) yield return (Parse(text, n, path), text, n);
            }
        }
    }

    private static string[] Split(ReadOnlySpan<char> s) => s.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public string Format(bool withCount = true) =>
        (withCount ? $"{Count}|" : "") + string.Join(' ', Input) + "\t" + string.Join(' ', Output);
}
