namespace SymSeq.Verification;

/// <summary>Whether a hypothesis solves its problem, and why not when it does not.</summary>
public sealed record Verdict(bool Accepted, string Reason)
{
    public static Verdict Accept(string how) => new(true, how);
    public static Verdict Reject(string why) => new(false, why);
}
