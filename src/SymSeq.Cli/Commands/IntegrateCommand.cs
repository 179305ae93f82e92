using System.CommandLine;
using SymSeq.Model;
using SymSeq.Verification;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq integrate` and `symseq solve`: one problem, a verified answer or an honest failure.</summary>
public sealed class IntegrateCommand : CliApp.ICommand
{
    public string Name => _ode ? "solve" : "integrate";
    public string Summary => _ode ? "solve an ODE: symseq solve \"y'' + y = 0\"" : "integrate a function: symseq integrate \"x*cos(x)\"";

    private readonly Argument<string> _problem;
    private readonly Option<string?> _model = ModelOption();
    private readonly SolverOptions _solver = new();
    private readonly Option<string> _format = ExprFormats.Option();
    private readonly Option<string?> _precision = PrecisionOption();
    private readonly Option<bool> _verbose = Opt.Flag("--verbose", "list every engine's attempt and every model candidate with its score and verdict");
    private readonly Option<bool> _noModel = Opt.Flag("--no-model", "rules and the CAS only: the model is not loaded");
    private readonly Option<bool> _steps = Opt.Flag("--steps", "print how the answer was found, step by step (rule, integral, result, choice made), each step verified");

    private readonly bool _ode;

    public IntegrateCommand(bool ode)
    {
        _ode = ode;
        _problem = new(ode ? "EQUATION" : "EXPR")
        {
            Description = ode ? "the ODE in x, y, y', y'' (quote it): \"y'' + y = 0\"" : "the integrand, in x (quote it): \"x*cos(x)\"",
        };
    }

    public static Option<string?> ModelOption() =>
        Opt.Text("--model", "a SymSeq checkpoint or one of the paper's .pth files (default: $SYMSEQ_MODEL, else the bundled model)", "PATH");

    public static Option<string?> PrecisionOption()
    {
        var o = Opt.Text("--precision", "fp32 | bf16 for inference (default fp32)", "P");
        o.AcceptOnlyFromAmong("fp32", "bf16");
        return o;
    }

    public Command Build() => new Command(Name, Summary + ". Prints the verified answer, and on stderr the engine that found it and the time taken; " +
        "exit code 3 when nothing verified in time.") { _problem, _model, _format, _precision, _verbose, _noModel, _steps }.With(_solver.All);

    public Task<int> RunAsync(ParseResult args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var options = _solver.Read(args);
        var format = args.GetValue(_format)!;
        var verbose = args.GetValue(_verbose);
        var problem = ReadProblem(args.GetValue(_problem)!, _ode);
        var precision = ParsePrecision(args.GetValue(_precision));
        // The library's solver, as the web page uses it. This kind's model only (integrals or ODEs), found and checked
        // now, loaded only if the search reaches it: a problem the rules answer never loads libtorch.
        var kind = _ode ? Problems.Kind.Ode : Problems.Kind.Integral;
        using var solver = args.GetValue(_noModel)
            ? MathSolver.WithoutModel(options)
            : MathSolver.Open(ModelFiles.Resolve(args.GetValue(_model), kind), options, precision);
        var s = _ode ? solver.Solve(problem, cancel) : solver.Integrate(problem, cancel);
        if (verbose)
        {
            stderr.WriteLine($"  model file: {(_ode ? solver.ModelFilesInUse.Odes : solver.ModelFilesInUse.Integrals) ?? "none (--no-model)"}");
            foreach (var a in s.Attempts) stderr.WriteLine($"  {a}");
            foreach (var c in s.Candidates)
                stderr.WriteLine($"  #{c.Rank} score {c.Score:F4}  {(c.Answer is null ? string.Join(' ', c.Tokens) : c.Answer.ToString())}  [{c.Verdict}: {c.Reason}]");
        }
        var constant = _ode ? "" : " + C";
        if (s.Verified)
        {
            stdout.WriteLine(ExprFormats.Print(s.Answer!.Tree, format) + constant);
            var rank = s.CandidateRank is { } r ? $", candidate {r} of {s.Candidates.Count}" : "";
            var chain = s is { ByRules: true, Method: { } m } ? $" ({m})" : "";
            stderr.WriteLine($"verified ({s.Reason}); by {s.Engine}{chain}{rank}, {s.Elapsed.TotalSeconds:F2} s");
            if (args.GetValue(_steps)) StepsPrinter.Print(s.Steps, stdout, format);
            return Task.FromResult(0);
        }
        if (s.PartialAnswer is { } partial)
        {
            // Right on some intervals only: printed as exactly that, never as verified, with its own exit code.
            stdout.WriteLine(ExprFormats.Print(partial.Tree, format) + constant);
            stderr.WriteLine($"{s.PartialRegion}, not everywhere the problem is defined ({s.PartialReason}); by {s.PartialEngine}, {s.Elapsed.TotalSeconds:F2} s");
            return Task.FromResult(4);
        }
        stdout.WriteLine($"no verified solution in {s.Elapsed.TotalSeconds:F2} s (tried {string.Join(", ", s.EnginesTried)}" +
                         (verbose ? ")" : "; --verbose says what each did)"));
        return Task.FromResult(3);
    }

    public static Precision ParsePrecision(string? precision) => precision is null ? Precision.Fp32 : PrecisionExtensions.Parse(precision);

    /// <summary>
    /// The problem, checked before any model is loaded: an integrand free of the unknown function, an equation
    /// that mentions it and is not satisfied by everything, and neither undefined (1/0, ln(0)).
    /// </summary>
    public static Expression ReadProblem(string text, bool ode)
    {
        try { return ode ? MathSolver.ReadEquation(text) : MathSolver.ReadIntegrand(text); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }
}
