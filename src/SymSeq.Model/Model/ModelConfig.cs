namespace SymSeq.Model;

/// <summary>The paper's transformer hyper-parameters; the defaults are SymSeq's CPU-sized model.</summary>
public sealed record ModelConfig
{
    public int EmbDim { get; init; } = 256;
    public int EncoderLayers { get; init; } = 4;
    public int DecoderLayers { get; init; } = 4;
    public int Heads { get; init; } = 4;
    public int Words { get; init; } = Vocabulary.Paper.Count;
    public int MaxPositions { get; init; } = 4096;
    public bool ShareInOutEmbeddings { get; init; } = true;
    public int EosIndex { get; init; } = Vocabulary.EosIndex;
    public int PadIndex { get; init; } = Vocabulary.PadIndex;

    public int HiddenDim => EmbDim * 4;

    /// <summary>
    /// Longest token sequence, its two end-of-sequence markers included, that training reads and decoding writes:
    /// the generator's default limit, the paper's max_len. An answer the model was trained to write is never cut short
    /// when it answers.
    /// </summary>
    public const int MaxSequenceTokens = SymSeq.Expressions.PrefixCodec.PaperMaxLen;

    /// <summary>Every field within what this model can be: a checkpoint's header is checked with it before any tensor is made.</summary>
    public void Validate()
    {
        if (EmbDim <= 0 || Heads <= 0 || EmbDim % Heads != 0)
            throw new ArgumentException($"embedding size {EmbDim} must be a positive multiple of the head count {Heads}");
        if (EmbDim > 16384 || Heads > 256) throw new ArgumentException($"embedding size {EmbDim} or head count {Heads} is beyond any model SymSeq can run (at most 16384 and 256)");
        if (EncoderLayers < 1 || DecoderLayers < 1) throw new ArgumentException("need at least one encoder and one decoder layer");
        if (EncoderLayers > 64 || DecoderLayers > 64) throw new ArgumentException($"{EncoderLayers}+{DecoderLayers} layers is beyond any model SymSeq can run (at most 64 each)");
        if (Words != Vocabulary.Paper.Count)
            throw new ArgumentException($"the vocabulary has {Words} words; SymSeq's models use the paper's {Vocabulary.Paper.Count}");
        if (MaxPositions < 8 || MaxPositions > 65536)
            throw new ArgumentException($"the position table has {MaxPositions} rows; it must hold between 8 and 65536");
        if (EosIndex != Vocabulary.EosIndex || PadIndex != Vocabulary.PadIndex)
            throw new ArgumentException($"end-of-sequence and padding ids are {EosIndex} and {PadIndex}; the paper's vocabulary has {Vocabulary.EosIndex} and {Vocabulary.PadIndex}");
    }
}
