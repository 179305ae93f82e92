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
        options = (options ?? new HybridOptions()).Validated();
        InferenceThreads.UseOne();
        var models = ModelFiles.Open(modelPath);
        try
        {
            // both now, so that a damaged file fails here and no caller waits for a load
            _ = models.Integrals;
            _ = models.Odes;
        }
        catch
        {
            models.Dispose();
            throw;
        }
        return new MathSolver(models, options);
    }

    /// <summary>An antiderivative of <paramref name="integrand"/> (infix in x), verified by differentiation.</summary>
    /// <exception cref="ExprParseException">The text is not a formula (the message names the column).</exception>
    /// <exception cref="ArgumentException">The integrand contains y or f(x), is undefined, or is too long for the model.</exception>
    public Solution Integrate(string integrand, CancellationToken cancel = default) => Integrate(Expression.Parse(integrand), cancel);

    /// <inheritdoc cref="Integrate(string, CancellationToken)"/>
    public Solution Integrate(Expression integrand, CancellationToken cancel = default)
        => Run(() => Problems.ForIntegrand(integrand.Tree), integrand, cancel);

    /// <summary>The general solution of an ODE in x, y, y', y'' (<c>y'' + y = 0</c>), verified by substitution.</summary>
    /// <exception cref="ExprParseException">The text is not an equation (the message names the column).</exception>
    /// <exception cref="ArgumentException">The equation does not involve y, or is undefined, or is too long for the model.</exception>
    public Solution Solve(string equation, CancellationToken cancel = default) => Solve(Expression.ParseEquation(equation), cancel);

    /// <inheritdoc cref="Solve(string, CancellationToken)"/>
    public Solution Solve(Expression equation, CancellationToken cancel = default)
        => Run(() => Problems.ForEquation(equation.Tree), equation, cancel);

    private Solution Run(Func<Expr> check, Expression shown, CancellationToken cancel)
    {
        Expr problem;
        try { problem = check(); }
        catch (UndefinedExpressionException e) { throw new ArgumentException($"the problem is undefined: {e.Message}", e); }
        var o = _hybrid.Solve(problem, cancel);
        var answer = o.Solved ? new Expression(Simplifier.SimplifyOrKeep(o.Answer!)) : null;
        return new Solution(shown, answer, o.Solved ? o.Engine?.Describe() : null, o.Solved ? o.Verdict?.Reason : null, o.Elapsed,
            o.Candidates.Select(c => new Candidate(c.Rank, c.Score, c.Answer is null ? null : new Expression(c.Answer), c.Verdict.Label, c.Verdict.Reason)).ToList(),
            o.Attempts.Select(a => $"{a.Engine}: {a.Outcome} ({a.Elapsed.TotalSeconds:F2} s)").ToList())
        {
            PartialAnswer = o is { Solved: false, Answer: { } partial, Verdict.Kind: VerdictKind.Partial } ? new Expression(Simplifier.SimplifyOrKeep(partial)) : null,
            PartialRegion = o is { Solved: false, Verdict.Kind: VerdictKind.Partial } ? o.Verdict.Label : null,
            Steps = o is { Solved: true, Derivation: { } d }
                ? StepCheck.Verify(d, (Problems.Statement(problem), o.Answer!, o.Verdict!)).Select(c => new SolutionStep(c.Depth, c.Step.Rule,
                    new Expression(c.Step.Problem), new Expression(c.Result), c.Step.Detail, c.Verdict.Label, c.Verdict.Reason,
                    ExprParts.ContainsUnknown(c.Step.Problem))).ToList()
                : [],
            Method = o.Solved ? o.Derivation?.Chain : null,
        };
    }

    /// <summary>Stops the CAS processes and frees the models.</summary>
    public void Dispose()
    {
        _hybrid.Dispose();
        _models.Dispose();
    }
}
