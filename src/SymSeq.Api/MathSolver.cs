using SymSeq.Checkpoints;
using SymSeq.Expressions;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq;

/// <summary>
/// Integrates functions and solves ODEs with the bundled model (or yours), decomposition, candidate repair and an
/// optional CAS, returning only answers the verifier accepted. Load once and reuse: loading takes a fraction of a
/// second, a solve typically 0.1–1 s. Thread-safe. This is the same solver the command line and the web page use.
/// </summary>
/// <example>
/// <code>
/// using var solver = MathSolver.Load();
/// var s = solver.Integrate("x*cos(x)");
/// Console.WriteLine(s.Verified ? $"{s.Answer} + C  (by {s.Engine})" : "no verified answer");
/// </code>
/// </example>
public sealed class MathSolver : IDisposable
{
    private readonly SolverModels _models;
    private readonly HybridSolver _hybrid;

    private MathSolver(SolverModels models, HybridOptions options)
    {
        _models = models;
        _hybrid = new HybridSolver(models, options);
    }

    /// <summary>The search settings in use.</summary>
    public HybridOptions Options => _hybrid.Options;

    /// <summary>
    /// Loads the models: <paramref name="modelPath"/> for every problem, else $SYMSEQ_MODEL, else the bundled ones
    /// (models/integration.symseq for integrals when it is there, models/default.symseq for ODEs and otherwise).
    /// Inference runs on one libtorch thread per call (faster for single problems and safe under concurrency).
    /// </summary>
    /// <param name="modelPath">A SymSeq checkpoint or one of the paper's .pth files; null for the bundled model.</param>
    /// <param name="options">Beam sizes, time limit, CAS choice (default: beam 10, then 50; 5 s; every installed CAS).</param>
    /// <exception cref="FileNotFoundException">No such model.</exception>
    /// <exception cref="InvalidDataException">The file is damaged or not a model.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static MathSolver Load(string? modelPath = null, HybridOptions? options = null)
    {
        var solver = Open(modelPath, options);
        // both now, so that a damaged file fails here and no caller waits for a load
        DisposedOnFailure(solver, () => { _ = solver._models.Integrals; _ = solver._models.Odes; });
        return solver;
    }

    /// <summary>
    /// As <see cref="Load"/>, but each model is loaded when a problem first needs it: a problem the rules answer never
    /// loads libtorch (the command line's way: a whole process in about 0.2 s). The files are found, and checked whole
    /// (a damaged file fails here), now.
    /// </summary>
    /// <param name="modelPath">A SymSeq checkpoint or one of the paper's .pth files for every problem; null for the bundled models.</param>
    /// <param name="options">As for <see cref="Load"/>.</param>
    /// <param name="precision">fp32, or bf16 where the CPU has it.</param>
    /// <exception cref="FileNotFoundException">No such model.</exception>
    /// <exception cref="InvalidDataException">The file is damaged or not a model.</exception>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static MathSolver Open(string? modelPath = null, HybridOptions? options = null, Precision precision = Precision.Fp32)
    {
        options = (options ?? new HybridOptions()).Validated();
        InferenceThreads.UseOne();
        var models = ModelFiles.Open(modelPath, precision);
        DisposedOnFailure(models, () =>
        {
            foreach (var file in new[] { models.IntegralsFile, models.OdesFile }.OfType<string>().Distinct()) SymSeqCheckpoint.CheckAny(file);
        });
        return new MathSolver(models, options);
    }

    /// <summary>
    /// Checks or loads models; on failure frees what was opened, and reports a damaged file (the checkpoint reader's
    /// FormatException) as the documented <see cref="InvalidDataException"/>.
    /// </summary>
    private static void DisposedOnFailure(IDisposable opened, Action work)
    {
        try { work(); }
        catch (FormatException e)
        {
            opened.Dispose();
            throw new InvalidDataException(e.Message, e);
        }
        catch
        {
            opened.Dispose();
            throw;
        }
    }

    /// <summary>A solver with the rules and the CAS only: no model is looked for or loaded.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static MathSolver WithoutModel(HybridOptions? options = null) => new(SolverModels.None, (options ?? new HybridOptions()).Validated());

    /// <summary>
    /// An integrand read and checked as <see cref="Integrate(Expression, CancellationToken)"/> checks it (free of y,
    /// defined), before any model is needed.
    /// </summary>
    /// <exception cref="ExprParseException">The text is not a formula (the message names the column).</exception>
    /// <exception cref="ArgumentException">The integrand contains y or f(x), or is undefined.</exception>
    public static Expression ReadIntegrand(string text)
    {
        var e = Expression.Parse(text);
        Checked(() => Problems.ForIntegrand(e.Tree));
        return e;
    }

    /// <summary>An ODE read and checked as <see cref="Solve(Expression, CancellationToken)"/> checks it (it mentions y, is defined, constrains y).</summary>
    /// <exception cref="ExprParseException">The text is not an equation (the message names the column).</exception>
    /// <exception cref="ArgumentException">The equation does not involve y, is undefined, or has no derivative of y.</exception>
    public static Expression ReadEquation(string text)
    {
        var e = Expression.ParseEquation(text);
        Checked(() => Problems.ForEquation(e.Tree));
        return e;
    }

    /// <summary>An antiderivative of <paramref name="integrand"/> (infix in x), verified by differentiation.</summary>
    /// <exception cref="ExprParseException">The text is not a formula (the message names the column).</exception>
    /// <exception cref="ArgumentException">The integrand contains y or f(x), is undefined, or is too long for the model.</exception>
    public Solution Integrate(string integrand, CancellationToken cancel = default) => Integrate(Expression.Parse(integrand), cancel);

    /// <inheritdoc cref="Integrate(string, CancellationToken)"/>
    public Solution Integrate(Expression integrand, CancellationToken cancel = default)
        => Run(() => Problem.Decode(Problems.ForIntegrand(integrand.Tree)), integrand, cancel);

    /// <summary>True once the model for this kind of problem has been loaded (<see cref="Open"/> loads on first need).</summary>
    internal bool IsLoaded(Problems.Kind kind) => _models.IsLoaded(kind);

    /// <summary>The model files in use (integrals, ODEs); null for a solver without a model.</summary>
    public (string? Integrals, string? Odes) ModelFilesInUse => (_models.IntegralsFile, _models.OdesFile);

    /// <summary>The general solution of an ODE in x, y, y', y'' (<c>y'' + y = 0</c>), verified by substitution.</summary>
    /// <exception cref="ExprParseException">The text is not an equation (the message names the column).</exception>
    /// <exception cref="ArgumentException">The equation does not involve y, or is undefined, or is too long for the model.</exception>
    public Solution Solve(string equation, CancellationToken cancel = default) => Solve(Expression.ParseEquation(equation), cancel);

    /// <inheritdoc cref="Solve(string, CancellationToken)"/>
    public Solution Solve(Expression equation, CancellationToken cancel = default)
        => Run(() => Problem.Decode(Problems.ForEquation(equation.Tree)), equation, cancel, generalSolution: true); // y' = g(x) is solved as the integral of g

    private static T Checked<T>(Func<T> check)
    {
        try { return check(); }
        catch (UndefinedExpressionException e) { throw new ArgumentException($"the problem is undefined: {e.Message}", e); }
    }

    // generalSolution: an ODE was asked for, so an equation y' = g(x), solved as the integral of g, gets its constant (G + a8).
    private Solution Run(Func<Problem> check, Expression shown, CancellationToken cancel, bool generalSolution = false)
    {
        var problem = Checked(check);
        var o = _hybrid.Solve(problem, cancel);
        var constant = generalSolution && problem is Problem.Integral ? new Sym(Symbols.OdeConstants[0]) : null;
        Expression? General(Expr a) => new(Simplifier.SimplifyOrKeep(constant is null ? a : new Op(Operator.Add, a, constant)));
        var answer = o.Solved ? General(o.Answer!) : null;
        var partial = o is { Solved: false, Answer: not null, Verdict.Kind: VerdictKind.Partial } ? o.Verdict : null;
        return new Solution(shown, answer, o.Solved ? o.Engine?.Describe() : null, o.Solved ? o.Verdict?.Reason : null, o.Elapsed,
            o.Candidates.Select(c => new Candidate(c.Rank, c.Score, c.Answer is null ? null : new Expression(c.Answer), c.Verdict.Label, c.Verdict.Reason) { Tokens = c.Tokens }).ToList(),
            o.Attempts.Select(a => $"{a.Engine}: {a.Outcome} ({a.Elapsed.TotalSeconds:F2} s)").ToList())
        {
            PartialAnswer = partial is null ? null : General(o.Answer!),
            PartialRegion = partial?.Label,
            PartialReason = partial?.Reason,
            PartialEngine = partial is null ? null : o.Engine?.Describe(),
            Steps = o is { Solved: true, Derivation: { } d }
                ? StepCheck.Verify(d, (problem.Statement, o.Answer!, o.Verdict!)).Select(c => new SolutionStep(c.Depth, c.Step.Rule,
                    new Expression(c.Step.Problem), new Expression(c.Result), c.Step.Detail, c.Verdict.Label, c.Verdict.Reason,
                    ExprParts.ContainsUnknown(c.Step.Problem))).ToList()
                : [],
            Method = o.Solved ? o.Derivation?.Chain : null,
            ByRules = o is { Solved: true, Engine: Engine.Rules },
            CandidateRank = o.Solved ? o.CandidateRank : null,
            EnginesTried = o.Attempts.Where(a => a.Tried).Select(a => a.Engine).Distinct().ToList(),
        };
    }

    /// <summary>Stops the CAS processes and frees the models.</summary>
    public void Dispose()
    {
        _hybrid.Dispose();
        _models.Dispose();
    }
}
