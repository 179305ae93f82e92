using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SymSeq.Web;

namespace SymSeq.Tests.Web;

/// <summary>
/// The server under slow clients (loopback only, bounded in count and time): bodies and headers trickled in hold
/// connections, never solver slots, so well-behaved clients keep getting answers; methods and content types are checked.
/// </summary>
[Collection("torch")]
public sealed class SlowClientTests(PlaygroundFixture server) : IClassFixture<PlaygroundFixture>
{
    private static StringContent Json(string expression) =>
        new(JsonSerializer.Serialize(new { expression }), Encoding.UTF8, "application/json");

    [Fact]
    public async Task Wrong_methods_get_405_and_wrong_content_types_415()
    {
        using var get = await server.Http.GetAsync("/api/integrate");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Contains("POST", get.Content.Headers.Allow);
        using var put = await server.Http.PutAsync("/api/simplify", Json("x"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, put.StatusCode);
        using var form = await server.Http.PostAsync("/api/simplify", new StringContent("expression=x", Encoding.UTF8, "application/x-www-form-urlencoded"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Contains("application/json", await form.Content.ReadAsStringAsync());
        using var ok = await server.Http.PostAsync("/api/simplify", Json("x + x"));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
    }

    /// <summary>A connection that sends its headers, announces a body, and trickles it a byte at a time.</summary>
    private static async Task SlowBody(Uri url, TimeSpan every, CancellationToken stop)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port, stop);
        var s = tcp.GetStream();
        var body = JsonSerializer.Serialize(new { expression = "x*cos(x)" + new string(' ', 8000) });
        await s.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/integrate HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n"), stop);
        foreach (var chunk in body.Chunk(30))
        {
            await s.WriteAsync(Encoding.ASCII.GetBytes(chunk), stop);   // 30 bytes each `every`: above Kestrel's minimum rate
            await Task.Delay(every, stop);
        }
    }

    /// <summary>A connection that sends one header line after another, slowly (slowloris).</summary>
    private static async Task SlowHeaders(Uri url, CancellationToken stop)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(url.Host, url.Port, stop);
        var s = tcp.GetStream();
        await s.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/integrate HTTP/1.1\r\nHost: {url.Authority}\r\n"), stop);
        for (var i = 0; ; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(700), stop);
            await s.WriteAsync(Encoding.ASCII.GetBytes($"X-Slow-{i}: {i}\r\n"), stop);
        }
    }

    [Fact]
    public async Task Well_behaved_clients_keep_answering_while_slow_clients_are_connected()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));   // bounds the whole test
        var attackers = Enumerable.Range(0, 40).Select(i => i % 2 == 0
                ? SlowBody(server.Url, TimeSpan.FromMilliseconds(100), stop.Token)
                : SlowHeaders(server.Url, stop.Token))
            .Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray();   // the server may cut them: fine
        await Task.Delay(TimeSpan.FromSeconds(1));

        var latencies = new List<double>();
        var statuses = new List<HttpStatusCode>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(8))
        {
            var sw = Stopwatch.StartNew();
            using var r = await server.Http.PostAsync("/api/simplify", Json("(x + 1)^2 - x^2"));
            latencies.Add(sw.Elapsed.TotalSeconds);
            statuses.Add(r.StatusCode);
        }
        await stop.CancelAsync();
        await Task.WhenAll(attackers);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        latencies.Sort();
        var p99 = latencies[(int)Math.Ceiling(0.99 * latencies.Count) - 1];
        Assert.True(latencies.Count >= 5 && p99 < 5, $"{latencies.Count} requests, p99 {p99:F2} s");
    }

    [Fact]
    public async Task A_body_that_does_not_arrive_in_time_gets_408_without_a_slot()
    {
        var (app, url) = await PlaygroundFixture.Start(server.Solver, new ServeOptions
            { Port = 0, Host = "127.0.0.1", MaxConcurrent = 1, QueueLimit = 0, BodyBudget = TimeSpan.FromSeconds(1) });
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(url.Host, url.Port, stop.Token);
            var s = tcp.GetStream();
            await s.WriteAsync(Encoding.ASCII.GetBytes($"POST /api/simplify HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{{\"expr"), stop.Token);
            // The only slot is free meanwhile: a well-behaved request is answered at once.
            using var http = new HttpClient { BaseAddress = url };
            using (var r = await http.PostAsync("/api/simplify", Json("x + x"), stop.Token))
                Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var reply = new byte[4096];
            var n = await s.ReadAsync(reply, stop.Token);
            Assert.StartsWith("HTTP/1.1 408", Encoding.ASCII.GetString(reply, 0, n));
        }
        finally { await app.StopAsync(); await app.DisposeAsync(); }
    }

    [Fact]
    public async Task The_openapi_document_lists_every_endpoint_with_its_shapes()
    {
        using var r = await server.Http.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths");
        foreach (var name in new[] { "integrate", "solve", "simplify", "diff", "parse" })
        {
            var post = paths.GetProperty($"/api/{name}").GetProperty("post");
            Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _), name);
            var responses = post.GetProperty("responses");
            foreach (var status in new[] { "200", "400", "415", "503" }) Assert.True(responses.TryGetProperty(status, out _), $"{name} {status}");
        }
        var schemas = doc.GetProperty("components").GetProperty("schemas");
        Assert.True(schemas.GetProperty("ExpressionRequest").GetProperty("properties").TryGetProperty("expression", out _));
        Assert.True(schemas.GetProperty("ErrorReply").GetProperty("properties").TryGetProperty("error", out _));
        Assert.True(schemas.GetProperty("SolveReply").GetProperty("properties").TryGetProperty("verified", out _));
    }
}
