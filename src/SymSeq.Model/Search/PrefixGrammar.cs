using SymSeq.Expressions;
using SymSeq.Model;

namespace SymSeq.Search;

/// <summary>
/// The grammar of prefix answers, for decoding: which words may come next so that the tokens written so far can still
/// become one well-formed expression (what <see cref="PrefixCodec.Decode(IReadOnlyList{string})"/> reads). An
/// operator opens as many operands as its arity, a leaf or an integer fills one, INT+ and INT- must be followed by
/// digits, and the end of sequence is allowed exactly when the expression is complete. Beam search masks every other
/// word, so no beam slot is spent on a token stream that can only be rejected as malformed; the scores of the words
/// it keeps are the model's own log-probabilities, not renormalized.
/// </summary>
public sealed class PrefixGrammar
{
    /// <summary>Where a partial answer stands: operands still to write, and whether it is inside an integer.</summary>
    public readonly record struct State(int Open, IntegerPart Integer)
    {
        public bool Complete => Open == 0 && Integer != IntegerPart.Sign;
        public bool Dead => Open < 0;
    }

    public enum IntegerPart : byte { None, Sign, Digits }

    private enum Kind : byte { Forbidden, End, Leaf, Sign, Digit, Operator }

    private readonly Kind[] _kinds;
    private readonly int[] _arity;

    public PrefixGrammar(Vocabulary vocab)
    {
        _kinds = new Kind[vocab.Count];
        _arity = new int[vocab.Count];
        for (var id = 0; id < vocab.Count; id++)
        {
            var w = vocab[id];
            if (id == Vocabulary.EosIndex) _kinds[id] = Kind.End;
            else if (w is "INT+" or "INT-") _kinds[id] = Kind.Sign;
            else if (w.Length == 1 && char.IsAsciiDigit(w[0])) _kinds[id] = Kind.Digit;
            else if (Symbols.IsKnown(w) || w is "Y" or "Y'" or "Y''") _kinds[id] = Kind.Leaf;
            else if (Operators.TryParse(w, out var op)) (_kinds[id], _arity[id]) = (Kind.Operator, op.Arity());
            // specials, padding, brackets and the paper's unused number words never appear in an answer
        }
        Words = vocab.Count;
    }

    public static PrefixGrammar Paper { get; } = new(Vocabulary.Paper);

    public int Words { get; }

    /// <summary>Before the first token: one operand to write.</summary>
    public static State Start => new(1, IntegerPart.None);

    /// <summary>A state from which nothing may follow (a beam slot left empty).</summary>
    public static State DeadState => new(-1, IntegerPart.None);

    public bool Allows(State s, long id)
    {
        if (s.Dead) return false;
        var k = _kinds[id];
        if (s.Integer == IntegerPart.Sign) return k == Kind.Digit;
        if (k == Kind.Digit) return s.Integer == IntegerPart.Digits;
        if (s.Open == 0) return k == Kind.End;
        return k is Kind.Leaf or Kind.Sign or Kind.Operator;
    }

    /// <summary>The state after writing <paramref name="id"/>, which <see cref="Allows"/> must have accepted.</summary>
    public State Next(State s, long id) => _kinds[id] switch
    {
        Kind.Digit => s with { Integer = IntegerPart.Digits },
        Kind.Sign => new State(s.Open - 1, IntegerPart.Sign),
        Kind.Leaf => new State(s.Open - 1, IntegerPart.None),
        Kind.Operator => new State(s.Open - 1 + _arity[id], IntegerPart.None),
        Kind.End => DeadState, // nothing follows the end
        _ => throw new ArgumentException($"word {id} cannot appear in an answer"),
    };

    /// <summary>The state after a whole token sequence (without eos), or <see cref="DeadState"/> if it breaks the grammar.</summary>
    public State After(IEnumerable<long> ids)
    {
        var s = Start;
        foreach (var id in ids)
        {
            if (!Allows(s, id)) return DeadState;
            s = Next(s, id);
        }
        return s;
    }

    /// <summary>
    /// Writes the additive mask for one beam row: 0 where the grammar allows the word and the expression can still be
    /// completed in <paramref name="room"/> more words after it (so no beam runs into the length limit unfinished),
    /// −∞ elsewhere.
    /// </summary>
    public void FillMask(State s, int room, Span<float> row)
    {
        for (var id = 0; id < row.Length; id++)
            row[id] = Allows(s, id) && (_kinds[id] == Kind.End || Needed(Next(s, id)) <= room) ? 0f : float.NegativeInfinity;
    }

    /// <summary>The fewest words that complete an expression from <paramref name="s"/>: a leaf per open operand, a digit after a sign.</summary>
    public static int Needed(State s) => s.Open + (s.Integer == IntegerPart.Sign ? 1 : 0);
}
