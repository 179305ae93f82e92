namespace SymSeq.Expressions;

public enum TokenKind { Number, Name, Plus, Minus, Star, Slash, Caret, LParen, RParen, Comma, Equals, End }

public readonly record struct InfixToken(TokenKind Kind, string Text, int Column)
{
    public string Describe() => Kind == TokenKind.End ? "end of input" : $"'{Text}'";
}

/// <summary>Splits infix text into tokens; the grammar lives in <see cref="InfixParser"/>.</summary>
public static class InfixTokenizer
{
    public static List<InfixToken> Tokenize(string text)
    {
        var tokens = new List<InfixToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var col = i + 1;
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                if (i < text.Length && text[i] == '.')
                {
                    i++;
                    while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
                }
                var num = text[start..i];
                if (num.EndsWith('.')) num = num[..^1];
                if (num.StartsWith('.')) num = "0" + num;
                // Scientific notation, as every programming language reads it: 1e-30 is 10^-30, never e - 30.
                if (i + 1 < text.Length && text[i] is 'e' or 'E'
                    && (char.IsAsciiDigit(text[i + 1]) || (text[i + 1] is '+' or '-' && i + 2 < text.Length && char.IsAsciiDigit(text[i + 2]))))
                {
                    var e = i + 1;
                    if (text[e] is '+' or '-') e++;
                    while (e < text.Length && char.IsAsciiDigit(text[e])) e++;
                    num += "e" + text[(i + 1)..e];
                    i = e;
                }
                tokens.Add(new(TokenKind.Number, num, col));
                continue;
            }
            if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
                while (i < text.Length && text[i] == '\'') i++;
                tokens.Add(new(TokenKind.Name, text[start..i], col));
                continue;
            }
            // Superscripts as typed or pasted: x² is x^2, x⁻¹ is x^(-1).
            if (Superscript(c) is not null)
            {
                tokens.Add(new(TokenKind.Caret, "^", col));
                if (c == '⁻') { tokens.Add(new(TokenKind.Minus, "-", col)); i++; }
                var start = i;
                var digits = "";
                while (i < text.Length && Superscript(text[i]) is { } d && d != '-') { digits += d; i++; }
                if (digits.Length == 0) throw new ExprParseException("a superscript digit after '⁻'", start + 1, "⁻ followed by superscript digits (x⁻¹)", "⁻");
                tokens.Add(new(TokenKind.Number, digits, start + 1));
                continue;
            }
            if (c == 'π') { tokens.Add(new(TokenKind.Name, "pi", col)); i++; continue; }
            var kind = c switch
            {
                '+' => TokenKind.Plus, '-' or '−' or '–' => TokenKind.Minus, '*' or '×' or '·' or '⋅' => TokenKind.Star, '/' or '÷' => TokenKind.Slash,
                '^' => TokenKind.Caret, '(' => TokenKind.LParen, ')' => TokenKind.RParen, ',' => TokenKind.Comma,
                '=' => TokenKind.Equals, '[' => TokenKind.LParen, ']' => TokenKind.RParen,
                _ => (TokenKind?)null,
            } ?? throw new ExprParseException($"unexpected character '{CharacterAt(text, i)}'", col,
                "a number, a name, an operator (+ - * / ^ **) or a parenthesis", CharacterAt(text, i));
            if (kind == TokenKind.Star && i + 1 < text.Length && text[i + 1] == '*')
            {
                tokens.Add(new(TokenKind.Caret, "**", col));
                i += 2;
                continue;
            }
            tokens.Add(new(kind, c.ToString(), col));
            i++;
        }
        tokens.Add(new(TokenKind.End, "", text.Length + 1));
        return tokens;
    }

    /// <summary>The digit (or '-') a superscript character stands for, or null.</summary>
    private static char? Superscript(char c) => c switch
    {
        '⁰' => '0', '¹' => '1', '²' => '2', '³' => '3', '⁴' => '4', '⁵' => '5', '⁶' => '6', '⁷' => '7', '⁸' => '8', '⁹' => '9',
        '⁻' => '-',
        _ => null,
    };

    /// <summary>The whole character at i, a surrogate pair included (an emoji, not '�'), or its code when it is not printable.</summary>
    private static string CharacterAt(string text, int i)
    {
        if (System.Text.Rune.TryGetRuneAt(text, i, out var rune))
            return System.Text.Rune.IsControl(rune) ? $"U+{rune.Value:X4}" : rune.ToString();
        return $"U+{(int)text[i]:X4}";
    }
}
