using System.Text;

namespace SymSeq.Expressions;

/// <summary>
/// Prints infix with the fewest parentheses that keep the tree's shape when parsed back, except for
/// readable sugar (a + -b as "a - b", negative powers as fractions, pow2(u) as "u^2").
/// <see cref="Readable"/> is what people type; <see cref="Sympy"/> is accepted by sympy's parse_expr;
/// <see cref="Maxima"/> is Maxima input (%pi, %e, the unknown as y and its derivatives as 'diff(y,x)); <see cref="Giac"/>
/// is Giac input (exp(1), the unknown as y(x) and its derivatives as diff(y(x),x)).
/// </summary>
public sealed class InfixPrinter
{
    public enum Dialect { Readable, Sympy, Maxima, Giac }

    public static readonly InfixPrinter Readable = new(Dialect.Readable);
    public static readonly InfixPrinter Sympy = new(Dialect.Sympy);
    public static readonly InfixPrinter Maxima = new(Dialect.Maxima);
    public static readonly InfixPrinter Giac = new(Dialect.Giac);

    private const int PAdd = 10, PMul = 20, PNeg = 25, PPow = 30, PAtom = 40;
    private readonly Dialect _dialect;
    private readonly string _pow;

    private InfixPrinter(Dialect dialect)
    {
        _dialect = dialect;
        _pow = dialect == Dialect.Sympy ? "**" : "^";
    }

    public string Print(Expr e) => P(e).Text;

    private readonly record struct Out(string Text, int Prec);

    private string At(Expr e, int minPrec)
    {
        var o = P(e);
        return o.Prec < minPrec ? $"({o.Text})" : o.Text;
    }

    /// <summary>Right operands that begin with a minus sign are parenthesized: "x*(-3)", never "x*-3".</summary>
    private string Right(Expr e, int minPrec)
    {
        var s = At(e, minPrec);
        return s.StartsWith('-') ? $"({s})" : s;
    }

    private Out P(Expr e) => e switch
    {
        Num n => Number(n.Value),
        Sym s => new(SymbolName(s.Name), PAtom),
        Unknown u => new(UnknownName(u.Order), PAtom),
        Op op => Operation(op),
        _ => throw new ArgumentException($"cannot print {e.GetType().Name}"),
    };

    private static Out Number(Rational r)
    {
        var mag = r.Abs();
        var text = mag.IsInteger ? mag.Num.ToString() : $"{mag.Num}/{mag.Den}";
        if (r.Sign < 0) return new("-" + text, mag.IsInteger ? PNeg : PMul);
        return new(text, mag.IsInteger ? PAtom : PMul);
    }

    private string SymbolName(string name) => (_dialect, name) switch
    {
        (Dialect.Maxima, "pi") => "%pi",
        (Dialect.Maxima, "E") => "%e",
        (Dialect.Maxima, "I") => "%i",
        (Dialect.Giac, "E") => "exp(1)",
        (Dialect.Giac, "I") => "i",
        _ => name,
    };

    private string UnknownName(int order) => (_dialect, order) switch
    {
        (Dialect.Sympy, 0) => "f(x)",
        (Dialect.Sympy, 1) => "Derivative(f(x), x)",
        (Dialect.Sympy, _) => "Derivative(f(x), (x, 2))",
        (Dialect.Maxima, 0) => "y",
        (Dialect.Maxima, 1) => "'diff(y, x)",
        (Dialect.Maxima, _) => "'diff(y, x, 2)",
        (Dialect.Giac, 0) => "y(x)",
        (Dialect.Giac, 1) => "diff(y(x), x)",
        (Dialect.Giac, _) => "diff(y(x), x, 2)",
        (_, 0) => "f(x)",
        (_, 1) => "f'(x)",
        _ => "f''(x)",
    };

    private Out Operation(Op op)
    {
        switch (op.Kind)
        {
            case Operator.Add: return Sum(op);
            case Operator.Sub: return new($"{At(op[0], PAdd)} - {Right(op[1], PAdd + 1)}", PAdd);
            case Operator.Mul: return Product(op);
            case Operator.Div: return new($"{At(op[0], PMul)}/{Right(op[1], PMul + 1)}", PMul);
            case Operator.Inv: return new($"1/{Right(op[0], PMul + 1)}", PMul);
            case Operator.Pow when op[1] is Num { Value: var h } && h == Rational.Half:
                return new($"sqrt({P(op[0]).Text})", PAtom);
            case Operator.Pow when op[1] is Num { Value: { Sign: < 0 } ex }:
                return new($"1/{Right(ExprParts.InvertedPower(op[0], ex), PMul + 1)}", PMul);
            case Operator.Pow: return Power(op[0], Right(op[1], PPow));
            case Operator.Pow2 or Operator.Pow3 or Operator.Pow4 or Operator.Pow5:
                return Power(op[0], (op.Kind - Operator.Pow2 + 2).ToString());
            case Operator.Rac: return Power(op[0], $"(1/{Right(op[1], PMul + 1)})");
            case Operator.Derivative:
                return new($"{(_dialect == Dialect.Sympy ? "Derivative" : "diff")}({P(op[0]).Text}, {P(op[1]).Text})", PAtom);
            default:
                return new($"{FunctionName(op.Kind)}({P(op[0]).Text})", PAtom);
        }
    }

    private string FunctionName(Operator op) => (_dialect, op) switch
    {
        (Dialect.Sympy or Dialect.Maxima, Operator.Ln) => "log",
        (Dialect.Sympy, Operator.Abs) => "Abs",
        _ => op.Token(),
    };

    private Out Power(Expr b, string exponent) => new($"{At(b, PPow + 1)}{_pow}{exponent}", PPow);

    private Out Sum(Op op)
    {
        var sb = new StringBuilder(At(op[0], PAdd));
        for (var i = 1; i < op.Args.Length; i++)
        {
            var t = op.Args[i];
            if (ExprParts.TryNegate(t, out var positive))
                sb.Append(" - ").Append(Right(positive, PAdd + 1));
            else
                sb.Append(" + ").Append(Right(t, PAdd + 1));
        }
        return new(sb.ToString(), PAdd);
    }

    private Out Product(Op op)
    {
        // Readable sugar: a leading -1 becomes a minus sign, rational coefficients and negative powers a fraction.
        if (op[0] is Num { Value: var c } && c == Rational.MinusOne)
        {
            var rest = op.Args.Length == 2 ? op[1] : new Op(Operator.Mul, op.Args.RemoveAt(0));
            // a reciprocal needs no parentheses after the sign: -1/x, not -(1/x); a product keeps them when it has two
            // factors, so that -(1*x^2) does not read back as the number -1 times x^2
            var reciprocal = rest is Op { Kind: Operator.Pow, Args: [_, Num { Value.Sign: < 0 }] };
            var inner = At(rest, reciprocal || (rest is Op { Kind: Operator.Mul } && op.Args.Length > 2) ? PMul : PNeg);
            return new("-" + (inner.StartsWith('-') ? $"({inner})" : inner), op.Args.Length > 2 ? PMul : PNeg);
        }
        if (op[0] is Num { Value: { IsInteger: false, Sign: < 0 } neg })
            return new("-" + Product(new Op(Operator.Mul, op.Args.SetItem(0, new Num(-neg)))).Text, PMul);
        var (numer, denom) = ExprParts.SplitFraction(op.Args);
        if (numer.Count > 0 && numer[0] is Num { Value.IsOne: true } && numer.Count > 1) numer.RemoveAt(0);
        if (denom.Count == 0)
        {
            var sb = new StringBuilder(At(op[0], PMul));
            for (var i = 1; i < op.Args.Length; i++) sb.Append('*').Append(Right(op.Args[i], PMul + 1));
            return new(sb.ToString(), PMul);
        }
        var top = numer.Count switch { 0 => "1", 1 => At(numer[0], PMul), _ => JoinProduct(numer) };
        var bottom = denom.Count == 1 ? Right(denom[0], PMul + 1) : $"({JoinProduct(denom)})";
        return new($"{top}/{bottom}", PMul);
    }

    private string JoinProduct(List<Expr> factors) =>
        string.Join("*", factors.Select((f, i) => i == 0 ? At(f, PMul) : Right(f, PMul + 1)));
}
