using System.Diagnostics;

namespace SymSeq.Cas;

/// <summary>Which computer algebra systems this machine has: Maxima and Giac on the PATH, SymPy importable by python3.</summary>
public static class CasLocator
{
    private static readonly Lazy<bool> HasMaxima = new(() => OnPath("maxima"));
    private static readonly Lazy<bool> HasGiac = new(() => OnPath("giac"));
    private static readonly Lazy<bool> HasPython = new(() => OnPath("python3"));
    private static readonly Lazy<bool> HasSympy = new(() => HasPython.Value && Runs("python3", "-c", "import sympy"));

    public static bool IsInstalled(string name) => name switch
    {
        "maxima" => HasMaxima.Value,
        "sympy" => HasSympy.Value,
        "giac" => HasGiac.Value,
        _ => false,
    };

    /// <summary>
    /// The systems a choice means, in the order they are tried: auto is every installed one in the order of
    /// <see cref="ComputerAlgebraSystem.Known"/>, none is none, a name is that system (an error names it when it is
    /// not installed).
    /// </summary>
    /// Lazy: auto checks a system only when the caller gets to it (finding SymPy starts Python).
    public static IEnumerable<string> Resolve(string choice) => choice switch
    {
        "none" => [],
        "auto" => ComputerAlgebraSystem.Known.Where(IsInstalled),
        _ when ComputerAlgebraSystem.Known.Contains(choice) => IsInstalled(choice)
            ? [choice]
            : throw new CasUnavailableException(
                $"--cas {choice}: {(choice == "sympy" ? "python3 cannot import sympy" : $"{choice} is not installed")} (Debian: apt-get install {AptPackages(choice)})"),
        _ => throw new ArgumentException($"unknown CAS '{choice}': expected auto, none, {string.Join(", ", ComputerAlgebraSystem.Known)}"),
    };

    /// <summary>
    /// The time a CAS gets of <paramref name="left"/>: under auto, an equal share with the systems that may still
    /// follow it (on the PATH; SymPy counts when python3 is, without importing it), so a CAS that runs out the clock
    /// on a problem leaves the next one its turn; a CAS named alone, or the last, gets all of it.
    /// </summary>
    public static TimeSpan Share(string choice, string name, TimeSpan left)
    {
        if (choice != "auto") return left;
        var later = ComputerAlgebraSystem.Known.SkipWhile(n => n != name).Skip(1)
            .Count(n => n == "sympy" ? HasPython.Value : IsInstalled(n));
        return left / (later + 1);
    }

    /// <summary>The Debian packages that provide a CAS, for the messages that say how to install it.</summary>
    public static string AptPackages(string name) => name switch
    {
        "maxima" => "maxima maxima-share",
        "sympy" => "python3-sympy",
        "giac" => "xcas",
        _ => name,
    };

    private static bool OnPath(string exe) => Which(exe) is not null;

    /// <summary>The full path of an executable found on PATH (or given with a path), or null.</summary>
    public static string? Which(string file)
    {
        if (file.Contains('/')) return File.Exists(file) ? Path.GetFullPath(file) : null;
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, file);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    private static bool Runs(string exe, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            if (p.WaitForExit(20_000)) return p.ExitCode == 0;
            p.Kill(entireProcessTree: true);
            return false;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException) { return false; }
    }
}
