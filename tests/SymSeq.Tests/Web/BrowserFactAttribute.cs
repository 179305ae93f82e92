namespace SymSeq.Tests.Web;

/// <summary>
/// A test that drives a real headless browser (Debian's chromium and chromium-driver). Skipped on a developer machine
/// without them; never skipped under CI=true, where .ci/run installs them and their absence is a failure.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium", Driver = "/usr/bin/chromedriver";

    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CI") is null && !(File.Exists(Chromium) && File.Exists(Driver)))
            Skip = "chromium and chromium-driver are not installed here (apt-get install chromium chromium-driver); CI installs them";
    }
}
