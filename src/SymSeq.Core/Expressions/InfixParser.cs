using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;

namespace SymSeq.Expressions;

/// <summary>Input that is not a well-formed formula; says where (1-based column) and what was expected.</summary>
public sealed class ExprParseException(string message, int column, string expected, string found)
    : FormatException($"{Shortened(message)} at column {column}")
{
    public int Column { get; } = column;
    public string Expected { get; } = expected;
    public string Found { get; } = Shortened(found);

    /// <summary>Words of more than 40 characters cut to their start: a 100,000-character name is not echoed back whole.</summary>
    internal static string Shortened(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\S{41,}", m => m.Value[..37] + "...");
}

/// <summary>
/// Parses what people type: x*cos(x), x^2, x**2, sqrt(1-x^2), exp(2x), -x, ln/log, pi, e.
/// Implicit products are accepted where unambiguous (2x, 2(x+1), (x+1)(x-1), x sin(x)).
/// With <c>unknown</c> set (e.g. "y"), y, y', y'' denote the ODE's unknown function and its derivatives;
/// f(x), f'(x), f''(x) always do.
/// </summary>
public sealed class InfixParser
{
    private static readonly Dictionary<string, Operator> FunctionAliases = new()
    {
        ["log"] = Operator.Ln, ["Abs"] = Operator.Abs, ["arcsin"] = Operator.Asin, ["arccos"] = Operator.Acos,
        ["arctan"] = Operator.Atan, ["arcsinh"] = Operator.Asinh, ["arccosh"] = Operator.Acosh,
        ["arctanh"] = Operator.Atanh,
    };

    private readonly List<InfixToken> _tokens;
    private readonly string? _unknown;
    private int _pos;

    private InfixParser(string text, string? unknown)
    {
        _tokens = InfixTokenizer.Tokenize(text);
        _unknown = unknown;
    }

    public static Expr Parse(string text, string? unknown = null)
    {
        var p = new InfixParser(text, unknown);
        var e = p.Expression(0);
        p.ExpectEnd();
        return e;
    }

    /// <summary>Parses "lhs = rhs" (or a bare expression meaning "= 0") into lhs - rhs.</summary>
    public static Expr ParseEquation(string text, string? unknown = "y")
    {
        var p = new InfixParser(text, unknown);
        var lhs = p.Expression(0);
        if (p.Peek.Kind == TokenKind.Equals)
        {
            p._pos++;
            var rhs = p.Expression(0);
            if (p.Peek.Kind == TokenKind.Comma)
                throw new ExprParseException("one equation only: initial conditions such as y(0) = 1 are not supported, and the solution keeps its constants (a8, a9)",
                    p.Peek.Column, "end of input", "','");
            p.ExpectEnd();
            return rhs is Num { Value.IsZero: true } ? lhs : new Op(Operator.Sub, lhs, rhs);
        }
        p.ExpectEnd();
        return lhs;
    }

    public static bool TryParse(string text, out Expr? e, out string? error, string? unknown = null)
    {
        try { e = Parse(text, unknown); error = null; return true; }
        catch (ExprParseException ex) { e = null; error = ex.Message; return false; }
    }

    private const int MaxDepth = 500;

    private InfixToken Peek => _tokens[_pos];

    private ExprParseException Error(string expected, InfixToken at) =>
        new($"expected {expected}, found {at.Describe()}", at.Column, expected, at.Describe());

    private void ExpectEnd()
    {
        if (Peek.Kind != TokenKind.End) throw Error("an operator or end of input", Peek);
    }

    private InfixToken Expect(TokenKind kind, string what)
    {
        if (Peek.Kind != kind) throw Error(what, Peek);
        return _tokens[_pos++];
    }

    private Expr Expression(int depth)
    {
        if (depth > MaxDepth) throw Error("a shallower expression (nesting too deep)", Peek);
        var left = Term(depth);
        while (Peek.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = _tokens[_pos++].Kind == TokenKind.Plus ? Operator.Add : Operator.Sub;
            left = new Op(op, left, Term(depth));
        }
        return left;
    }

    private Expr Term(int depth)
    {
        var left = Unary(depth);
        var afterDivision = false;
        while (true)
        {
            var t = Peek;
            if (t.Kind is TokenKind.Star or TokenKind.Slash)
            {
                _pos++;
                afterDivision = t.Kind == TokenKind.Slash;
                left = new Op(t.Kind == TokenKind.Star ? Operator.Mul : Operator.Div, left, Unary(depth));
            }
            else if (t.Kind is TokenKind.Number or TokenKind.Name or TokenKind.LParen)
            {
                // Implicit product: "2x", "x sin(x)", "(x+1)(x-1)"; two numbers side by side are ambiguous.
                if (t.Kind == TokenKind.Number && _tokens[_pos - 1].Kind == TokenKind.Number)
                    throw Error("an operator between two numbers", t);
                // "1/2x" is x/2 to some readers and 1/(2x) to others: refused rather than guessed.
                if (afterDivision)
                    throw new ExprParseException("an implicit product right after a division is ambiguous (1/2x: is it 1/(2*x) or x/2?)",
                        t.Column, "an explicit '*' and parentheses, as in 1/(2*x) or (1/2)*x", t.Text);
                left = new Op(Operator.Mul, left, Power(depth));
            }
            else return left;
        }
    }

    private Expr Unary(int depth)
    {
        if (depth > MaxDepth) throw Error("a shallower expression (nesting too deep)", Peek);
        if (Peek.Kind == TokenKind.Plus) { _pos++; return Unary(depth + 1); }
        if (Peek.Kind != TokenKind.Minus) return Power(depth);
        _pos++;
        // "-3" is the number -3; "-(-3)" and "-3^2" are negations.
        var literal = Peek.Kind == TokenKind.Number;
        var operand = Unary(depth + 1);
        return literal && operand is Num { Value.IsZero: false } n ? new Num(-n.Value) : new Op(Operator.Mul, Expr.MinusOne, operand);
    }

    private Expr Power(int depth)
    {
        var b = Primary(depth);
        if (Peek.Kind != TokenKind.Caret) return b;
        _pos++;
        return new Op(Operator.Pow, b, Unary(depth + 1));
    }

    private Expr Primary(int depth)
    {
        var t = Peek;
        switch (t.Kind)
        {
            case TokenKind.Number:
                _pos++;
                return new Num(ParseNumber(t));
            case TokenKind.LParen:
                _pos++;
                var inner = Expression(depth + 1);
                Expect(TokenKind.RParen, "')'");
                return inner;
            case TokenKind.Name:
                _pos++;
                return Name(t, depth);
            default:
                throw Error("a number, a name or '('", t);
        }
    }

    /// <summary>Largest power of ten a number in scientific notation may carry (1e308 is fine, 1e100000 is not).</summary>
    public const int MaxDecimalExponent = 1000;

    /// <summary>A decimal number, exactly: 0.1 is 1/10 and 1e-30 is 10^-30.</summary>
    private static Rational ParseNumber(InfixToken t)
    {
        var text = t.Text;
        var exponent = 0;
        var e = text.IndexOf('e');
        if (e >= 0)
        {
            if (!int.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > MaxDecimalExponent)
                throw new ExprParseException($"the number '{text}' has an exponent beyond ±{MaxDecimalExponent}", t.Column,
                    $"a number with an exponent of at most {MaxDecimalExponent} in size", text);
            text = text[..e];
        }
        var dot = text.IndexOf('.');
        var digits = dot < 0 ? text : text.Remove(dot, 1);
        var scale = dot < 0 ? 0 : text.Length - dot - 1;
        var value = new Rational(BigInteger.Parse(digits, CultureInfo.InvariantCulture), BigInteger.Pow(10, scale));
        return exponent >= 0 ? value * new Rational(BigInteger.Pow(10, exponent)) : value / new Rational(BigInteger.Pow(10, -exponent));
    }


    private Expr Name(InfixToken t, int depth)
    {
        var name = t.Text;
        var primes = name.Length - name.TrimEnd('\'').Length;
        var bare = name.TrimEnd('\'');
        if (bare == "f")
        {
            Expect(TokenKind.LParen, "'(' after 'f'");
            var arg = Expect(TokenKind.Name, "'x' as the argument of f");
            if (arg.Text != "x") throw Error("'x' as the argument of f", arg);
            Expect(TokenKind.RParen, "')'");
            return MakeUnknown(primes, t);
        }
        if (_unknown is not null && bare == _unknown) return UnknownCalled(primes, t);
        if (primes > 0) throw new ExprParseException($"unexpected prime on '{bare}'", t.Column, "a name without primes", name);

        var isCall = Peek.Kind == TokenKind.LParen;
        if (bare is "diff" or "derivative" or "Derivative" && isCall)
        {
            _pos++;
            var body = Expression(depth + 1);
            Expect(TokenKind.Comma, "',' and a variable");
            var (v, order) = DerivativeVariable();
            Expect(TokenKind.RParen, "')'");
            if (body is Unknown u && v == "x" && u.Order + order <= 2) return new Unknown(u.Order + order); // Derivative(f(x), x) is f'(x)
            for (var i = 0; i < order; i++) body = new Op(Operator.Derivative, body, new Sym(v));
            return body;
        }
        if (FunctionAliases.TryGetValue(bare, out var fn) || (Operators.TryParse(bare, out fn) && fn.IsUnary()))
        {
            if (!isCall) throw Error($"'(' after function '{bare}'", Peek);
            _pos++;
            var arg = Expression(depth + 1);
            Expect(TokenKind.RParen, "')'");
            return new Op(fn, arg);
        }
        if (bare is "pow" && isCall)
        {
            _pos++;
            var a = Expression(depth + 1);
            Expect(TokenKind.Comma, "',' and an exponent");
            var b = Expression(depth + 1);
            Expect(TokenKind.RParen, "')'");
            return new Op(Operator.Pow, a, b);
        }
        if (bare is "e") return new Sym("E");
        if (Symbols.IsKnown(bare)) return new Sym(bare);
        var hint = Operators.Values.Where(o => o.IsUnary()).Select(o => o.Token())
            .FirstOrDefault(f => bare.StartsWith(f, StringComparison.Ordinal) && bare.Length > f.Length);
        var suggestion = hint is null ? "" : $" (did you mean {hint}({bare[hint.Length..]})?)";
        throw new ExprParseException($"unknown name '{bare}'{suggestion}", t.Column,
            "a variable (x, y, z, t), a coefficient (a0..a9), a constant (pi, E, I) or a function", bare);
    }

    private InfixToken PeekAt(int k) => _tokens[Math.Min(_pos + k, _tokens.Count - 1)];

    /// <summary>
    /// y, y', y'' and what may follow them in parentheses. y(x), y'(x), y''(x) are function notation for the
    /// same unknown: read as a product they would silently change the equation (y'(x) = y(x) + x is not
    /// y'·x = y·x + x). y(0) = 1 and y'(a) = b are initial conditions, which SymSeq does not take. Any other
    /// parenthesis after y is a product, as people write the logistic y' = y(1 - y).
    /// </summary>
    private Expr UnknownCalled(int primes, InfixToken t)
    {
        var unknown = MakeUnknown(primes, t);
        if (Peek.Kind != TokenKind.LParen) return unknown;
        var negative = PeekAt(1).Kind == TokenKind.Minus;
        var arg = PeekAt(negative ? 2 : 1);
        var closed = PeekAt(negative ? 3 : 2).Kind == TokenKind.RParen;
        if (!negative && closed && arg is { Kind: TokenKind.Name, Text: "x" })
        {
            _pos += 3;
            return unknown;
        }
        // one number or constant in the parentheses: a point, y(0), y'(-1), y(pi)
        if (closed && (arg.Kind == TokenKind.Number || arg.Kind == TokenKind.Name && !Symbols.IsVariable(arg.Text)))
            throw new ExprParseException($"initial conditions such as {t.Text}(0) = 1 are not supported: give the equation alone, " +
                                         "and the solution keeps its constants (a8, a9)", t.Column, $"{t.Text} or {t.Text}(x)", $"{t.Text}(...)");
        if (closed && arg.Kind == TokenKind.Name)   // y(t): another variable
            throw new ExprParseException($"the unknown is a function of x: write {t.Text}(x), or {t.Text}*{arg.Text} for a product", arg.Column, "x", arg.Describe());
        if (primes > 0)
            throw new ExprParseException($"a derivative of the unknown takes only x as its argument, {t.Text}(x); for a product write {t.Text}*(...)",
                Peek.Column, $"{t.Text}(x) or {t.Text}*(...)", "'('");
        return unknown;
    }

    /// <summary>The variable of diff(u, x), or SymPy's (x, n) for the n-th derivative: Derivative(f(x), (x, 2)).</summary>
    private (string Name, int Order) DerivativeVariable()
    {
        var paren = Peek.Kind == TokenKind.LParen;
        if (paren) _pos++;
        var v = Expect(TokenKind.Name, "a variable");
        if (!Symbols.IsVariable(v.Text)) throw Error("a variable (x, y, z or t)", v);
        if (!paren) return (v.Text, 1);
        Expect(TokenKind.Comma, "',' and the order of the derivative");
        var n = Expect(TokenKind.Number, "the order of the derivative (1 to 9)");
        if (!int.TryParse(n.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var order) || order is < 1 or > 9)
            throw Error("the order of the derivative (1 to 9)", n);
        Expect(TokenKind.RParen, "')'");
        return (v.Text, order);
    }

    private static Expr MakeUnknown(int primes, InfixToken t) => primes <= 2
        ? new Unknown(primes)
        : throw new ExprParseException("only first and second derivatives of the unknown function are supported", t.Column, "at most two primes", t.Text);
}
