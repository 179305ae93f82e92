using SymSeq.Verification;
using System.Diagnostics;
using SymSeq.Expressions;
using SymSeq.Search;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq integrate` and `symseq solve`: one problem, a verified answer or an honest failure.</summary>
public sealed class IntegrateCommand(bool ode) : CliApp.ICommand
{
    public string Name => ode ? "solve" : "integrate";
    public string Summary => ode ? "solve an ODE: symseq solve \"y'' + y = 0\"" : "integrate a function: symseq integrate \"x*cos(x)\"";
    public IReadOnlyList<string> Flags => ["verbose"];
    public string Usage => $"""
        symseq {Name} "{(ode ? "EQUATION in x, y, y', y''" : "EXPR in x")}" [--model PATH] [--beam N] [--format infix|latex|sympy|prefix] [--verbose]

          --model PATH   a SymSeq checkpoint or one of the paper's .pth files (default: the bundled model)
          --beam N       beam size (default 10)
          --precision P  fp32 | bf16 for inference (default fp32)
          --verbose      list every candidate with its score and verdict
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var modelPath = args.String("model");
        var beam = args.Int("beam", 10, 1, 1000);
        var format = args.String("format") ?? "infix";
        var precision = args.String("precision");
        var verbose = args.Flag("verbose");
        args.EnsureAllUsed();
        if (args.Positional.Count != 1) throw new UsageException("expected one expression (quote it)");
        var problem = ReadProblem(args.Positional[0], ode);
        var modelFile = ModelLocator.Resolve(modelPath); // a missing model is reported before any work
        using var model = ModelLocator.Load(modelFile, precision);
        var sw = Stopwatch.StartNew();
        var result = Solver.Solve(model, problem, beam, cancel: cancel);
        if (verbose)
            foreach (var c in result.Candidates)
                stderr.WriteLine($"  #{c.Rank} score {c.Score:F4}  {(c.Answer is null ? string.Join(' ', c.Tokens) : c.Answer.ToString())}  [{(c.Verdict.Accepted ? "verified" : "rejected")}: {c.Verdict.Reason}]");
        if (result.Verified is { } v)
        {
            var answer = Simplifier.TrySimplify(v.Answer!, out var simple) ? simple : v.Answer!;
            stdout.WriteLine(ExprFormats.Print(answer, format) + (ode ? "" : " + C"));
            stderr.WriteLine($"verified ({v.Verdict.Reason}); candidate {v.Rank} of {result.Candidates.Count}, {sw.Elapsed.TotalSeconds:F2} s");
            return Task.FromResult(0);
        }
        stdout.WriteLine($"no verified solution among {result.Candidates.Count} candidates");
        return Task.FromResult(3);
    }

    /// <summary>
    /// The problem, checked before any model is loaded: an integrand free of the unknown function, an equation
    /// that mentions it and is not satisfied by everything, and neither undefined (1/0, ln(0)).
    /// </summary>
    public static Expr ReadProblem(string text, bool ode)
    {
        Expr problem;
        if (ode)
        {
            problem = InfixParser.ParseEquation(text);
            if (!ExprParts.ContainsUnknown(problem)) throw new UsageException("the equation does not mention y, y' or y''");
        }
        else
        {
            var f = InfixParser.Parse(text);
            if (ExprParts.ContainsUnknown(f)) throw new UsageException("an integrand may not contain y or f(x); use symseq solve for an ODE");
            problem = new Op(Operator.Sub, new Unknown(1), f);
        }
        var canonical = Problems.Canonical(problem); // throws for undefined input
        if (ode && !ExprParts.ContainsUnknown(canonical))
            throw new UsageException($"the equation simplifies to {canonical}: it does not constrain y");
        return problem;
    }
}
