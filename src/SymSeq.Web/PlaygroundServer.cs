using System.Diagnostics;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SymSeq.Expressions;

namespace SymSeq.Web;

/// <summary>
/// The playground: a JSON API over <see cref="MathSolver"/> (the same solver as the command line) and the page in
/// wwwroot. Every request is bounded, in this order: its headers must arrive within 5 s; its body (at most 16 KB)
/// within <see cref="ServeOptions.BodyBudget"/>, read before the request takes a solver slot, so slow clients hold
/// no slot; a slot must come free within <see cref="ServeOptions.QueueWait"/> and the queue has a length
/// (503 past either); the work has <see cref="ServeOptions.RequestBudget"/> and runs on a thread of its own, never
/// the pool's threads that serve connections. Wrong methods get 405, bodies that are not JSON 415. Errors are JSON
/// with the parser's column and expectation; nothing returns a stack trace.
/// </summary>
public static class PlaygroundServer
{
    private const int MaxBodyBytes = 16 * 1024;
    private static readonly string[] Endpoints = ["integrate", "solve", "simplify", "diff", "parse"];

    public static WebApplication Build(MathSolver solver, ServeOptions options)
    {
        options = options.Validated();
        // The solver's work runs on threads of its own; these serve connections, and must never all be waiting.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
        var root = AppContext.BaseDirectory;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = root, WebRootPath = Path.Combine(root, "wwwroot") });
        builder.Logging.ClearProviders();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(h => h.ShutdownTimeout = options.RequestBudget + TimeSpan.FromSeconds(1));
        builder.WebHost.UseKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = MaxBodyBytes;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(5);
            k.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(30);
            k.Limits.MaxConcurrentConnections = options.MaxConnections;
            k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
        });
        builder.WebHost.UseUrls($"http://{(options.Host.Contains(':') ? $"[{options.Host}]" : options.Host)}:{options.Port}");
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "SymSeq";
            document.Info.Description = "Integrate functions and solve ODEs with verified answers; simplify, differentiate and parse expressions.";
            return Task.CompletedTask;
        }));
        var app = builder.Build();
        var slots = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = options.MaxConcurrent, QueueLimit = options.QueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        app.Lifetime.ApplicationStopped.Register(slots.Dispose);
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

        // The API as the ecosystem describes it: GET /openapi/v1.json (request and reply shapes, every status).
        app.MapOpenApi();
        var api = app.MapGroup("/api");
        Endpoint<SolveReply>("integrate", (text, cancel) => Reply(solver.Integrate(text, cancel)),
            "Integrate a function of x", "The verified antiderivative (without + C), the engine that found it, and the model's candidates.");
        Endpoint<SolveReply>("solve", (text, cancel) => Reply(solver.Solve(text, cancel)),
            "Solve an ODE in x, y, y', y''", "The verified general solution (constants a8, a9), the engine that found it, and the model's candidates.");
        Endpoint<TransformReply>("simplify", (text, _) => Transform(text, e => e.Simplify()), "Simplify an expression", "The expression in SymSeq's canonical form.");
        Endpoint<TransformReply>("diff", (text, _) => Transform(text, e => e.Differentiate()), "Differentiate with respect to x", "The simplified derivative.");
        Endpoint<TransformReply>("parse", (text, _) => Transform(text, e => e, equation: text.Contains('=')), "Parse an expression or equation", "The expression as read, in infix and LaTeX.");

        // A handler given as a Delegate, not a RequestDelegate, so that the OpenAPI document lists it.
        void Endpoint<TReply>(string name, Func<string, CancellationToken, object> work, string summary, string description) =>
            Describe<TReply>(api.MapPost("/" + name, (Func<HttpContext, Task>)(ctx => Handle(ctx, options, slots, work))), summary, description);

        app.MapFallback("/api/{**rest}", async ctx =>
        {
            var name = ctx.Request.Path.Value!["/api/".Length..].TrimEnd('/');
            // A POST that reaches here is one whose body routing refused by its content type (the endpoints accept JSON).
            if (Endpoints.Contains(name) && HttpMethods.IsPost(ctx.Request.Method))
            {
                await NotJson(ctx);
                return;
            }
            if (Endpoints.Contains(name))
            {
                ctx.Response.Headers.Allow = "POST";
                await Write(ctx, 405, new ErrorReply($"{ctx.Request.Method} is not allowed on /api/{name}: POST {{\"expression\": \"...\"}} as JSON"), ctx.RequestAborted);
                return;
            }
            await Write(ctx, 404, new ErrorReply($"no such endpoint: {ctx.Request.Method} {ctx.Request.Path}; POST /api/integrate, /api/solve, /api/simplify, /api/diff or /api/parse"), ctx.RequestAborted);
        });
        return app;
    }

    /// <summary>The OpenAPI description of an endpoint: its JSON body, its reply and every error status it answers.</summary>
    private static void Describe<TReply>(RouteHandlerBuilder endpoint, string summary, string description)
    {
        string[] json = ["application/json"];
        endpoint.WithSummary(summary).WithDescription(description).WithMetadata(
            new Microsoft.AspNetCore.Http.Metadata.AcceptsMetadata(json, typeof(ExpressionRequest)),
            new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(TReply), json));
        foreach (var status in new[] { 400, 408, 413, 415, 503 })
            endpoint.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ErrorReply), json));
    }

    private static async Task Handle(HttpContext ctx, ServeOptions options, ConcurrencyLimiter slots, Func<string, CancellationToken, object> work)
    {
        if (!IsJson(ctx.Request.ContentType))
        {
            await NotJson(ctx);
            return;
        }
        // The body first, within its own budget: a client that trickles it holds a connection, never a solver slot.
        byte[] body;
        using (var reading = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted))
        {
            reading.CancelAfter(options.BodyBudget);
            try { body = await ReadBody(ctx.Request.Body, reading.Token); }
            catch (OperationCanceledException) when (!ctx.RequestAborted.IsCancellationRequested)
            {
                await Write(ctx, 408, new ErrorReply($"the body did not arrive within {options.BodyBudget.TotalSeconds:F0} s"), default);
                return;
            }
            catch (BadHttpRequestException e) { await Write(ctx, e.StatusCode, new ErrorReply(e.Message), ctx.RequestAborted); return; }
            catch (InvalidDataException) { await Write(ctx, 413, new ErrorReply($"the body is larger than {MaxBodyBytes / 1024} KB"), ctx.RequestAborted); return; }
        }
        ExpressionRequest? request;
        try { request = JsonSerializer.Deserialize<ExpressionRequest>(body, Json); }
        catch (JsonException e) { await Write(ctx, 400, new ErrorReply($"the body is not JSON of the form {{\"expression\": \"...\"}}: {e.Message}"), ctx.RequestAborted); return; }
        var text = request?.Expression;
        if (string.IsNullOrWhiteSpace(text)) { await Write(ctx, 400, new ErrorReply("missing \"expression\""), ctx.RequestAborted); return; }
        if (text.Length > options.MaxInputLength)
        {
            await Write(ctx, 400, new ErrorReply($"the expression is {text.Length} characters; at most {options.MaxInputLength} are accepted"), ctx.RequestAborted);
            return;
        }

        // Then a slot, waited for within a bound.
        RateLimitLease lease;
        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted))
        {
            waiting.CancelAfter(options.QueueWait);
            try { lease = await slots.AcquireAsync(1, waiting.Token); }
            catch (OperationCanceledException) when (!ctx.RequestAborted.IsCancellationRequested)
            { await Busy(ctx, options, $"no solver slot came free within {options.QueueWait.TotalSeconds:F0} s"); return; }
        }
        using (lease)
        {
            if (!lease.IsAcquired)
            {
                await Busy(ctx, options, $"{options.MaxConcurrent} requests running and {options.QueueLimit} waiting");
                return;
            }
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted);
            budget.CancelAfter(options.RequestBudget);
            object reply;
            int status = 200;
            try { reply = await Task.Factory.StartNew(() => work(text, budget.Token), budget.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default); }
            catch (ExprParseException e) { (status, reply) = (400, new ErrorReply(e.Message, e.Column, e.Expected)); }
            catch (Exception e) when (e is ArgumentException or UndefinedExpressionException or FormatException) { (status, reply) = (400, new ErrorReply(e.Message)); }
            catch (SymbolicTimeoutException e) { (status, reply) = (400, new ErrorReply($"too hard to finish in time: {e.Message}")); }
            catch (OperationCanceledException) when (!ctx.RequestAborted.IsCancellationRequested)
            { (status, reply) = (503, new ErrorReply($"no answer within the request budget of {options.RequestBudget.TotalSeconds:F0} s")); }
            await Write(ctx, status, reply, ctx.RequestAborted);
        }
    }

    private static Task NotJson(HttpContext ctx) => Write(ctx, 415,
        new ErrorReply($"the body must be JSON (Content-Type: application/json), not '{ctx.Request.ContentType ?? "none"}'"), ctx.RequestAborted).AsTask();

    private static Task Busy(HttpContext ctx, ServeOptions options, string why)
    {
        ctx.Response.Headers.RetryAfter = "2";
        return Write(ctx, 503, new ErrorReply($"busy: {why}; try again shortly"), ctx.RequestAborted).AsTask();
    }

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>The whole body, at most <see cref="MaxBodyBytes"/> (InvalidDataException past it).</summary>
    private static async Task<byte[]> ReadBody(Stream body, CancellationToken cancel)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        for (int n; (n = await body.ReadAsync(chunk, cancel)) > 0;)
        {
            if (buffer.Length + n > MaxBodyBytes) throw new InvalidDataException("body too large");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static SolveReply Reply(Solution s) => new(
        Rendered.Of(s.Problem), s.Answer is null ? null : Rendered.Of(s.Answer), s.Verified,
        s.Verified ? "verified" : "unsolved", s.Reason ?? "no candidate verified within the time limit", s.Engine,
        s.Candidates.Select(c => new CandidateReply(c.Rank, Math.Round(c.Score, 4), c.Answer is null ? null : Rendered.Of(c.Answer), c.Verdict, c.Reason)).ToList(),
        s.Attempts, Math.Round(s.Elapsed.TotalMilliseconds, 1),
        s.Steps.Select(t => new StepReply(t.Depth, t.Rule, Rendered.Of(t.Problem), Rendered.Of(t.Result), t.Detail, t.Verdict, t.Reason, t.Equation)).ToList(),
        s.Method);

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
