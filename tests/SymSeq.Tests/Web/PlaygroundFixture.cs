using Microsoft.AspNetCore.Builder;
using SymSeq.Web;

namespace SymSeq.Tests.Web;

/// <summary>One in-process playground server (Kestrel on a free loopback port) with the bundled model, shared by a test class.</summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    public MathSolver Solver { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;
    public Uri Url { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Solver = MathSolver.Load(null, new HybridOptions { Cas = "none", TimeLimit = TimeSpan.FromSeconds(5) });
        (App, Url) = await Start(Solver, new ServeOptions { Port = 0, Host = "127.0.0.1" });
        Http = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(60) };
    }

    public static async Task<(WebApplication, Uri)> Start(MathSolver solver, ServeOptions options)
    {
        var app = PlaygroundServer.Build(solver, options);
        await app.StartAsync();
        return (app, new Uri(app.Urls.First()));
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Solver.Dispose();
    }
}
