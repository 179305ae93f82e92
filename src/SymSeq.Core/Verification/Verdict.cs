using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>Whether a hypothesis solves its problem, and why not when it does not.</summary>
public sealed record Verdict(bool Accepted, string Reason)
{
    public static Verdict Accept(string how) => new(true, how);
    public static Verdict Reject(string why) => new(false, why);

    /// <summary>The verdict of a numeric comparison, with the caller's wording for the equal and different cases.</summary>
    public static Verdict FromComparison(EquivalenceResult r, string equal, string different) => r.Verdict switch
    {
        Equivalence.Equal => Accept($"numeric: {equal} at {r.PointsUsed} points (worst relative error {r.WorstError:G2})"),
        Equivalence.Different => Reject($"{different} (relative error {r.WorstError:G2})"),
        _ => Reject($"could not check: only {r.PointsUsed} of {r.PointsTried} points were in the domain"),
    };

    /// <summary>Runs a check so that a failing symbolic step rejects the hypothesis instead of throwing.</summary>
    public static Verdict Guard(Func<Verdict> check)
    {
        try { return check(); }
        catch (Exception e) when (e is NotSupportedException or ArithmeticException or ArgumentException or TimeoutException)
        {
            return Reject($"check failed: {e.Message}");
        }
    }
}
