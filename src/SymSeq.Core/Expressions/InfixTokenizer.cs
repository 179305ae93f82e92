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
            var kind = c switch
            {
                '+' => TokenKind.Plus, '-' => TokenKind.Minus, '*' => TokenKind.Star, '/' => TokenKind.Slash,
                '^' => TokenKind.Caret, '(' => TokenKind.LParen, ')' => TokenKind.RParen, ',' => TokenKind.Comma,
                '=' => TokenKind.Equals, '[' => TokenKind.LParen, ']' => TokenKind.RParen,
                _ => (TokenKind?)null,
            } ?? throw new ExprParseException($"unexpected character '{c}'", col,
                "a number, a name, an operator (+ - * / ^ **) or a parenthesis", c.ToString());
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
}
