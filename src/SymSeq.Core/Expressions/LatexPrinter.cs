using System.Text;

namespace SymSeq.Expressions;

/// <summary>Prints LaTeX: \frac for quotients and negative powers, \sqrt, named functions, f(x) with primes.</summary>
public static class LatexPrinter
{
    private const int PAdd = 10, PMul = 20, PNeg = 25, PPow = 30, PAtom = 40;

    public static string Print(Expr e) => P(e).Text;

    private readonly record struct Out(string Text, int Prec);

    private static string At(Expr e, int minPrec)
    {
        var o = P(e);
        return o.Prec < minPrec ? $"\\left({o.Text}\\right)" : o.Text;
    }

    private static Out P(Expr e) => e switch
    {
        Num n => Number(n.Value),
        Sym { Name: "pi" } => new("\\pi", PAtom),
        Sym { Name: "E" } => new("e", PAtom),
        Sym { Name: "I" } => new("i", PAtom),
        Sym s when s.IsCoefficient => new($"a_{{{s.Name[1]}}}", PAtom),
        Sym s => new(s.Name, PAtom),
        Unknown u => new("f" + new string('\'', u.Order) + "(x)", PAtom),
        Op op => Operation(op),
        _ => throw new ArgumentException($"cannot print {e.GetType().Name}"),
    };

    private static Out Number(Rational r)
    {
        var mag = r.Abs();
        var text = mag.IsInteger ? mag.Num.ToString() : $"\\frac{{{mag.Num}}}{{{mag.Den}}}";
        return r.Sign < 0 ? new("-" + text, PNeg) : new(text, PAtom);
    }

    private static Out Frac(string top, string bottom) => new($"\\frac{{{top}}}{{{bottom}}}", PAtom);

    private static Out Operation(Op op)
    {
        switch (op.Kind)
        {
            case Operator.Add:
                var sb = new StringBuilder(At(op[0], PAdd));
                foreach (var t in op.Args.Skip(1))
                    sb.Append(ExprParts.TryNegate(t, out var pos) ? " - " + At(pos, PAdd + 1) : " + " + At(t, PAdd + 1));
                return new(sb.ToString(), PAdd);
            case Operator.Sub: return new($"{At(op[0], PAdd)} - {At(op[1], PAdd + 1)}", PAdd);
            case Operator.Mul: return Product(op);
            case Operator.Div: return Frac(P(op[0]).Text, P(op[1]).Text);
            case Operator.Inv: return Frac("1", P(op[0]).Text);
            case Operator.Pow when op[1] is Num { Value: var h } && h == Rational.Half:
                return new($"\\sqrt{{{P(op[0]).Text}}}", PAtom);
            case Operator.Pow: return new($"{At(op[0], PPow + 1)}^{{{P(op[1]).Text}}}", PPow);
            case Operator.Pow2 or Operator.Pow3 or Operator.Pow4 or Operator.Pow5:
                return new($"{At(op[0], PPow + 1)}^{{{op.Kind - Operator.Pow2 + 2}}}", PPow);
            case Operator.Sqrt: return new($"\\sqrt{{{P(op[0]).Text}}}", PAtom);
            case Operator.Rac: return new($"\\sqrt[{P(op[1]).Text}]{{{P(op[0]).Text}}}", PAtom);
            case Operator.Exp: return new($"e^{{{P(op[0]).Text}}}", PPow);
            case Operator.Abs: return new($"\\left|{P(op[0]).Text}\\right|", PAtom);
            case Operator.Derivative: return new($"\\frac{{d}}{{d{P(op[1]).Text}}}\\left({P(op[0]).Text}\\right)", PAtom);
            default:
                return new($"{FunctionName(op.Kind)}\\left({P(op[0]).Text}\\right)", PAtom);
        }
    }

    private static string FunctionName(Operator f) => f switch
    {
        Operator.Sin or Operator.Cos or Operator.Tan or Operator.Cot or Operator.Sec or Operator.Csc
            or Operator.Sinh or Operator.Cosh or Operator.Tanh or Operator.Coth or Operator.Ln => "\\" + f.Token(),
        Operator.Asin => "\\arcsin", Operator.Acos => "\\arccos", Operator.Atan => "\\arctan",
        _ => $"\\operatorname{{{f.Token()}}}",
    };

    private static Out Product(Op op)
    {
        if (op[0] is Num { Value: var c } && c == Rational.MinusOne)
        {
            var rest = op.Args.Length == 2 ? op[1] : new Op(Operator.Mul, op.Args.RemoveAt(0));
            return new("-" + At(rest, PMul), PNeg);
        }
        var (numer, denom) = ExprParts.SplitFraction(op.Args);
        if (denom.Count > 0)
        {
            var negative = false;
            if (numer.Count > 0 && numer[0] is Num { Value.Sign: < 0 } n0)
            {
                negative = true;
                numer[0] = new Num(-n0.Value);
                if (numer[0] is Num { Value.IsOne: true }) numer.RemoveAt(0);
            }
            var frac = Frac(numer.Count == 0 ? "1" : Join(numer), Join(denom));
            return negative ? new("-" + frac.Text, PNeg) : frac;
        }
        return new(Join(numer), PMul);
    }

    private static string Join(List<Expr> factors)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < factors.Count; i++)
        {
            var s = i == 0 ? At(factors[i], PMul) : At(factors[i], PMul + 1);
            // Juxtapose unless two numbers would run together.
            if (i > 0) sb.Append(factors[i] is Num || char.IsDigit(s[0]) || s[0] == '-' ? " \\cdot " : " ");
            sb.Append(s);
        }
        return sb.ToString();
    }
}
