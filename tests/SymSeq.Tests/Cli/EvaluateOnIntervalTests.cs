using System.Text.Json;
using System.Text.Json.Nodes;

namespace SymSeq.Tests.Cli;

/// <summary>
/// evaluate counts apart the problems solved on an interval only (the paper's acceptance), keeps that count in its log
/// and reads it back when it resumes; the first column stays the strict one.
/// </summary>
[Collection("torch")]
public sealed class EvaluateOnIntervalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-oninterval-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Solved_on_an_interval_is_logged_counted_apart_and_resumed()
    {
        var data = Path.Combine(_dir, "ode1.test");
        File.WriteAllLines(data, ["1|add mul INT- 1 Y mul x Y'\tmul a8 x", "1|sub Y' Y\tmul a8 exp x"]);
        var log = Path.Combine(_dir, "run.jsonl");
        string[] Args(string json) => ["evaluate", "--model", TestPaths.Fixture("reference/tiny.pth"), "--data", data, "--beam", "1",
            "--out", log, "--json", Path.Combine(_dir, json)];
        JsonElement Cell(string json) => JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, json))).RootElement.GetProperty("ode1").GetProperty("beam1");

        var first = CliRunner.Run(Args("1.json"));
        Assert.True(first.Code == 0, first.Err);
        var lines = File.ReadAllLines(log).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.All(lines, l => Assert.Equal(l["solved"]!.GetValue<bool>() || l["candidates"]!.AsArray().Any(c => c!["verdict"]!.GetValue<string>().StartsWith("verified")),
            l["on_interval"]!.GetValue<bool>()));
        Assert.Equal(Cell("1.json").GetProperty("solved").GetInt32(), lines.Count(l => l["solved"]!.GetValue<bool>()));

        // as if the model had found answers right on part of the line only: not solved, solved on an interval
        foreach (var l in lines) { l["solved"] = false; l["on_interval"] = true; }
        File.WriteAllLines(log, lines.Select(l => l.ToJsonString()));
        var second = CliRunner.Run(Args("2.json"));
        Assert.True(second.Code == 0, second.Err);
        Assert.Contains("resumed: 2 outcomes", second.Err);
        Assert.Equal(0, Cell("2.json").GetProperty("solved").GetInt32());
        Assert.Equal(2, Cell("2.json").GetProperty("solved_on_interval").GetInt32());
        Assert.Contains("solved on an interval", second.Out);
    }
}
