using SymSeq.Verification;

namespace SymSeq;

/// <summary>One model hypothesis for the whole problem: its rank and beam score, and what the verifier made of it.</summary>
/// <param name="Rank">1 for the model's best guess.</param>
/// <param name="Score">The beam score (mean log-probability per token).</param>
/// <param name="Answer">The hypothesis, or null when the tokens did not form an expression.</param>
/// <param name="Verdict">verified, rejected, uncheckable, or "verified for x &gt; 0 only" (right on part of the line; not verified).</param>
/// <param name="Reason">Why: the check that decided, or what went wrong.</param>
public sealed record Candidate(int Rank, double Score, Expression? Answer, string Verdict, string Reason)
{
    /// <summary>The words the model wrote, in prefix (what to show when they do not form an expression).</summary>
    public IReadOnlyList<string> Tokens { get; init; } = [];
}

/// <summary>What <see cref="MathSolver"/> found for a problem: a verified answer (or none), who found it, and how.</summary>
/// <param name="Problem">The problem as given: the integrand, or the equation (left side minus right side).</param>
/// <param name="Answer">The verified antiderivative (add a constant) or general solution; null when nothing verified.</param>
/// <param name="Engine">basic rules, model, model after decomposition, repaired candidate, maxima, giac or sympy; null when unsolved.</param>
/// <param name="Reason">How the answer was verified (symbolically or at how many points).</param>
/// <param name="Elapsed">Wall-clock time of the whole search.</param>
/// <param name="Candidates">The model's hypotheses for the whole problem, best first, each with its verdict.</param>
/// <param name="Attempts">Every engine's attempt in order, as "engine: outcome (seconds)".</param>
public sealed record Solution(
    Expression Problem,
    Expression? Answer,
    string? Engine,
    string? Reason,
    TimeSpan Elapsed,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<string> Attempts)
{
    /// <summary>True when <see cref="Answer"/> was checked by substitution and accepted.</summary>
    public bool Verified => Answer is not null;

    /// <summary>
    /// When nothing verified everywhere: an answer right on some intervals of the problem's real domain only (see
    /// <see cref="PartialRegion"/>), never to be taken as verified; null otherwise.
    /// </summary>
    public Expression? PartialAnswer { get; init; }

    /// <summary>Where <see cref="PartialAnswer"/> is right, as "verified for x &gt; 0 only"; null when there is none.</summary>
    public string? PartialRegion { get; init; }

    /// <summary>The check that found <see cref="PartialAnswer"/> right on part of the line; null when there is none.</summary>
    public string? PartialReason { get; init; }

    /// <summary>Who proposed <see cref="PartialAnswer"/> (model, maxima, ...); null when there is none.</summary>
    public string? PartialEngine { get; init; }

    /// <summary>True when the basic rules alone found the answer (then <see cref="Method"/> names the rules).</summary>
    public bool ByRules { get; init; }

    /// <summary>The rank of the model candidate that verified (1 for the best), when the answer is one; else null.</summary>
    public int? CandidateRank { get; init; }

    /// <summary>The engines that were tried, in order, each once (the names <see cref="Attempts"/> begin with).</summary>
    public IReadOnlyList<string> EnginesTried { get; init; } = [];

    /// <summary>How the answer was found, step by step, each step verified (empty when unsolved).</summary>
    public IReadOnlyList<SolutionStep> Steps { get; init; } = [];

    /// <summary>The rules that did the work, "by parts -> partial fractions", or the engine; null when unsolved.</summary>
    public string? Method { get; init; }
}

/// <summary>
/// One step of how an answer was found: the rule (or method, or engine), what it was applied to, what it gave, the
/// choice it made, and the verifier's verdict on this step's own result. Steps come depth first: a step's sub-steps
/// (the smaller integrals it made) follow it with <see cref="Depth"/> one more.
/// </summary>
/// <param name="Depth">0 for the outermost step.</param>
/// <param name="Rule">"by parts", "substitution", "partial fractions", "linear ODE", "model", "maxima", ...</param>
/// <param name="Problem">The integrand, or for an ODE method the equation (left side minus right side).</param>
/// <param name="Result">Its antiderivative or solution as verified (its real form, ln|u|, when only that verifies).</param>
/// <param name="Detail">The choice made (u = x², dv = cos(x) dx), or how an engine's answer was checked; null when none.</param>
/// <param name="Verdict">verified, "verified ... only" (right on part of the line), rejected or uncheckable.</param>
/// <param name="Reason">The check that decided.</param>
/// <param name="Equation">True when <see cref="Problem"/> is an ODE (an ODE method's step), false for an integrand.</param>
public sealed record SolutionStep(int Depth, string Rule, Expression Problem, Expression Result, string? Detail, string Verdict, string Reason, bool Equation)
{
    /// <summary>True when the step's result was checked by substitution and accepted.</summary>
    public bool Verified => Verdict == "verified";
}

/// <summary>The verifier's judgement of a pair.</summary>
/// <param name="Verdict">verified, rejected or uncheckable (the checker could not decide; never treated as right).</param>
/// <param name="Reason">The check that decided, or why none could.</param>
public sealed record Check(string Verdict, string Reason)
{
    /// <summary>True only for a verified pair.</summary>
    public bool Verified => Verdict == "verified";

    internal static Check From(Verification.Verdict v) => new(v.Label, v.Reason);
}
