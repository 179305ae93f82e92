using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace SymSeq.Tests.Deploy;

/// <summary>deploy/: the SLURM scripts run as an array would run them, and the Kubernetes manifests hold together.</summary>
public sealed class DeployTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-deploy-").FullName;
    private static readonly string Deploy = Path.Combine(TestPaths.Repo, "deploy");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Output) Bash(string script, IDictionary<string, string> env, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in env) start.Environment[k] = v;
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        if (!p.WaitForExit(180_000)) { p.Kill(true); throw new TimeoutException(script); }
        return (p.ExitCode, output + err.Result);
    }

    [Fact]
    public void The_slurm_array_and_its_merge_make_the_unsharded_dataset()
    {
        var symseq = $"dotnet {Path.Combine(AppContext.BaseDirectory, "symseq.dll")}";
        var common = new Dictionary<string, string>
        {
            ["SYMSEQ"] = symseq, ["TASK"] = "ode1", ["COUNT"] = "1500", ["SEED"] = "2", ["MAX_OPS"] = "5",
            ["OUT"] = Path.Combine(_dir, "array"), ["SLURM_CPUS_PER_TASK"] = "2",
        };
        const int shards = 3;
        for (var k = 0; k < shards; k++)
        {
            var env = new Dictionary<string, string>(common) { ["SLURM_ARRAY_TASK_ID"] = $"{k}", ["SLURM_ARRAY_TASK_COUNT"] = $"{shards}" };
            var r = Bash(Path.Combine(Deploy, "slurm", "generate.sbatch"), env);
            Assert.True(r.Code == 0, r.Output);
        }
        var merge = Bash(Path.Combine(Deploy, "slurm", "merge.sbatch"), common);
        Assert.True(merge.Code == 0, merge.Output);

        var whole = Cli.CliRunner.Run("generate", "--task", "ode1", "--count", "1500", "--seed", "2", "--max-ops", "5", "--out", Path.Combine(_dir, "whole"));
        Assert.True(whole.Code == 0, whole.Err);
        foreach (var ext in new[] { ".prefix", ".infix" })
            Assert.Equal(File.ReadAllLines(Path.Combine(_dir, "whole", "ode1" + ext)), File.ReadAllLines(Path.Combine(_dir, "array", "ode1" + ext)));
    }

    [Fact]
    public void A_shard_outside_an_array_job_is_refused()
    {
        var r = Bash(Path.Combine(Deploy, "slurm", "generate.sbatch"), new Dictionary<string, string> { ["SYMSEQ"] = "false" });
        Assert.NotEqual(0, r.Code);
        Assert.Contains("array job", r.Output);
    }

    [Fact]
    public void The_scripts_pass_bash_n_and_shellcheck_where_installed()
    {
        var scripts = Directory.GetFiles(Path.Combine(Deploy, "slurm"));
        foreach (var s in scripts)
        {
            var r = Bash("-n", new Dictionary<string, string>(), s);
            Assert.True(r.Code == 0, $"{s}: {r.Output}");
        }
        if (!File.Exists("/usr/bin/shellcheck")) return; // .ci/run installs it
        var start = new ProcessStartInfo("shellcheck") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var s in scripts) start.ArgumentList.Add(s);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, output);
    }

    private static YamlMappingNode Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(Deploy, "kubernetes", file));
        stream.Load(reader);
        return Assert.IsType<YamlMappingNode>(Assert.Single(stream.Documents).RootNode);
    }

    private static YamlNode At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
            node = key.StartsWith('#') ? ((YamlSequenceNode)node).Children[int.Parse(key[1..])] : ((YamlMappingNode)node).Children[new YamlScalarNode(key)];
        return node;
    }

    private static string Scalar(YamlNode node, params string[] path) => ((YamlScalarNode)At(node, path)).Value!;

    private static Dictionary<string, string> Env(YamlNode container) =>
        ((YamlSequenceNode)At(container, "env")).Children.ToDictionary(e => Scalar(e, "name"), e => Scalar(e, "value"));

    [Fact]
    public void The_kubernetes_jobs_shard_by_completion_index_and_merge_the_same_task()
    {
        var generate = Load("generate-job.yaml");
        Assert.Equal("batch/v1", Scalar(generate, "apiVersion"));
        Assert.Equal("Job", Scalar(generate, "kind"));
        Assert.Equal("Indexed", Scalar(generate, "spec", "completionMode"));
        var container = At(generate, "spec", "template", "spec", "containers", "#0");
        var env = Env(container);
        Assert.Equal(Scalar(generate, "spec", "completions"), env["SHARDS"]);
        var command = string.Join(' ', ((YamlSequenceNode)At(container, "args")).Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Contains("--shard \"$JOB_COMPLETION_INDEX\"", command);
        Assert.Contains("--shards \"$SHARDS\"", command);
        Assert.Contains("--out /data", command);
        Assert.Equal("Never", Scalar(generate, "spec", "template", "spec", "restartPolicy"));

        var merge = Load("merge-job.yaml");
        var mergeContainer = At(merge, "spec", "template", "spec", "containers", "#0");
        Assert.Equal(env["TASK"], Env(mergeContainer)["TASK"]);
        Assert.Contains("symseq merge --task \"$TASK\" --out /data", ((YamlScalarNode)At(mergeContainer, "args", "#0")).Value);
        var claim = Scalar(generate, "spec", "template", "spec", "volumes", "#0", "persistentVolumeClaim", "claimName");
        Assert.Equal(claim, Scalar(merge, "spec", "template", "spec", "volumes", "#0", "persistentVolumeClaim", "claimName"));
        Assert.Equal(claim, Scalar(Load("pvc.yaml"), "metadata", "name"));
        Assert.Equal("ReadWriteMany", Scalar(Load("pvc.yaml"), "spec", "accessModes", "#0"));
    }
}
