namespace SymSeq.Tests.Solving;

/// <summary>One model per kind of problem: integrals ask the integration model, ODEs the ODE model, each loaded when first needed.</summary>
[Collection("torch")]
public class SolverModelsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-models-").FullName;
    private static readonly string Bundled = Path.Combine(TestPaths.Repo, "models", "default.symseq");
    private static readonly string Integration = Path.Combine(TestPaths.Repo, "models", "integration.symseq");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string NotAModel()
    {
        var path = Path.Combine(_dir, "ode.symseq");
        File.WriteAllText(path, "not a model");
        return path;
    }

    [Fact]
    public void Each_kind_of_problem_asks_its_own_model_and_loads_it_only_then()
    {
        // The ODE file is not a model: integrals still solve with theirs, because nothing loads the ODE model until an ODE comes.
        SymSeq.Search.InferenceThreads.UseOne();   // as every front end does: libtorch's default threads spin against a busy machine
        using var models = SolverModels.FromFiles(Integration, NotAModel());
        using var solver = new HybridSolver(models, new HybridOptions { Cas = "none", Rules = false, TimeLimit = TimeSpan.FromSeconds(30) });
        var integral = solver.Solve(Problems.Integration(InfixParser.Parse("x*cos(x)")));
        Assert.True(integral.Solved, string.Join("; ", integral.Attempts));
        Assert.NotEqual(Engine.Rules, integral.Engine);
        Assert.Throws<FormatException>(() => solver.Solve(Problems.ForEquation(InfixParser.ParseEquation("y' - y = 0"))));
        Assert.Same(models.Integrals, models.For(Problems.Kind.Integral));
    }

    [Fact]
    public void A_problem_the_rules_answer_never_loads_a_model()
    {
        // Neither file is a model: loading either would throw. The rules answer both problems, so nothing loads.
        using var models = SolverModels.FromFiles(NotAModel(), NotAModel());
        using var solver = new HybridSolver(models, new HybridOptions { Cas = "none" });
        var integral = solver.Solve(Problems.Integration(InfixParser.Parse("x*cos(x)")));
        Assert.Equal(Engine.Rules, integral.Engine);
        var ode = solver.Solve(Problems.ForEquation(InfixParser.ParseEquation("y' - y = 0")));
        Assert.Equal(Engine.Rules, ode.Engine);
        // one the rules cannot answer reaches the model, and only then is the file read
        Assert.Throws<FormatException>(() => solver.Solve(Problems.Integration(InfixParser.Parse("x/(1 + x^5)"))));
    }

    [Fact]
    public void One_file_for_both_kinds_is_loaded_once()
    {
        using var models = SolverModels.FromFiles(Bundled, Path.Combine(TestPaths.Repo, "models", ".", "default.symseq"));
        Assert.NotNull(models.Integrals);
        Assert.Same(models.Integrals, models.Odes);
    }

    [Fact]
    public void No_model_means_rules_and_cas_only()
    {
        Assert.False(SolverModels.None.Has(Problems.Kind.Integral));
        Assert.False(SolverModels.None.Has(Problems.Kind.Ode));
        Assert.Null(SolverModels.None.For(Problems.Integration(Expr.X)));
    }

    [Fact]
    public void Integrals_use_the_bundled_integration_model_when_there_is_one()
    {
        var program = Directory.CreateDirectory(Path.Combine(_dir, "bin", "app")).FullName;
        var models = Directory.CreateDirectory(Path.Combine(_dir, "models")).FullName;
        Assert.Null(ModelFiles.Bundled(Problems.Kind.Integral, program));
        File.WriteAllText(Path.Combine(models, "default.symseq"), "");
        Assert.Equal(Path.Combine(models, "default.symseq"), ModelFiles.Bundled(Problems.Kind.Integral, program));
        File.WriteAllText(Path.Combine(models, "integration.symseq"), "");
        Assert.Equal(Path.Combine(models, "integration.symseq"), ModelFiles.Bundled(Problems.Kind.Integral, program));
        Assert.Equal(Path.Combine(models, "default.symseq"), ModelFiles.Bundled(Problems.Kind.Ode, program));

        // the nearest bundle wins whole: one beside the program with only a default model is not mixed with the one above
        var near = Directory.CreateDirectory(Path.Combine(program, "models")).FullName;
        File.WriteAllText(Path.Combine(near, "default.symseq"), "");
        Assert.Equal(Path.Combine(near, "default.symseq"), ModelFiles.Bundled(Problems.Kind.Integral, program));
    }
}
