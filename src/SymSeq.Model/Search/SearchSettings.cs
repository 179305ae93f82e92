namespace SymSeq.Search;

/// <summary>
/// How the beam search runs, apart from its width. <see cref="Grammar"/>: keep to the grammar of prefix expressions
/// (<see cref="PrefixGrammar"/>), where the paper's search may spend beam slots on malformed token streams.
/// <see cref="EarlyStopping"/>: stop a sentence as soon as beam-many hypotheses have finished, as the paper does; without
/// it the search goes on until no live hypothesis could still outscore the worst finished one, which finds long
/// answers that short wrong ones had pushed out, at several times the cost.
/// </summary>
public sealed record SearchSettings(bool Grammar = true, bool EarlyStopping = true)
{
    /// <summary>What integrate and solve use: the grammar, early stopping.</summary>
    public static readonly SearchSettings Default = new();

    /// <summary>How an evaluation log names the search: "grammar", plus ", no early stopping" when it is off (older logs, which lack that part, stay valid).</summary>
    public string Describe() => string.Join(", ", new[] { Grammar ? "grammar" : null, EarlyStopping ? null : "no early stopping" }.OfType<string>());
}
