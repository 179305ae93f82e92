using SymSeq.Verification;
using SymSeq.Expressions;
using SymSeq.Search;
using SymSeq.Solving;

namespace SymSeq.Cli.Commands;

/// <summary>`symseq integrate` and `symseq solve`: one problem, a verified answer or an honest failure.</summary>
public sealed class IntegrateCommand(bool ode) : CliApp.ICommand
{
    public string Name => ode ? "solve" : "integrate";
    public string Summary => ode ? "solve an ODE: symseq solve \"y'' + y = 0\"" : "integrate a function: symseq integrate \"x*cos(x)\"";
    public IReadOnlyList<string> Flags => ["verbose", "no-decompose", "no-repair"];
    public string Usage => $"""
        symseq {Name} "{(ode ? "EQUATION in x, y, y', y''" : "EXPR in x")}" [options]

          --model PATH       a SymSeq checkpoint or one of the paper's .pth files (default: the bundled model)
          --beam N           beam of the first model pass (default 10)
          --wide-beam N      beam of the second pass when nothing verified (default 50; 0 turns it off)
          --time-limit S     seconds for the whole search, every engine included (default 5)
          --cas C            auto | maxima | sympy | none: the CAS asked when the model fails (default auto:
                             whichever is installed, none when nothing is); its answers are verified too
          --no-decompose     do not split sums and take out constant factors before the model
          --no-repair        do not try simple fixes (a constant factor, a polynomial part) of model candidates
          --format F         infix | latex | sympy | prefix (default infix)
          --precision P      fp32 | bf16 for inference (default fp32)
          --verbose          list every engine's attempt and every model candidate with its score and verdict

        Prints the verified answer, and on stderr the engine that found it and the time taken.
        Exit code 3 when nothing verified in time.
        """;

    public Task<int> RunAsync(ArgReader args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        var modelPath = args.String("model");
        var options = ReadOptions(args);
        var format = args.String("format") ?? "infix";
        ExprFormats.Print(Expr.X, format); // a bad format fails before the model loads
        var precision = args.String("precision");
        var verbose = args.Flag("verbose");
        args.EnsureAllUsed();
        if (args.Positional.Count != 1) throw new UsageException("expected one expression (quote it)");
        var problem = ReadProblem(args.Positional[0], ode);
        var modelFile = ModelLocator.Resolve(modelPath); // a missing model is reported before any work
        InferenceThreads.UseOne(); // one problem: one libtorch thread is faster (bench -- latency)
        using var model = ModelLocator.Load(modelFile, precision);
        using var solver = new HybridSolver(model, options);
        var outcome = solver.Solve(problem, cancel);
        if (verbose)
        {
            foreach (var a in outcome.Attempts) stderr.WriteLine($"  {a.Engine}: {a.Outcome} ({a.Elapsed.TotalSeconds:F2} s)");
            foreach (var c in outcome.Candidates)
                stderr.WriteLine($"  #{c.Rank} score {c.Score:F4}  {(c.Answer is null ? string.Join(' ', c.Tokens) : c.Answer.ToString())}  [{c.Verdict.Label}: {c.Verdict.Reason}]");
        }
        if (outcome.Solved)
        {
            var answer = Simplifier.TrySimplify(outcome.Answer!, out var simple) ? simple : outcome.Answer!;
            stdout.WriteLine(ExprFormats.Print(answer, format) + (ode ? "" : " + C"));
            var rank = outcome.CandidateRank is { } r ? $", candidate {r} of {outcome.Candidates.Count}" : "";
            stderr.WriteLine($"verified ({outcome.Verdict!.Reason}); by {outcome.Engine!.Value.Describe()}{rank}, {outcome.Elapsed.TotalSeconds:F2} s");
            return Task.FromResult(0);
        }
        stdout.WriteLine($"no verified solution in {outcome.Elapsed.TotalSeconds:F2} s (tried {string.Join(", ", outcome.Attempts.Select(a => a.Engine).Distinct())}" +
                         (verbose ? ")" : "; --verbose says what each did)"));
        return Task.FromResult(3);
    }

    /// <summary>The hybrid search's options, shared by integrate, solve and evaluate --hybrid.</summary>
    public static HybridOptions ReadOptions(ArgReader args, bool readBeam = true)
    {
        var limit = args.Double("time-limit", 5);
        if (!(limit > 0) || limit > 86_400) throw new UsageException($"--time-limit must be a number of seconds between 0 and 86400, got {limit}");
        var cas = (args.String("cas") ?? "auto").ToLowerInvariant();
        if (!HybridOptions.CasChoices.Contains(cas)) throw new UsageException($"--cas: unknown choice '{cas}'; expected {string.Join(", ", HybridOptions.CasChoices)}");
        return new HybridOptions
        {
            Beam = readBeam ? args.Int("beam", 10, 1, 1000) : 10,
            WideBeam = args.Int("wide-beam", 50, 0, 1000),
            TimeLimit = TimeSpan.FromSeconds(limit),
            Cas = cas,
            Decompose = !args.Flag("no-decompose"),
            Repair = !args.Flag("no-repair"),
        };
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
