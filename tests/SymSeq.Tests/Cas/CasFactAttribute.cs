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
            Skip = $"{cas} is not installed here (on Debian: apt-get install maxima maxima-share python3-sympy xcas); CI installs it";
    }

    private static bool IsInstalled(string cas) => SymSeq.Cas.CasLocator.IsInstalled(cas);
}
