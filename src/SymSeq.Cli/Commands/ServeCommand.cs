using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using SymSeq.Web;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq serve`: the web playground and its JSON API, with the model loaded once and kept warm.</summary>
public sealed class ServeCommand : CliApp.ICommand
{
    public string Name => "serve";
    public string Summary => "the web playground and JSON API: symseq serve [--port 5080] [--host localhost]";

    private readonly Option<int> _port = Opt.Int("--port", 5080, "port (0 picks a free one)", 0, 65535);
    private readonly Option<string> _host = new("--host") { Description = "address to listen on (0.0.0.0 to expose it)", HelpName = "H", DefaultValueFactory = _ => "localhost" };
    private readonly Option<string?> _model = IntegrateCommand.ModelOption();
    private readonly Option<int> _concurrency = Opt.Int("--concurrency", Math.Max(1, Environment.ProcessorCount), "requests solved at once (default: the number of cores)", 1, 1024);
    private readonly Option<int> _queue = Opt.Int("--queue", 32, "requests waiting for a slot; past it the answer is 503", 0, 100_000);
    private readonly Option<int> _maxInput = Opt.Int("--max-input", 500, "longest expression in characters", 1, 1_000_000);
    private readonly SolverOptions _solver = new();

    public Command Build() => new Command(Name, Summary + ". POST /api/integrate, /api/solve, /api/simplify, /api/diff, /api/parse with " +
        "{\"expression\": \"...\"}; a request gets at most twice --time-limit. Ctrl-C or SIGTERM stops it.")
        { _port, _host, _model, _concurrency, _queue, _maxInput }.With(_solver.All);

    public async Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var solverOptions = _solver.Read(args);
        var serve = new ServeOptions
        {
            Host = args.GetValue(_host)!,
            Port = args.GetValue(_port),
            MaxConcurrent = args.GetValue(_concurrency),
            QueueLimit = args.GetValue(_queue),
            MaxInputLength = args.GetValue(_maxInput),
            RequestBudget = 2 * solverOptions.TimeLimit,
        };
        var modelPath = args.GetValue(_model);
        using var solver = MathSolver.Load(modelPath, solverOptions);
        await using var app = PlaygroundServer.Build(solver, serve);
        try { await app.StartAsync(cancel); }
        catch (IOException e) { throw new UsageException($"cannot listen on {serve.Host}:{serve.Port}: {e.Message}"); }
        stdout.WriteLine($"SymSeq playground on {string.Join(", ", app.Urls)}  (CAS: {solverOptions.Cas}; Ctrl-C stops it)");
        stdout.Flush();
        try { await Task.Delay(Timeout.Infinite, cancel); }
        catch (OperationCanceledException) { }
        // SIGTERM or Ctrl-C: no new requests; those in flight are answered within their budget.
        stderr.WriteLine("stopping: answering the requests in flight");
        using var grace = new CancellationTokenSource(serve.RequestBudget + TimeSpan.FromSeconds(1));
        await app.StopAsync(grace.Token);
        stderr.WriteLine("stopped");
        return 0;
    }
}
