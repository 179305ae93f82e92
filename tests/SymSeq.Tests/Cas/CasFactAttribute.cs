using System.Diagnostics;

namespace SymSeq.Tests.Cas;

/// <summary>
/// A test that needs a CAS. Skipped on a developer machine without it (the README's test command needs only the
/// .NET SDK); never skipped under CI=true, where .ci/run installs the packages and a missing CAS is a failure.
/// </summary>
public sealed class CasFactAttribute : FactAttribute
{
    public CasFactAttribute(string cas)
    {
        if (Environment.GetEnvironmentVariable("CI") is null && !IsInstalled(cas))
            Skip = $"{cas} is not installed here (on Debian: apt-get install maxima maxima-share python3-sympy); CI installs it";
    }

    private static readonly Dictionary<string, bool> Installed = [];

    private static bool IsInstalled(string cas)
    {
        lock (Installed)
        {
            if (!Installed.TryGetValue(cas, out var yes))
                Installed[cas] = yes = cas == "maxima" ? Runs("maxima", "--version") : Runs("python3", "-c", "import sympy");
            return yes;
        }
    }

    private static bool Runs(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            if (!p.WaitForExit(30_000)) { p.Kill(true); return false; }
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception) { return false; }
    }
}
