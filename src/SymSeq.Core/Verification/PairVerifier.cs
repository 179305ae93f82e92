using SymSeq.Datasets;
using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Checks one dataset pair (problem, answer) in prefix tokens with the verifier every front end uses
/// (<see cref="Problems.VerifyEverywhere"/>: right wherever the problem is real, the paper's ln u counted as its
/// ln|u|; a pair right on part of the line only is <see cref="VerdictKind.Partial"/>). A line whose tokens do not
/// decode is rejected with the decoder's message.
/// </summary>
public static class PairVerifier
{
    public static Verdict Check(DatasetLine line)
    {
        if (!PrefixCodec.TryDecode(line.Input, out var problem, out var error)) return Verdict.Reject($"input: {error}");
        if (!PrefixCodec.TryDecode(line.Output, out var answer, out error)) return Verdict.Reject($"output: {error}");
        try { return Problems.VerifyEverywhere(problem!, answer!).Verdict; }
        catch (ArgumentException e) { return Verdict.Reject($"not a valid problem: {e.Message}"); }
    }
}
