using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SymSeq.Web;

namespace SymSeq.Tests.Web;

[Collection("torch")]
public sealed class ApiTests(PlaygroundFixture server) : IClassFixture<PlaygroundFixture>
{
    private async Task<(HttpStatusCode Status, JsonElement Body)> Post(string path, string json)
    {
        using var r = await server.Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
        return (r.StatusCode, JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement);
    }

    private Task<(HttpStatusCode Status, JsonElement Body)> Ask(string path, string expression) =>
        Post(path, JsonSerializer.Serialize(new { expression }));

    [Fact]
    public async Task Integrate_returns_the_verified_answer_with_latex_candidates_and_provenance()
    {
        var (status, b) = await Ask("/api/integrate", "cos(x)*ln(x) + sin(x)/x");   // neither term alone is elementary: the model's
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(b.GetProperty("verified").GetBoolean());
        var infix = b.GetProperty("answer").GetProperty("infix").GetString()!;
        Assert.True(IntegralVerifier.Check(SymSeq.Expressions.InfixParser.Parse("cos(x)*ln(x) + sin(x)/x"), SymSeq.Expressions.InfixParser.Parse(infix)).Accepted, infix);
        Assert.Contains("\\ln", b.GetProperty("answer").GetProperty("latex").GetString());
        Assert.Equal("model", b.GetProperty("engine").GetString());
        Assert.Equal(10, b.GetProperty("candidates").GetArrayLength());
        Assert.Contains(b.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("verdict").GetString() == "verified");
        Assert.True(b.GetProperty("milliseconds").GetDouble() > 0);
        Assert.NotEmpty(b.GetProperty("attempts").EnumerateArray());
    }

    [Fact]
    public async Task A_rules_answer_comes_with_its_steps_each_verified_and_the_rule_chain()
    {
        var (status, b) = await Ask("/api/integrate", "x^2*ln(x) + x*exp(x^2)");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("basic rules", b.GetProperty("engine").GetString());
        Assert.Equal("substitution -> by parts", b.GetProperty("method").GetString());
        var steps = b.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(("linearity", 0), (steps[0].GetProperty("rule").GetString(), steps[0].GetProperty("depth").GetInt32()));
        var byParts = steps.Single(s => s.GetProperty("rule").GetString() == "by parts");
        Assert.Equal(1, byParts.GetProperty("depth").GetInt32());
        Assert.Equal("u = ln(x), v = x^3/3", byParts.GetProperty("detail").GetString());
        Assert.Contains("\\ln", byParts.GetProperty("problem").GetProperty("latex").GetString());
        Assert.All(steps, s => Assert.Equal("verified", s.GetProperty("verdict").GetString()));
        Assert.All(steps, s => Assert.False(s.GetProperty("equation").GetBoolean()));
    }

    [Fact]
    public async Task A_model_answer_has_one_honest_step()
    {
        var (_, b) = await Ask("/api/integrate", "cos(x)*ln(x) + sin(x)/x");
        var step = Assert.Single(b.GetProperty("steps").EnumerateArray());
        Assert.Equal("model", step.GetProperty("rule").GetString());
        Assert.StartsWith("proposed by the model (candidate ", step.GetProperty("detail").GetString());
        Assert.Equal("verified", step.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Solve_answers_an_ode_with_its_verdict()
    {
        var (status, b) = await Ask("/api/solve", "y' - y = 0");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(b.GetProperty("verified").GetBoolean() ? "verified" : "unsolved", b.GetProperty("verdict").GetString());
        Assert.False(string.IsNullOrEmpty(b.GetProperty("reason").GetString()));
    }

    [Theory]
    [InlineData("/api/simplify", "2*x + 3*x - x^2/x", "4*x")]
    [InlineData("/api/diff", "x^3", "3*x^2")]
    public async Task Simplify_and_diff_return_the_result(string path, string input, string expected)
    {
        var (status, b) = await Ask(path, input);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(expected, b.GetProperty("result").GetProperty("infix").GetString());
    }

    [Fact]
    public async Task A_parse_error_is_400_with_the_column_and_the_expectation()
    {
        var (status, b) = await Ask("/api/integrate", "x*cos(x");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(8, b.GetProperty("column").GetInt32());
        Assert.Equal("')'", b.GetProperty("expected").GetString());
    }

    [Theory]
    [InlineData("{\"expr")]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"expression\": 42}")]
    [InlineData("{}")]
    [InlineData("")]
    public async Task Malformed_bodies_are_400_json_never_500(string body)
    {
        var (status, b) = await Post("/api/integrate", body);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty(b.GetProperty("error").GetString()));
    }

    [Theory]
    [InlineData("/api/integrate", "f(x)*x", "may not contain")]
    [InlineData("/api/solve", "x + 1 = 0", "does not mention y")]
    [InlineData("/api/integrate", "1/0", "undefined")]
    public async Task Bad_problems_are_400_with_the_reason(string path, string expression, string reason)
    {
        var (status, b) = await Ask(path, expression);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, b.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Inputs_over_the_limit_are_refused_before_any_work()
    {
        var (status, b) = await Ask("/api/integrate", string.Join("+", Enumerable.Repeat("x", 400)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 500", b.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Unknown_endpoints_are_404_json_and_the_page_is_served()
    {
        var (status, _) = await Ask("/api/nothing", "x");
        Assert.Equal(HttpStatusCode.NotFound, status);
        var page = await server.Http.GetStringAsync("/");
        Assert.Contains("lib/katex/katex.min.js", page);
        Assert.DoesNotContain("cdn", page, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await server.Http.GetAsync("/lib/katex/katex.min.js")).StatusCode);
    }

    [Fact]
    public async Task Past_the_queue_the_server_answers_503_and_never_fails()
    {
        var (app, url) = await PlaygroundFixture.Start(server.Solver, new ServeOptions { Port = 0, Host = "127.0.0.1", MaxConcurrent = 1, QueueLimit = 1 });
        try
        {
            using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(120) };
            // Five parts the model cannot integrate: the decomposition's plans keep it busy for seconds (a single
            // unsolvable term fails in a few tenths of a second, less than it may take the six requests to arrive).
            var body = JsonSerializer.Serialize(new
            {
                expression = "exp(x^2)*tan(x)^3/(1 + asinh(x)) + (sin(x^3)*ln(x + tan(x))) + (cosh(x)^2/(x + acos(x)))"
                             + " + (sqrt(x + exp(tan(x)))*atan(x^3)) + (ln(sinh(x) + 2)*exp(sqrt(x)))",
            });
            var replies = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => http.PostAsync("/api/integrate", new StringContent(body, Encoding.UTF8, "application/json"))));
            Assert.All(replies, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, r.StatusCode.ToString()));
            Assert.Contains(replies, r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
            Assert.Contains(replies, r => r.StatusCode == HttpStatusCode.OK);
            var busy = replies.First(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
            Assert.Contains("busy", (await busy.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        }
        finally { await app.StopAsync(); await app.DisposeAsync(); }
    }
}
