namespace SymSeq.Web;

/// <summary>The body of every POST: the expression (for /api/solve, the equation).</summary>
public sealed record ExpressionRequest(string? Expression);

/// <summary>An expression as the page shows it.</summary>
public sealed record Rendered(string Infix, string Latex)
{
    public static Rendered Of(Expression e) => new(e.ToInfix(), e.ToLatex());
}

/// <summary>One model candidate with its score and verdict.</summary>
public sealed record CandidateReply(int Rank, double Score, Rendered? Answer, string Verdict, string Reason);

/// <summary>One step of the derivation (see <see cref="SolutionStep"/>), with its verdict.</summary>
public sealed record StepReply(int Depth, string Rule, Rendered Problem, Rendered Result, string? Detail, string Verdict, string Reason, bool Equation);

/// <summary>The reply of /api/integrate and /api/solve: the steps are empty when nothing verified.</summary>
public sealed record SolveReply(
    Rendered Problem, Rendered? Answer, bool Verified, string Verdict, string Reason, string? Engine,
    IReadOnlyList<CandidateReply> Candidates, IReadOnlyList<string> Attempts, double Milliseconds,
    IReadOnlyList<StepReply> Steps, string? Method);

/// <summary>The reply of /api/simplify, /api/diff and /api/parse.</summary>
public sealed record TransformReply(Rendered Input, Rendered Result, double Milliseconds);

/// <summary>Every error: a message, and for a parse error where (1-based column) and what was expected.</summary>
public sealed record ErrorReply(string Error, int? Column = null, string? Expected = null);
