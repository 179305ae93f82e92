using Microsoft.AspNetCore.Builder;
using SymSeq.Web;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq serve`: the web playground and its JSON API, with the model loaded once and kept warm.</summary>
public sealed class ServeCommand : CliApp.ICommand
{
    public string Name => "serve";
    public IReadOnlyList<string> Flags => ["no-decompose", "no-repair"];
    public string Summary => "the web playground and JSON API: symseq serve [--port 5080] [--host localhost]";
    public string Usage => """
        symseq serve [--port N] [--host H] [options]

          --port N           port (default 5080; 0 picks a free one)
          --host H           address to listen on (default localhost; 0.0.0.0 to expose it)
          --model PATH       the model (default: the bundled one), loaded once
          --concurrency N    requests solved at once (default: the number of cores)
          --queue N          requests waiting for a slot; past it the answer is 503 (default 32)
          --max-input N      longest expression in characters (default 500)
          --time-limit S     the solver's time per problem (default 5); a request gets at most twice that
          --beam N, --wide-beam N, --cas C, --no-decompose, --no-repair   the solver, as for integrate

        POST /api/integrate, /api/solve, /api/simplify, /api/diff, /api/parse with {"expression": "..."}.
        Ctrl-C or SIGTERM stops it.
        """;

    public async Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var solverOptions = IntegrateCommand.ReadOptions(args);
        var serve = new ServeOptions
        {
            Host = args.String("host") ?? "localhost",
            Port = args.Int("port", 5080, 0, 65535),
            MaxConcurrent = args.Int("concurrency", Math.Max(1, Environment.ProcessorCount), 1, 1024),
            QueueLimit = args.Int("queue", 32, 0, 100_000),
            MaxInputLength = args.Int("max-input", 500, 1, 1_000_000),
            RequestBudget = 2 * solverOptions.TimeLimit,
        };
        var modelPath = args.String("model");
        args.EnsureAllUsed();
        if (args.Positional.Count > 0) throw new UsageException($"unexpected argument '{args.Positional[0]}'");
        using var solver = MathSolver.Load(modelPath, solverOptions);
        await using var app = PlaygroundServer.Build(solver, serve);
        try { await app.StartAsync(cancel); }
        catch (IOException e) { throw new UsageException($"cannot listen on {serve.Host}:{serve.Port}: {e.Message}"); }
        stdout.WriteLine($"SymSeq playground on {string.Join(", ", app.Urls)}  (CAS: {solverOptions.Cas}; Ctrl-C stops it)");
        stdout.Flush();
        try { await Task.Delay(Timeout.Infinite, cancel); }
        catch (OperationCanceledException) { }
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));
        await app.StopAsync(grace.Token);
        stderr.WriteLine("stopped");
        return 0;
    }
}
