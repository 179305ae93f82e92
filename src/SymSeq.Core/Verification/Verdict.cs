using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Verified: the answer is right at every point of the problem's real domain, on every interval of it (isolated
/// points and branch cuts aside; the complex plane decides only for a problem with no real domain).
/// Partial: right on some intervals only (<see cref="Verdict.Region"/>, as "for x &gt; 0"), never reported as verified.
/// Rejected: it is wrong, or not an answer. Uncheckable: SymSeq cannot tell.
/// </summary>
public enum VerdictKind { Verified, Rejected, Uncheckable, Partial }

/// <summary>Whether a hypothesis solves its problem, and why (not) — the one judgement every front end reports.</summary>
public sealed record Verdict(VerdictKind Kind, string Reason, string? Region = null)
{
    /// <summary>Only a verified answer is accepted: an uncheckable one, or one right on part of the line, is never reported as a solution.</summary>
    public bool Accepted => Kind == VerdictKind.Verified;
    public bool Uncheckable => Kind == VerdictKind.Uncheckable;

    /// <summary>
    /// Right everywhere or on some interval: the paper's convention for its data (1/x integrates to ln(x)), which the
    /// generators keep. Never what a user is told is verified.
    /// </summary>
    public bool HoldsOnSomeInterval => Kind is VerdictKind.Verified or VerdictKind.Partial;

    public static Verdict Accept(string how) => new(VerdictKind.Verified, how);
    public static Verdict Reject(string why) => new(VerdictKind.Rejected, why);
    public static Verdict CannotCheck(string why) => new(VerdictKind.Uncheckable, why);

    public static Verdict OnPart(string region, string how) => new(VerdictKind.Partial, how, region);

    public string Label => Kind switch
    {
        VerdictKind.Verified => "verified", VerdictKind.Rejected => "rejected",
        VerdictKind.Partial => Region is { } r && r.StartsWith("for ") ? $"verified {r} only" : "verified on part of the real line only",
        _ => "uncheckable",
    };

    /// <summary>The verdict of a numeric comparison, with the caller's wording for the equal and different cases.</summary>
    public static Verdict FromComparison(EquivalenceResult r, string equal, string different) => r.Verdict switch
    {
        Equivalence.Equal => Accept($"numeric: {equal}{(r.Where.Length > 0 ? " " + r.Where : "")} at {r.PointsUsed} points (worst relative residual {r.WorstError:G2})"),
        Equivalence.EqualOnPart => OnPart(r.Where, $"numeric: {equal} {r.Where}, not at every real point where the problem is defined"),
        Equivalence.Different => Reject($"{different} (relative residual {r.WorstError:G2})"),
        _ => CannotCheck($"could not check: only {r.PointsUsed} of {r.PointsTried} points could decide (outside the domain, too large, or ill-conditioned)"),
    };

    /// <summary>Runs a check so that a failing symbolic step gives a verdict instead of throwing.</summary>
    public static Verdict Guard(Func<Verdict> check)
    {
        try { return check(); }
        catch (SymbolicTimeoutException e) { return CannotCheck($"could not check: {e.Message}"); }
        catch (Exception e) when (e is NotSupportedException or ArithmeticException or ArgumentException or TimeoutException
                                       or InsufficientExecutionStackException)
        {
            return Reject($"check failed: {e.Message}");
        }
    }
}
