using System.CommandLine;
using System.Globalization;

namespace SymSeq.Cli;

/// <summary>A usage error found after parsing (two options that exclude each other, ...): printed with the command's help, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// System.CommandLine options as SymSeq's commands declare them: a default shown in the help, and a range or set of
/// values checked at parse time, so a bad value is a usage error naming the option before any work starts.
/// </summary>
public static class Opt
{
    public static Option<string?> Text(string name, string description, string? helpName = null) =>
        NotBlank(new Option<string?>(name) { Description = description, HelpName = helpName });

    public static Option<string> Required(string name, string description, string? helpName = null) =>
        NotBlank(new Option<string>(name) { Description = description, HelpName = helpName, Required = true });

    /// <summary>An option given with an empty value (--out '') is a usage error, never the current folder or "no file".</summary>
    private static Option<T> NotBlank<T>(Option<T> o)
    {
        o.Validators.Add(r =>
        {
            foreach (var t in r.Tokens)
                if (string.IsNullOrWhiteSpace(t.Value)) r.AddError($"{o.Name}: the value is empty");
        });
        return o;
    }

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static Option<int> Int(string name, int fallback, string description, int min = int.MinValue, int max = int.MaxValue, string? helpName = "N") =>
        new(name)
        {
            Description = description, HelpName = helpName, DefaultValueFactory = _ => fallback,
            CustomParser = r => (int)Parse(r, name, min, max),
        };

    public static Option<long> Long(string name, long fallback, string description, long min = long.MinValue, long max = long.MaxValue, bool required = false) =>
        new(name)
        {
            Description = description, HelpName = "N", Required = required,
            DefaultValueFactory = required ? null : _ => fallback,
            CustomParser = r => Parse(r, name, min, max),
        };

    public static Option<double> Number(string name, double fallback, string description, double min = double.MinValue, double max = double.MaxValue) =>
        new(name)
        {
            Description = description, HelpName = "X", DefaultValueFactory = _ => fallback,
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    return Fail<double>(r, $"{name} expects a number, got '{text}'");
                return v >= min && v <= max ? v : Fail<double>(r, $"{name} must be between {min} and {max}, got {v}");
            },
        };

    /// <summary>An integer in [min, max]; 1_000_000 and 1000000 alike.</summary>
    private static long Parse(System.CommandLine.Parsing.ArgumentResult r, string name, long min, long max)
    {
        var text = r.Tokens.Single().Value;
        if (!long.TryParse(text.Replace("_", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            return Fail<long>(r, $"{name} expects an integer, got '{text}'");
        return v >= min && v <= max ? v : Fail<long>(r, $"{name} must be between {min} and {max}, got {v}");
    }

    public static Option<string> Choice(string name, string fallback, string description, params string[] choices)
    {
        var o = new Option<string>(name) { Description = description, DefaultValueFactory = _ => fallback };
        o.AcceptOnlyFromAmong(choices);
        return o;
    }

    /// <summary>A comma-separated list ("a,b"); an empty item (",", "1,,2", a trailing comma) is a usage error naming the option.</summary>
    public static string[] Split(string? value, string option = "a list")
    {
        if (value is null) return [];
        var items = value.Split(',', StringSplitOptions.TrimEntries);
        if (items.Any(i => i.Length == 0))
            throw new UsageException($"{option}: '{value}' has an empty item; give items separated by single commas");
        return items;
    }

    private static T Fail<T>(System.CommandLine.Parsing.ArgumentResult r, string message)
    {
        r.AddError(message);
        return default!;
    }
}
