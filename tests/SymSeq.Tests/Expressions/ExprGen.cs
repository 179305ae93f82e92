namespace SymSeq.Tests.Expressions;

/// <summary>FsCheck generators of random expression trees, independent of SymSeq's own generators.</summary>
public static class ExprGen
{
    public static readonly Operator[] Unary =
    [
        Operator.Sqrt, Operator.Exp, Operator.Ln, Operator.Sin, Operator.Cos, Operator.Tan, Operator.Asin,
        Operator.Acos, Operator.Atan, Operator.Sinh, Operator.Cosh, Operator.Tanh, Operator.Asinh, Operator.Acosh,
        Operator.Atanh, Operator.Abs, Operator.Cot, Operator.Sec, Operator.Csc, Operator.Acot, Operator.Coth,
        Operator.Sech, Operator.Csch, Operator.Pow2, Operator.Pow3, Operator.Inv,
    ];

    /// <summary>Operators whose printed form parses back to exactly the same tree.</summary>
    public static readonly Operator[] FaithfulUnary = Unary.Except([Operator.Pow2, Operator.Pow3, Operator.Inv]).ToArray();

    public static readonly Operator[] Binary = [Operator.Add, Operator.Sub, Operator.Mul, Operator.Div, Operator.Pow];

    private static readonly string[] Leaves = ["x", "x", "x", "y", "a0", "pi"];

    public static Gen<Expr> Leaf(bool allowNegative) =>
        Gen.OneOf(
            Gen.Choose(allowNegative ? -5 : 0, 9).Select(i => (Expr)new Num(i)),
            Gen.Elements(Leaves).Select(n => (Expr)new Sym(n)));

    public static Gen<Expr> Tree(int ops, Operator[] unary, bool allowNegative = false)
    {
        if (ops <= 0) return Leaf(allowNegative);
        var un = Gen.Elements(unary).SelectMany(op => Tree(ops - 1, unary, allowNegative).Select(a => (Expr)new Op(op, a)));
        var bin = Gen.Choose(0, ops - 1).SelectMany(left =>
            Gen.Elements(Binary).SelectMany(op =>
                Tree(left, unary, allowNegative).SelectMany(a =>
                    (op == Operator.Pow ? Gen.Choose(2, 3).Select(i => (Expr)new Num(i)) : Tree(ops - 1 - left, unary, allowNegative))
                        .Select(b => (Expr)new Op(op, a, b)))));
        return Gen.Frequency((1, un), (2, bin));
    }

    public static Arbitrary<Expr> Arb(Operator[] unary, int maxOps = 8, bool allowNegative = false) =>
        Gen.Choose(0, maxOps).SelectMany(n => Tree(n, unary, allowNegative)).ToArbitrary();
}
