using System.CommandLine;
using SymSeq.Verification;
using SymSeq.Expressions;
using SymSeq.Search;
using SymSeq.Solving;

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
        var noModel = args.GetValue(_noModel);
        // this kind's model only (integrals or ODEs); a missing model is reported before any work
        var kind = _ode ? Problems.Kind.Ode : Problems.Kind.Integral;
        var modelFile = noModel ? null : ModelLocator.Resolve(args.GetValue(_model), kind);
        InferenceThreads.UseOne(); // one problem: one libtorch thread scales best (bench -- latency)
        // loaded only if the search reaches the model: a problem the rules answer never loads libtorch
        using var models = noModel ? SolverModels.None : ModelLocator.OpenOne(modelFile!, args.GetValue(_precision));
        using var solver = new HybridSolver(models, options);
        var outcome = solver.Solve(problem, cancel);
        if (verbose)
        {
            stderr.WriteLine($"  model file: {modelFile ?? "none (--no-model)"}");
            foreach (var a in outcome.Attempts) stderr.WriteLine($"  {a.Engine}: {a.Outcome} ({a.Elapsed.TotalSeconds:F2} s)");
            foreach (var c in outcome.Candidates)
                stderr.WriteLine($"  #{c.Rank} score {c.Score:F4}  {(c.Answer is null ? string.Join(' ', c.Tokens) : c.Answer.ToString())}  [{c.Verdict.Label}: {c.Verdict.Reason}]");
        }
        if (outcome.Solved)
        {
            var answer = Simplifier.SimplifyOrKeep(outcome.Answer!);
            stdout.WriteLine(ExprFormats.Print(answer, format) + (_ode ? "" : " + C"));
            var rank = outcome.CandidateRank is { } r ? $", candidate {r} of {outcome.Candidates.Count}" : "";
            var chain = outcome is { Engine: Engine.Rules, Derivation: { } d } ? $" ({d.Chain})" : "";
            stderr.WriteLine($"verified ({outcome.Verdict!.Reason}); by {outcome.Engine!.Value.Describe()}{chain}{rank}, {outcome.Elapsed.TotalSeconds:F2} s");
            if (args.GetValue(_steps) && outcome.Derivation is { } derivation) StepsPrinter.Print(derivation, stdout, format, (Problems.Statement(problem), outcome.Answer!, outcome.Verdict));
            return Task.FromResult(0);
        }
        if (outcome is { Answer: { } partial, Verdict: { Kind: VerdictKind.Partial } onPart })
        {
            // Right on some intervals only: printed as exactly that, never as verified, with its own exit code.
            stdout.WriteLine(ExprFormats.Print(Simplifier.SimplifyOrKeep(partial), format) + (_ode ? "" : " + C"));
            stderr.WriteLine($"{onPart.Label}, not everywhere the problem is defined ({onPart.Reason}); by {outcome.Engine!.Value.Describe()}, {outcome.Elapsed.TotalSeconds:F2} s");
            return Task.FromResult(4);
        }
        stdout.WriteLine($"no verified solution in {outcome.Elapsed.TotalSeconds:F2} s (tried {string.Join(", ", outcome.Attempts.Select(a => a.Engine).Distinct())}" +
                         (verbose ? ")" : "; --verbose says what each did)"));
        return Task.FromResult(3);
    }

    /// <summary>
    /// The problem, checked before any model is loaded: an integrand free of the unknown function, an equation
    /// that mentions it and is not satisfied by everything, and neither undefined (1/0, ln(0)).
    /// </summary>
    public static Expr ReadProblem(string text, bool ode)
    {
        try { return ode ? Problems.ForEquation(InfixParser.ParseEquation(text)) : Problems.ForIntegrand(InfixParser.Parse(text)); }
        catch (ArgumentException e) { throw new UsageException(e.Message); }
    }
}
