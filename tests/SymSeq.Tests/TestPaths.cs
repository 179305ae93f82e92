namespace SymSeq.Tests;

public static class TestPaths
{
    /// <summary>The repository root, found by walking up from the test binary.</summary>
    public static string Repo { get; } = FindRepo();

    /// <summary>A path under tests/fixtures (reference/ is a copy of the paper's fixtures from shared/).</summary>
    public static string Fixture(string relative) => Path.Combine(Repo, "tests", "fixtures", relative);

    private static string FindRepo()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SymSeq.slnx"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (SymSeq.slnx)");
    }
}
