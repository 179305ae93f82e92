using System.Globalization;

namespace SymSeq.Cli;

/// <summary>A usage error: printed with the command's help, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// Reads "--name value" options and positional arguments; every option must be consumed, so a misspelt
/// option is an error naming it rather than silently ignored.
/// </summary>
public sealed class ArgReader
{
    private readonly Dictionary<string, string?> _options = new();
    private readonly List<string> _positional = [];
    private readonly HashSet<string> _used = [];

    /// <param name="flags">Options that never take a value, so "--raw EXPR" leaves EXPR positional.</param>
    public ArgReader(IEnumerable<string> args, IEnumerable<string>? flags = null)
    {
        var flagSet = flags?.ToHashSet() ?? [];
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var a = list[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=');
                if (eq > 0) { _options[a[2..eq]] = a[(eq + 1)..]; continue; }
                var hasValue = !flagSet.Contains(a[2..]) && i + 1 < list.Count
                    && !(list[i + 1].StartsWith("--", StringComparison.Ordinal) && list[i + 1].Length > 2);
                _options[a[2..]] = hasValue ? list[++i] : null;
            }
            else _positional.Add(a);
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public bool Flag(string name)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var v)) return false;
        return v is null || v is "true" or "1" or "yes" ? true
            : v is "false" or "0" or "no" ? false
            : throw new UsageException($"--{name} is a flag; got value '{v}'");
    }

    public string? String(string name)
    {
        _used.Add(name);
        if (!_options.TryGetValue(name, out var v)) return null;
        return v ?? throw new UsageException($"--{name} needs a value");
    }

    public string Required(string name) => String(name) ?? throw new UsageException($"missing --{name}");

    public long Long(string name, long fallback, long min = long.MinValue, long max = long.MaxValue)
    {
        var s = String(name);
        if (s is null) return fallback;
        if (!long.TryParse(s.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw new UsageException($"--{name} expects an integer, got '{s}'");
        if (v < min || v > max) throw new UsageException($"--{name} must be between {min} and {max}, got {v}");
        return v;
    }

    public int Int(string name, int fallback, int min = int.MinValue, int max = int.MaxValue) => (int)Long(name, fallback, min, max);

    public double Double(string name, double fallback)
    {
        var s = String(name);
        if (s is null) return fallback;
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw new UsageException($"--{name} expects a number, got '{s}'");
    }

    /// <summary>Call after reading every option: rejects the ones nobody asked for.</summary>
    public void EnsureAllUsed()
    {
        var unknown = _options.Keys.Where(k => !_used.Contains(k)).ToArray();
        if (unknown.Length > 0) throw new UsageException($"unknown option{(unknown.Length > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(u => "--" + u))}");
    }
}
