using SymSeq.Solving;

namespace SymSeq.Tests.Api;

/// <summary>
/// The facade the command line, the web page and library users share: Open finds and checks a model now and loads it
/// only when a problem needs it; bad files and bad input fail with a clear exception before any work.
/// </summary>
[Collection("torch")]
public sealed class MathSolverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-mathsolver-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Bundled => Path.Combine(TestPaths.Repo, "models", "default.symseq");
    private static readonly HybridOptions NoCas = new() { Cas = "none" };

    [Fact]
    public void A_problem_the_rules_answer_never_loads_the_model_and_one_they_do_not_does()
    {
        using var solver = MathSolver.Open(Bundled, NoCas);
        var byRules = solver.Integrate("x*cos(x)");
        Assert.True(byRules is { Verified: true, ByRules: true }, byRules.Engine);
        Assert.False(solver.IsLoaded(Problems.Kind.Integral));
        Assert.False(solver.IsLoaded(Problems.Kind.Ode));

        var byModel = solver.Solve("x*y' - y = 0"); // the ODE methods solve it: still nothing loaded
        Assert.False(solver.IsLoaded(Problems.Kind.Ode));
        using var modelOnly = MathSolver.Open(Bundled, NoCas with { Rules = false });
        var s = modelOnly.Solve("x*y' + y = 0");
        Assert.True(modelOnly.IsLoaded(Problems.Kind.Ode));
        Assert.True(byModel.Verified);
        Assert.True(s.Verified == s.Candidates.Any(c => c.Verdict == "verified"), "verified exactly when a candidate verified");
    }

    [Fact]
    public void Engines_passed_over_are_shown_but_not_counted_as_tried()
    {
        using var solver = MathSolver.WithoutModel(NoCas);
        var s = solver.Integrate("exp(x^2)"); // not elementary: the rules fail, and nothing else is there to try
        Assert.False(s.Verified);
        Assert.Equal(["basic rules"], s.EnginesTried);
        Assert.Contains(s.Attempts, a => a.StartsWith("model: no model loaded"));
    }

    [Fact]
    public void A_damaged_model_fails_at_open_and_a_missing_one_names_the_file()
    {
        var damaged = Path.Combine(_dir, "damaged.symseq");
        var bytes = File.ReadAllBytes(Bundled);
        File.WriteAllBytes(damaged, bytes[..(bytes.Length / 2)]);
        Assert.Contains("damaged.symseq", Assert.Throws<InvalidDataException>(() => MathSolver.Open(damaged)).Message);
        Assert.Throws<InvalidDataException>(() => MathSolver.Load(damaged));
        var missing = Path.Combine(_dir, "none.symseq");
        var e = Assert.Throws<FileNotFoundException>(() => MathSolver.Open(missing));
        Assert.Contains("none.symseq", e.Message);
    }

    [Fact]
    public void Input_is_checked_before_any_model_is_needed()
    {
        Assert.Contains("may not contain y", Assert.Throws<ArgumentException>(() => MathSolver.ReadIntegrand("f(x)*x")).Message);
        Assert.Contains("undefined", Assert.Throws<ArgumentException>(() => MathSolver.ReadIntegrand("1/0 + x")).Message);
        Assert.Contains("does not mention y", Assert.Throws<ArgumentException>(() => MathSolver.ReadEquation("x^2 = 1")).Message);
        Assert.Throws<ExprParseException>(() => MathSolver.ReadIntegrand("x*"));
        using var solver = MathSolver.WithoutModel(NoCas);
        Assert.Equal((null, null), solver.ModelFilesInUse);
        Assert.True(solver.Integrate("x^2").Verified);
    }

    [Fact]
    public void An_ODE_that_is_an_integral_gets_its_constant()
    {
        using var solver = MathSolver.WithoutModel(NoCas);
        var ode = solver.Solve("y' = x*cos(x)");
        Assert.True(ode.Verified);
        Assert.Contains("a8", ode.Answer!.ToString());                       // the general solution: G + a8
        Assert.DoesNotContain("a8", solver.Integrate("x*cos(x)").Answer!.ToString()); // an antiderivative: + C is printed apart
    }
}
