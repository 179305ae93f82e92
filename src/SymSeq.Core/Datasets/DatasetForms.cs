using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Datasets;

/// <summary>
/// The forms of a dataset line's problem that the model reads (<see cref="Problems.ModelInputs"/>: an integrand
/// canonical and multiplied out; an ODE canonical and with its non-vanishing factors dropped), as prefix text, which a
/// generator may write as lines of their own (generate --forms model), after the canonical one and with its answer;
/// split holds a problem out with all of them (<see cref="DatasetSplitter"/>).
/// </summary>
public static class DatasetForms
{
    /// <summary>The forms of <paramref name="canonical"/> other than itself, as prefix text.</summary>
    public static IEnumerable<string> Others(Expr canonical, TimeSpan budget)
    {
        var written = PrefixCodec.EncodeString(canonical);
        return Forms(canonical, budget).Skip(1).Select(PrefixCodec.EncodeString).Where(f => f != written);
    }

    private static IReadOnlyList<Expr> Forms(Expr problem, TimeSpan budget)
    {
        try { return Problems.ModelInputs(problem, budget); }
        catch (Exception e) when (e is SymbolicTimeoutException or UndefinedExpressionException or ArgumentException) { return []; }
    }
}
