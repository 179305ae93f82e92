using System.Collections.Immutable;

namespace SymSeq.Expressions;

/// <summary>Small structural helpers shared by printers, the simplifier and generators.</summary>
public static class ExprParts
{
    /// <summary>If e is visibly negative (a negative number, or a product led by one), gives -e.</summary>
    public static bool TryNegate(Expr e, out Expr negated)
    {
        switch (e)
        {
            case Num { Value.Sign: < 0 } n:
                negated = new Num(-n.Value);
                return true;
            case Op { Kind: Operator.Mul } m when m[0] is Num { Value.Sign: < 0 } c:
                if (c.Value == Rational.MinusOne)
                    negated = m.Args.Length == 2 ? m[1] : new Op(Operator.Mul, m.Args.RemoveAt(0));
                else
                    negated = new Op(Operator.Mul, m.Args.SetItem(0, new Num(-c.Value)));
                return true;
            default:
                negated = e;
                return false;
        }
    }

    /// <summary>True when e mentions the named variable.</summary>
    public static bool Contains(Expr e, string name) => e switch
    {
        Sym s => s.Name == name,
        Unknown => name == "x",
        Op op => op.Args.Any(a => Contains(a, name)),
        _ => false,
    };

    public static bool ContainsUnknown(Expr e) => e switch
    {
        Unknown => true,
        Op op => op.Args.Any(ContainsUnknown),
        _ => false,
    };

    /// <summary>The product of the factors: 1 for none, the factor itself for one.</summary>
    public static Expr Product(IReadOnlyList<Expr> factors) => factors.Count switch
    {
        0 => Expr.One,
        1 => factors[0],
        _ => new Op(Operator.Mul, factors.ToArray()),
    };

    /// <summary>The terms of a sum, or e alone when it is not one: the inverse of <see cref="Sum"/>.</summary>
    public static Expr[] Terms(Expr e) => e is Op { Kind: Operator.Add } sum ? sum.Args.ToArray() : [e];

    /// <summary>The sum of the terms: 0 for none, the term itself for one.</summary>
    public static Expr Sum(IReadOnlyList<Expr> terms) => terms.Count switch
    {
        0 => Expr.Zero,
        1 => terms[0],
        _ => new Op(Operator.Add, terms.ToArray()),
    };

    public static IEnumerable<Expr> Nodes(Expr e)
    {
        yield return e;
        if (e is Op op)
            foreach (var a in op.Args)
                foreach (var n in Nodes(a)) yield return n;
    }

    /// <summary>
    /// The argument of every unary node that <paramref name="carrier"/> accepts and whose argument holds x, outermost
    /// first, or null when x also occurs outside such nodes (a substitution that replaces the carriers then leaves no x).
    /// </summary>
    public static List<Expr>? ArgumentsHoldingX(Expr e, Func<Op, bool> carrier)
    {
        var found = new List<Expr>();
        bool Walk(Expr n) => n switch
        {
            Op { Args: [var a] } op when carrier(op) && Contains(a, "x") => Add(a),
            Sym { Name: "x" } => false,
            Op op => op.Args.All(Walk),
            _ => true,
        };
        bool Add(Expr a) { found.Add(a); return true; }
        return Walk(e) ? found : null;
    }

    /// <summary>Whether some part of e under a division or a negative power (its denominator) passes the test.</summary>
    public static bool HasDenominator(Expr e, Func<Expr, bool> test) => e switch
    {
        Op { Kind: Operator.Pow, Args: [var b, Num { Value.Sign: < 0 }] } => test(b),
        Op { Kind: Operator.Div, Args: [var top, var bottom] } => test(bottom) || HasDenominator(top, test),
        Op { Kind: Operator.Inv, Args: [var b] } => test(b),
        Op op => op.Args.Any(a => HasDenominator(a, test)),
        _ => false,
    };

    /// <summary>Number of operator nodes.</summary>
    public static int OperatorCount(Expr e) => Nodes(e).Count(n => n is Op);

    public static Expr Substitute(Expr e, Func<Expr, Expr?> replace)
    {
        var r = replace(e);
        if (r is not null) return r;
        if (e is not Op op) return e;
        var changed = false;
        var args = op.Args.ToBuilder();
        for (var i = 0; i < args.Count; i++)
        {
            var a = Substitute(args[i], replace);
            if (!ReferenceEquals(a, args[i])) { args[i] = a; changed = true; }
        }
        return changed ? new Op(op.Kind, args.ToImmutable()) : e;
    }

    /// <summary>Merges nested sums into one n-ary sum and nested products into one n-ary product (no other change).</summary>
    public static Expr FlattenAssociative(Expr e)
    {
        if (e is not Op op) return e;
        var args = op.Args.Select(FlattenAssociative);
        if (op.Kind is Operator.Add or Operator.Mul)
            args = args.SelectMany(a => a is Op inner && inner.Kind == op.Kind ? inner.Args : [a]);
        return new Op(op.Kind, args.ToImmutableArray());
    }

    /// <summary>b^(-e) written with a positive exponent: b for e = -1, else b^(-e). For printing denominators.</summary>
    public static Expr InvertedPower(Expr b, Rational negativeExponent) =>
        negativeExponent == Rational.MinusOne ? b : new Op(Operator.Pow, b, new Num(-negativeExponent));

    /// <summary>
    /// Splits product factors into numerator and denominator for printing: a non-integer rational p/q puts p (unless
    /// it is 1) on top and q below; powers with negative numeric exponents go below with the exponent negated.
    /// </summary>
    public static (List<Expr> Numerator, List<Expr> Denominator) SplitFraction(IEnumerable<Expr> factors)
    {
        var numer = new List<Expr>();
        var denom = new List<Expr>();
        foreach (var f in factors)
        {
            if (f is Num { Value: { IsInteger: false } r })
            {
                if (!r.Num.IsOne) numer.Add(new Num(r.Num));
                denom.Add(new Num(r.Den));
            }
            else if (f is Op { Kind: Operator.Pow } p && p[1] is Num { Value: { Sign: < 0 } ex })
                denom.Add(InvertedPower(p[0], ex));
            else numer.Add(f);
        }
        return (numer, denom);
    }
}
