using static SymSeq.Expressions.Operator;

namespace SymSeq.Expressions;

/// <summary>
/// Symbolic differentiation for every operator. The result is correct but not simplified; pass it through
/// <see cref="Simplifier"/> for a canonical form. Only trivial folds (0·u, 1·u, u+0) are applied here.
/// </summary>
public static class Derivative
{
    public static Expr Of(Expr e, string v = "x")
    {
        switch (e)
        {
            case Num: return Expr.Zero;
            case Sym s: return s.Name == v ? Expr.One : Expr.Zero;
            case Unknown u:
                if (v != "x") return Expr.Zero;
                if (u.Order == 2) throw new NotSupportedException("the third derivative Y''' is not representable");
                return new Unknown(u.Order + 1);
        }
        var op = (Op)e;
        if (op.Kind == Operator.Derivative) return Of(Of(op[0], ((Sym)op[1]).Name), v);
        if (op.Kind is Add or Sub)
        {
            var terms = op.Args.Select(a => Of(a, v)).ToArray();
            return op.Kind == Sub ? Minus(terms[0], terms[1]) : terms.Skip(1).Aggregate(terms[0], Plus);
        }
        if (op.Kind == Mul)
        {
            // Product rule over any number of factors.
            Expr sum = Expr.Zero;
            for (var i = 0; i < op.Args.Length; i++)
            {
                var di = Of(op.Args[i], v);
                if (IsZero(di)) continue;
                var factors = op.Args.SetItem(i, di);
                sum = Plus(sum, factors.Skip(1).Aggregate(factors[0], Times));
            }
            return sum;
        }
        var u0 = op[0];
        var du = Of(u0, v);
        if (op.Kind == Div)
        {
            var dw = Of(op[1], v);
            return Minus(Over(du, op[1]), Over(Times(u0, dw), Sq(op[1])));
        }
        if (op.Kind is Pow or Rac)
        {
            var ex = op.Kind == Pow ? op[1] : Over(Expr.One, op[1]);
            var dex = Of(ex, v);
            var powerPart = IsZero(du) ? Expr.Zero : Times(Times(ex, PowE(u0, Minus(ex, Expr.One))), du);
            if (IsZero(dex)) return powerPart;
            return Plus(powerPart, Times(Times(new Op(Pow, u0, ex), new Op(Ln, u0)), dex));
        }
        if (IsZero(du)) return Expr.Zero;
        return Times(Outer(op.Kind, u0, op), du);
    }

    /// <summary>d f(u) / du for unary f, written in terms of u (and of f(u) itself where shorter).</summary>
    private static Expr Outer(Operator f, Expr u, Expr fu) => f switch
    {
        Inv => Neg(Over(Expr.One, Sq(u))),
        Pow2 => Times(Expr.Two, u),
        Pow3 => Times(Expr.Int(3), Sq(u)),
        Pow4 => Times(Expr.Int(4), PowE(u, Expr.Int(3))),
        Pow5 => Times(Expr.Int(5), PowE(u, Expr.Int(4))),
        Sqrt => Over(Expr.One, Times(Expr.Two, fu)),
        Exp => fu,
        Ln => Over(Expr.One, u),
        Abs => new Op(Sign, u),
        Sign => Expr.Zero,
        Sin => new Op(Cos, u),
        Cos => Neg(new Op(Sin, u)),
        Tan => Plus(Expr.One, Sq(fu)),
        Cot => Neg(Plus(Expr.One, Sq(fu))),
        Sec => Times(fu, new Op(Tan, u)),
        Csc => Neg(Times(fu, new Op(Cot, u))),
        Asin => Over(Expr.One, new Op(Sqrt, Minus(Expr.One, Sq(u)))),
        Acos => Neg(Over(Expr.One, new Op(Sqrt, Minus(Expr.One, Sq(u))))),
        Atan => Over(Expr.One, Plus(Expr.One, Sq(u))),
        Acot => Neg(Over(Expr.One, Plus(Expr.One, Sq(u)))),
        Asec => Over(Expr.One, Times(Sq(u), new Op(Sqrt, Minus(Expr.One, Over(Expr.One, Sq(u)))))),
        Acsc => Neg(Over(Expr.One, Times(Sq(u), new Op(Sqrt, Minus(Expr.One, Over(Expr.One, Sq(u))))))),
        Sinh => new Op(Cosh, u),
        Cosh => new Op(Sinh, u),
        Tanh => Minus(Expr.One, Sq(fu)),
        Coth => Minus(Expr.One, Sq(fu)),
        Sech => Neg(Times(fu, new Op(Tanh, u))),
        Csch => Neg(Times(fu, new Op(Coth, u))),
        Asinh => Over(Expr.One, new Op(Sqrt, Plus(Sq(u), Expr.One))),
        Acosh => Over(Expr.One, Times(new Op(Sqrt, Minus(u, Expr.One)), new Op(Sqrt, Plus(u, Expr.One)))),
        Atanh or Acoth => Over(Expr.One, Minus(Expr.One, Sq(u))),
        Asech => Neg(Over(Expr.One, Times(Sq(u), new Op(Sqrt, Minus(Over(Expr.One, Sq(u)), Expr.One))))),
        Acsch => Neg(Over(Expr.One, Times(Sq(u), new Op(Sqrt, Plus(Expr.One, Over(Expr.One, Sq(u))))))),
        _ => throw new NotSupportedException($"no derivative rule for '{f.Token()}'"),
    };

    private static bool IsZero(Expr e) => e is Num { Value.IsZero: true };
    private static bool IsOne(Expr e) => e is Num { Value.IsOne: true };

    private static Expr Plus(Expr a, Expr b) =>
        a is Num na && b is Num nb ? new Num(na.Value + nb.Value) : IsZero(a) ? b : IsZero(b) ? a : new Op(Add, a, b);
    private static Expr Minus(Expr a, Expr b) =>
        a is Num na && b is Num nb ? new Num(na.Value - nb.Value) : IsZero(b) ? a : IsZero(a) ? Neg(b) : new Op(Sub, a, b);
    private static Expr Neg(Expr a) => a is Num n ? new Num(-n.Value) : new Op(Mul, Expr.MinusOne, a);

    private static Expr Times(Expr a, Expr b) =>
        a is Num na && b is Num nb ? new Num(na.Value * nb.Value)
        : IsZero(a) || IsZero(b) ? Expr.Zero : IsOne(a) ? b : IsOne(b) ? a : new Op(Mul, a, b);

    private static Expr Over(Expr a, Expr b) =>
        a is Num na && b is Num { Value.IsZero: false } nb ? new Num(na.Value / nb.Value)
        : IsZero(a) ? Expr.Zero : IsOne(b) ? a : new Op(Operator.Div, a, b);
    private static Expr Sq(Expr a) => new Op(Pow, a, Expr.Two);
    private static Expr PowE(Expr a, Expr b) => IsOne(b) ? a : IsZero(b) ? Expr.One : new Op(Pow, a, b);
}
