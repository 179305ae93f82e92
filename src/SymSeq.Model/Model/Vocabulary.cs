using SymSeq.Expressions;

namespace SymSeq.Model;

/// <summary>
/// Token ↔ id, in the paper's order (91 words for base-10 integers), so its checkpoints load unchanged.
/// As in the paper, id 0 ("&lt;s&gt;") is both begin and end of sequence and id 1 ("&lt;/s&gt;") is padding.
/// </summary>
public sealed class Vocabulary
{
    private readonly string[] _words;
    private readonly Dictionary<string, int> _ids;

    public const int EosIndex = 0;
    public const int PadIndex = 1;

    public Vocabulary(IEnumerable<string> words)
    {
        _words = words.ToArray();
        _ids = new Dictionary<string, int>();
        for (var i = 0; i < _words.Length; i++)
            if (!_ids.TryAdd(_words[i], i)) throw new ArgumentException($"word '{_words[i]}' appears twice in the vocabulary");
    }

    /// <summary>The paper's vocabulary: specials, constants, variables, coefficients, sorted operators, symbols, digits.</summary>
    public static Vocabulary Paper { get; } = new(PaperWords());

    private static IEnumerable<string> PaperWords()
    {
        string[] specials = ["<s>", "</s>", "<pad>", "(", ")"];
        var operators = Operators.Values.Select(o => o.Token()).Concat(["f", "g", "h"]).Order(StringComparer.Ordinal);
        return specials
            .Concat(Enumerable.Range(5, 5).Select(i => $"<SPECIAL_{i}>"))
            .Concat(["pi", "E", "x", "y", "z", "t"])
            .Concat(Symbols.Coefficients)
            .Concat(operators)
            .Concat(["I", "INT+", "INT-", "INT", "FLOAT", "-", ".", "10^", "Y", "Y'", "Y''"])
            .Concat(Enumerable.Range(0, 10).Select(i => i.ToString()));
    }

    public int Count => _words.Length;
    public string this[int id] => _words[id];
    public IReadOnlyList<string> Words => _words;

    public int Id(string word) => _ids.TryGetValue(word, out var id) ? id : throw new ArgumentException($"'{word}' is not in the vocabulary");

    public bool Contains(string word) => _ids.ContainsKey(word);

    /// <summary>Ids of a sequence wrapped as the paper does: [eos] tokens [eos].</summary>
    public long[] Encode(IReadOnlyList<string> tokens)
    {
        var ids = new long[tokens.Count + 2];
        ids[0] = ids[^1] = EosIndex;
        for (var i = 0; i < tokens.Count; i++) ids[i + 1] = Id(tokens[i]);
        return ids;
    }

    /// <summary>Tokens of a decoded id sequence, without the leading and trailing eos.</summary>
    public string[] Decode(IEnumerable<long> ids) =>
        ids.SkipWhile(i => i == EosIndex).TakeWhile(i => i != EosIndex).Select(i => _words[(int)i]).ToArray();
}
