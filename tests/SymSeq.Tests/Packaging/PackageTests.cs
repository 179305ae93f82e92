using System.Diagnostics;

namespace SymSeq.Tests.Packaging;

/// <summary>
/// What a .NET user does: install the tool from locally built packages and run it from an empty folder, and run
/// the file-based sample. Uses the build the tests already made (pack --no-build), so it packs what was tested.
/// </summary>
[Collection("torch")]
public class PackageTests
{
    private static readonly string Configuration = AppContext.BaseDirectory.Contains("/Release/") ? "Release" : "Debug";

    private static (int Code, string Out) Run(string file, string workDir, TimeSpan budget, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workDir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("SYMSEQ_MODEL");
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEndAsync();
        if (!p.WaitForExit(budget))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} took more than {budget}");
        }
        return (p.ExitCode, output.Result + err.Result);
    }

    [Fact]
    public void The_tool_installs_from_local_packages_and_integrates_from_an_empty_folder()
    {
        var dir = Directory.CreateTempSubdirectory("symseq-tool-").FullName;
        try
        {
            var packages = Path.Combine(dir, "packages");
            var pack = Run("dotnet", TestPaths.Repo, TimeSpan.FromMinutes(5),
                "pack", "src/SymSeq.Cli", "-c", Configuration, "--no-build", "-o", packages);
            Assert.True(pack.Code == 0, pack.Out);
            Assert.Single(Directory.GetFiles(packages, "SymSeq.Cli.*.nupkg"));

            var tools = Path.Combine(dir, "tools");
            var install = Run("dotnet", dir, TimeSpan.FromMinutes(5),
                "tool", "install", "SymSeq.Cli", "--tool-path", tools, "--add-source", packages, "--prerelease");
            Assert.True(install.Code == 0, install.Out);

            var empty = Directory.CreateDirectory(Path.Combine(dir, "elsewhere")).FullName;
            var (code, output) = Run(Path.Combine(tools, "symseq"), empty, TimeSpan.FromMinutes(2), "integrate", "cos(x)*ln(x) + sin(x)/x", "--cas", "none");
            Assert.True(code == 0, output);
            Assert.Contains("ln(x)*sin(x) + C", output);
            Assert.Contains("by model", output);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void The_file_based_sample_runs()
    {
        var (code, output) = Run("dotnet", TestPaths.Repo, TimeSpan.FromMinutes(5), "run", "samples/Integrate.cs", "--", "x*exp(x)");
        Assert.True(code == 0, output);
        Assert.Contains("= x*exp(x) - exp(x) + C", output.Replace("(x - 1)*exp(x)", "x*exp(x) - exp(x)"));
        Assert.Contains("check ∫cos = sin: verified; ∫cos = -sin: rejected", output);
    }
}
