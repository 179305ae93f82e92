using System.Collections.Immutable;
using System.Numerics;

namespace SymSeq.Expressions;

/// <summary>A token stream that is not a well-formed prefix expression.</summary>
public sealed class PrefixFormatException(string message, int tokenIndex) : FormatException(message)
{
    public int TokenIndex { get; } = tokenIndex;
}

/// <summary>
/// The paper's prefix notation: operators before operands, integers as INT+/INT- then base-10 digits,
/// non-integer rationals as "div INT.. INT..", the unknown function as Y, Y', Y''.
/// </summary>
public static class PrefixCodec
{
    /// <summary>
    /// The paper's max_len: the longest token sequence its data and its model hold, the two end-of-sequence markers
    /// included; the generators keep to it and the model reads and writes no more.
    /// </summary>
    public const int PaperMaxLen = 512;

    public const int MaxDepth = 1000;

    public static string[] Encode(Expr e)
    {
        var tokens = new List<string>(e.Size * 2);
        Write(e, tokens);
        return tokens.ToArray();
    }

    public static string EncodeString(Expr e) => string.Join(' ', Encode(e));

    public static void Write(Expr e, List<string> tokens)
    {
        switch (e)
        {
            case Num n when n.Value.IsInteger:
                WriteInt(n.Value.Num, tokens);
                break;
            case Num n:
                tokens.Add("div");
                WriteInt(n.Value.Num, tokens);
                WriteInt(n.Value.Den, tokens);
                break;
            case Sym s:
                tokens.Add(s.Name);
                break;
            case Unknown u:
                tokens.Add(u.Token);
                break;
            case Op { Kind: Operator.Add or Operator.Mul } op:
                // n-ary sums and products are written right-nested, as the paper's sympy_to_prefix does.
                for (var i = 0; i < op.Args.Length; i++)
                {
                    if (i < op.Args.Length - 1) tokens.Add(op.Kind.Token());
                    Write(op.Args[i], tokens);
                }
                break;
            case Op { Kind: Operator.Pow } op when op[1] is Num { Value: var h } && h == Rational.Half:
                // The paper's token convention: a square root is written "sqrt u", never "pow u 1/2".
                tokens.Add("sqrt");
                Write(op[0], tokens);
                break;
            case Op op:
                tokens.Add(op.Kind.Token());
                foreach (var a in op.Args) Write(a, tokens);
                break;
            default:
                throw new ArgumentException($"cannot encode {e.GetType().Name}");
        }
    }

    private static void WriteInt(BigInteger v, List<string> tokens)
    {
        tokens.Add(v.Sign < 0 ? "INT-" : "INT+");
        foreach (var c in BigInteger.Abs(v).ToString()) tokens.Add(c.ToString());
    }

    public static Expr Decode(string prefix) =>
        Decode(prefix.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public static Expr Decode(IReadOnlyList<string> tokens)
    {
        var pos = 0;
        var e = Read(tokens, ref pos, 0);
        if (pos != tokens.Count)
            throw new PrefixFormatException($"at token {pos}: expected end of expression, got '{tokens[pos]}' ({tokens.Count - pos} tokens left over)", pos);
        return e;
    }

    public static bool TryDecode(IReadOnlyList<string> tokens, out Expr? e, out string? error)
    {
        try { e = Decode(tokens); error = null; return true; }
        catch (PrefixFormatException ex) { e = null; error = ex.Message; return false; }
    }

    private static Expr Read(IReadOnlyList<string> t, ref int pos, int depth)
    {
        if (depth > MaxDepth) throw new PrefixFormatException($"at token {pos}: expression nested deeper than {MaxDepth}", pos);
        if (pos >= t.Count) throw new PrefixFormatException($"at token {pos}: expected an operand, got end of input", pos);
        var start = pos;
        var tok = t[pos++];
        switch (tok)
        {
            case "INT+" or "INT-":
                return new Num(ReadDigits(t, ref pos, start, negative: tok == "INT-"));
            case "Y": return new Unknown(0);
            case "Y'": return new Unknown(1);
            case "Y''": return new Unknown(2);
            case "f":
                // The paper's raw form "f x" is the unknown function applied to x.
                if (pos < t.Count && t[pos] == "x") { pos++; return new Unknown(0); }
                throw new PrefixFormatException($"at token {pos}: expected 'x' after 'f'", pos);
        }
        if (Symbols.IsKnown(tok)) return new Sym(tok);
        if (Operators.TryParse(tok, out var op))
        {
            var args = ImmutableArray.CreateBuilder<Expr>(op.Arity());
            for (var i = 0; i < op.Arity(); i++) args.Add(Read(t, ref pos, depth + 1));
            return new Op(op, args.MoveToImmutable());
        }
        var what = tok.Length > 0 && char.IsAsciiDigit(tok[0]) ? "digit outside an integer" : "unknown token";
        throw new PrefixFormatException($"at token {start}: {what} '{tok}'", start);
    }

    private static Rational ReadDigits(IReadOnlyList<string> t, ref int pos, int start, bool negative)
    {
        var v = BigInteger.Zero;
        var n = 0;
        while (pos < t.Count && t[pos].Length == 1 && char.IsAsciiDigit(t[pos][0]))
        {
            v = v * 10 + (t[pos][0] - '0');
            pos++; n++;
        }
        if (n == 0) throw new PrefixFormatException($"at token {pos}: expected digits after '{t[start]}'", pos);
        return new Rational(negative ? -v : v);
    }
}
