using SymSeq.Expressions;
using SymSeq.Search;
using SymSeq.Verification;

namespace SymSeq.Solving;

/// <summary>
/// What <see cref="HybridSolver"/> made of one problem: the verified answer and the engine that produced it (or
/// none), the model's candidates for the whole problem (best first, each with its verdict), and every attempt.
/// </summary>
public sealed record SolveOutcome(
    Problem Problem,
    Expr? Answer,
    Verdict? Verdict,
    Engine? Engine,
    TimeSpan Elapsed,
    IReadOnlyList<Candidate> Candidates,
    IReadOnlyList<EngineAttempt> Attempts)
{
    public bool Solved => Answer is not null && Verdict is { Accepted: true };

    /// <summary>The 1-based rank of the model candidate that verified, when the answer is one.</summary>
    public int? CandidateRank { get; init; }

    /// <summary>
    /// How the answer was found, as a step tree: the rules' derivation (rule, integrand, result, sub-steps), or the
    /// engine's proposal; null when unsolved. <see cref="Verification.StepCheck"/> judges each step.
    /// </summary>
    public Step? Derivation { get; init; }
}
