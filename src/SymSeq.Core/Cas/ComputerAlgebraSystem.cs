using System.Text.RegularExpressions;
using SymSeq.Expressions;

namespace SymSeq.Cas;

/// <summary>
/// A real computer algebra system behind a persistent subprocess: integrates functions of x and solves ODEs in
/// y(x). Every call has its own time budget; a call past it kills the process, which restarts on the next call.
/// Answers come back as SymSeq expressions (constants of integration named a0, a1 as in SymSeq's ODE data).
/// </summary>
public abstract partial class ComputerAlgebraSystem : IDisposable
{
    public abstract string Name { get; }

    /// <summary>The subprocess; exposed for its restart count.</summary>
    protected abstract CasProcess Process { get; }

    public int Starts => Process.Starts;

    /// <summary>An antiderivative of <paramref name="integrand"/> with respect to x.</summary>
    public abstract CasResult Integrate(Expr integrand, TimeSpan budget);

    /// <summary>The general solution y(x) of <paramref name="equation"/> = 0 (in x, y, y', y'').</summary>
    public abstract CasResult SolveOde(Expr equation, TimeSpan budget);

    /// <summary>Solves a problem in SymSeq's form: "Y' - f" is integrated, any other equation in Y is an ODE.</summary>
    public CasResult Solve(Expr problem, TimeSpan budget) =>
        Verification.Problems.TryIntegrand(problem, out var f) ? Integrate(f, budget) : SolveOde(problem, budget);

    /// <summary>Every CAS SymSeq can drive, in the order auto tries them: Maxima solves the most, Giac nearly as many in a
    /// fraction of the time, SymPy is the slowest to start and to answer.</summary>
    public static readonly string[] Known = ["maxima", "giac", "sympy"];

    public static ComputerAlgebraSystem Create(string name) => name.ToLowerInvariant() switch
    {
        "maxima" => new MaximaCas(),
        "sympy" => new SympyCas(),
        "giac" => new GiacCas(),
        _ => throw new ArgumentException($"unknown CAS '{name}': expected one of {string.Join(", ", Known)}"),
    };

    /// <summary>
    /// Reads a CAS's answer text back into an expression after <paramref name="renames"/> (whole words) map its
    /// constants to SymSeq's names; text with names SymSeq does not know is <see cref="CasStatus.Unsupported"/>.
    /// </summary>
    protected static CasResult ParseAnswer(string text, TimeSpan elapsed, IReadOnlyList<(string From, string To)> renames)
    {
        var s = text.Trim();
        foreach (var (from, to) in renames) s = Regex.Replace(s, $@"(?<![\w%]){Regex.Escape(from)}(?!\w)", to);
        try
        {
            return new CasResult(CasStatus.Solved, InfixParser.Parse(s), text.Trim(), elapsed);
        }
        catch (ExprParseException e)
        {
            return new CasResult(CasStatus.Unsupported, null, $"{text.Trim()} [{e.Message}]", elapsed);
        }
    }

    protected static CasResult FromFailure(CasProcess.Reply reply, string what) => reply.Outcome switch
    {
        CasProcess.Outcome.Timeout => new CasResult(CasStatus.Timeout, null, $"no answer within {reply.Elapsed.TotalSeconds:F1} s", reply.Elapsed),
        CasProcess.Outcome.Aborted => new CasResult(CasStatus.Failed, null, $"asked: {reply.Lines[^1].Trim()}", reply.Elapsed),
        CasProcess.Outcome.Crashed => new CasResult(CasStatus.Failed, null, $"the process exited: {string.Join(" | ", reply.Lines.TakeLast(3))}", reply.Elapsed),
        _ => new CasResult(CasStatus.Failed, null, what, reply.Elapsed),
    };

    public void Dispose()
    {
        Process.Dispose();
        GC.SuppressFinalize(this);
    }
}
