using SymSeq.Expressions;

namespace SymSeq.Cas;

public enum CasStatus
{
    /// <summary>The CAS returned a closed form in SymSeq's operators.</summary>
    Solved,
    /// <summary>The CAS gave up: an unevaluated integral, no solution, an error or an interactive question.</summary>
    Failed,
    /// <summary>The answer uses functions outside SymSeq's operators (erf, Ei, Piecewise, ...).</summary>
    Unsupported,
    /// <summary>No answer within the time budget; the process was killed and restarts on the next problem.</summary>
    Timeout,
}

/// <summary>What a CAS made of one problem, with its raw text for the record.</summary>
public sealed record CasResult(CasStatus Status, Expr? Answer, string Raw, TimeSpan Elapsed)
{
    public override string ToString() => Status == CasStatus.Solved ? $"{Status}: {Raw}" : $"{Status} ({Raw})";
}
