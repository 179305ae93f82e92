using System.Diagnostics;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SymSeq.Expressions;

namespace SymSeq.Web;

/// <summary>
/// The playground: a JSON API over <see cref="MathSolver"/> (the same solver as the command line) and the page in
/// wwwroot. Every request is bounded: input length, a time budget, and a concurrency limit with a queue (503 past it).
/// Errors are JSON with status 400 and the parser's column and expectation; nothing returns a stack trace.
/// </summary>
public static class PlaygroundServer
{
    private const string Limited = "solver";

    public static WebApplication Build(MathSolver solver, ServeOptions options)
    {
        options = options.Validated();
        var root = AppContext.BaseDirectory;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, WebRootPath = Path.Combine(root, "wwwroot") });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = 64 * 1024);
        builder.WebHost.UseUrls($"http://{(options.Host.Contains(':') ? $"[{options.Host}]" : options.Host)}:{options.Port}");
        builder.Services.AddRateLimiter(r =>
        {
            r.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            r.OnRejected = (ctx, cancel) => Write(ctx.HttpContext, 503,
                new ErrorReply($"busy: {options.MaxConcurrent} requests running and {options.QueueLimit} waiting; try again shortly"), cancel);
            r.AddConcurrencyLimiter(Limited, c =>
            {
                c.PermitLimit = options.MaxConcurrent;
                c.QueueLimit = options.QueueLimit;
                c.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });
        var app = builder.Build();
        app.Use(async (ctx, next) =>
        {
            try { await next(ctx); }
            catch (Exception) when (ctx.RequestAborted.IsCancellationRequested) { } // the client left
            catch (Exception e) when (!ctx.Response.HasStarted)
            {
                await Write(ctx, 500, new ErrorReply($"internal error ({e.GetType().Name}); the request was not processed"), default);
            }
        });
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseRateLimiter();

        var api = app.MapGroup("/api").RequireRateLimiting(Limited);
        api.MapPost("/integrate", ctx => Handle(ctx, options, (text, cancel) => Reply(solver.Integrate(text, cancel))));
        api.MapPost("/solve", ctx => Handle(ctx, options, (text, cancel) => Reply(solver.Solve(text, cancel))));
        api.MapPost("/simplify", ctx => Handle(ctx, options, (text, _) => Transform(text, e => e.Simplify())));
        api.MapPost("/diff", ctx => Handle(ctx, options, (text, _) => Transform(text, e => e.Differentiate())));
        api.MapPost("/parse", ctx => Handle(ctx, options, (text, _) => Transform(text, e => e, equation: text.Contains('='))));
        app.MapFallback("/api/{**rest}", async ctx => await Write(ctx, 404, new ErrorReply($"no such endpoint: {ctx.Request.Method} {ctx.Request.Path}; POST /api/integrate, /api/solve, /api/simplify, /api/diff or /api/parse"), ctx.RequestAborted));
        return app;
    }

    private static async Task Handle(HttpContext ctx, ServeOptions options, Func<string, CancellationToken, object> work)
    {
        ExpressionRequest? request;
        try { request = await JsonSerializer.DeserializeAsync<ExpressionRequest>(ctx.Request.Body, Json, ctx.RequestAborted); }
        catch (JsonException e) { await Write(ctx, 400, new ErrorReply($"the body is not JSON of the form {{\"expression\": \"...\"}}: {e.Message}"), ctx.RequestAborted); return; }
        catch (BadHttpRequestException e) { await Write(ctx, e.StatusCode, new ErrorReply(e.Message), ctx.RequestAborted); return; }
        var text = request?.Expression;
        if (string.IsNullOrWhiteSpace(text)) { await Write(ctx, 400, new ErrorReply("missing \"expression\""), ctx.RequestAborted); return; }
        if (text.Length > options.MaxInputLength)
        {
            await Write(ctx, 400, new ErrorReply($"the expression is {text.Length} characters; at most {options.MaxInputLength} are accepted"), ctx.RequestAborted);
            return;
        }
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted);
        budget.CancelAfter(options.RequestBudget);
        object reply;
        int status = 200;
        try { reply = await Task.Run(() => work(text, budget.Token), budget.Token); }
        catch (ExprParseException e) { (status, reply) = (400, new ErrorReply(e.Message, e.Column, e.Expected)); }
        catch (Exception e) when (e is ArgumentException or UndefinedExpressionException or FormatException) { (status, reply) = (400, new ErrorReply(e.Message)); }
        catch (SymbolicTimeoutException e) { (status, reply) = (400, new ErrorReply($"too hard to finish in time: {e.Message}")); }
        catch (OperationCanceledException) when (!ctx.RequestAborted.IsCancellationRequested)
        { (status, reply) = (503, new ErrorReply($"no answer within the request budget of {options.RequestBudget.TotalSeconds:F0} s")); }
        await Write(ctx, status, reply, ctx.RequestAborted);
    }

    private static SolveReply Reply(Solution s) => new(
        Rendered.Of(s.Problem), s.Answer is null ? null : Rendered.Of(s.Answer), s.Verified,
        s.Verified ? "verified" : "unsolved", s.Reason ?? "no candidate verified within the time limit", s.Engine,
        s.Candidates.Select(c => new CandidateReply(c.Rank, Math.Round(c.Score, 4), c.Answer is null ? null : Rendered.Of(c.Answer), c.Verdict, c.Reason)).ToList(),
        s.Attempts, Math.Round(s.Elapsed.TotalMilliseconds, 1));

    private static TransformReply Transform(string text, Func<Expression, Expression> f, bool equation = false)
    {
        var sw = Stopwatch.StartNew();
        var input = equation ? Expression.ParseEquation(text) : Expression.Parse(text);
        var result = f(input);
        return new TransformReply(Rendered.Of(input), Rendered.Of(result), Math.Round(sw.Elapsed.TotalMilliseconds, 1));
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "x + 1", not "x \u002B 1"
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private static async ValueTask Write(HttpContext ctx, int status, object body, CancellationToken cancel)
    {
        ctx.Response.StatusCode = status;
        ctx.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(ctx.Response.Body, body, body.GetType(), Json, cancel);
    }
}
