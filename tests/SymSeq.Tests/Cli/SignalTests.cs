using System.Diagnostics;

namespace SymSeq.Tests.Cli;

/// <summary>SIGTERM ends any command within 2 s with exit code 143, whatever it is doing.</summary>
[Collection("torch")]
public class SignalTests
{
    [Fact]
    public async Task Sigterm_ends_a_long_beam_search_within_two_seconds()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "symseq.dll");
        var big = string.Join("+", Enumerable.Range(1, 60).Select(i => $"sin({i}*x)*exp(x/{i})"));
        var psi = new ProcessStartInfo("dotnet", [cli, "integrate", big, "--beam", "100", "--time-limit", "600", "--cas", "none",
                                                "--model", TestPaths.Fixture("reference/tiny.pth")])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        await Task.Delay(TimeSpan.FromSeconds(6)); // past the model load, deep in the search
        if (p.HasExited) return; // a machine fast enough to finish first proves nothing either way
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString()])) kill.WaitForExit();
        var sw = Stopwatch.StartNew();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(5)), "still running 5 s after SIGTERM");
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(3), $"took {sw.Elapsed.TotalSeconds:F1} s to stop");
        Assert.Equal(143, p.ExitCode);
        var text = await err;
        Assert.Contains("interrupted", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task Sigterm_stops_the_playground_server_cleanly()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "symseq.dll");
        var psi = new ProcessStartInfo("dotnet", [cli, "serve", "--port", "0", "--host", "127.0.0.1", "--model", TestPaths.Fixture("reference/tiny.pth")])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var started = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains("playground on http://127.0.0.1:", started);
        using var http = new HttpClient { BaseAddress = new Uri(started!.Split(' ')[3]) };
        Assert.Contains("SymSeq", await http.GetStringAsync("/"));
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString()])) kill.WaitForExit();
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(5)), "still serving 5 s after SIGTERM");
        Assert.Equal(143, p.ExitCode);
        var text = await err;
        Assert.Contains("stopped", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public async Task Sigterm_answers_the_requests_in_flight_before_the_server_stops()
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "symseq.dll");
        var psi = new ProcessStartInfo("dotnet", [cli, "serve", "--port", "0", "--host", "127.0.0.1", "--cas", "none", "--time-limit", "3", "--max-input", "5000",
                                                "--model", TestPaths.Fixture("reference/tiny.pth")])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var started = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        using var http = new HttpClient { BaseAddress = new Uri(started!.Split(' ')[3]), Timeout = TimeSpan.FromSeconds(30) };
        // Parts that neither the rules nor the tiny model integrate: the search runs on to the 3 s limit.
        var big = "exp(x^2)*tan(x)^3/(1 + asinh(x)) + (sin(x^3)*ln(x + tan(x))) + (cosh(x)^2/(x + acos(x)))"
                  + " + (sqrt(x + exp(tan(x)))*atan(x^3)) + (ln(sinh(x) + 2)*exp(sqrt(x)))";
        var request = http.PostAsync("/api/integrate", new StringContent(System.Text.Json.JsonSerializer.Serialize(new { expression = big }),
            System.Text.Encoding.UTF8, "application/json"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(request.IsCompleted, "the request finished before the signal: nothing to show");
        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString()])) kill.WaitForExit();
        using var reply = await request;                 // answered, not cut off
        Assert.Equal(System.Net.HttpStatusCode.OK, reply.StatusCode);
        Assert.Contains("\"verified\"", await reply.Content.ReadAsStringAsync());
        Assert.True(p.WaitForExit(TimeSpan.FromSeconds(15)), "still serving 15 s after SIGTERM");
        Assert.DoesNotContain("   at ", await err);
    }
}
