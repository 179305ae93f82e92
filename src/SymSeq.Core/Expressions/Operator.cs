namespace SymSeq.Expressions;

/// <summary>The paper's full operator set. Token names are the enum names in lower case.</summary>
public enum Operator
{
    Add, Sub, Mul, Div, Pow, Rac, Inv, Pow2, Pow3, Pow4, Pow5, Sqrt, Exp, Ln, Abs, Sign,
    Sin, Cos, Tan, Cot, Sec, Csc, Asin, Acos, Atan, Acot, Asec, Acsc,
    Sinh, Cosh, Tanh, Coth, Sech, Csch, Asinh, Acosh, Atanh, Acoth, Asech, Acsch,
    Derivative,
}

public static class Operators
{
    private static readonly Operator[] All = Enum.GetValues<Operator>();
    private static readonly string[] Tokens = All.Select(o => o.ToString().ToLowerInvariant()).ToArray();
    private static readonly Dictionary<string, Operator> ByToken =
        All.ToDictionary(o => o.ToString().ToLowerInvariant(), o => o);

    public static IReadOnlyList<Operator> Values => All;

    public static string Token(this Operator op) => Tokens[(int)op];

    public static int Arity(this Operator op) => op switch
    {
        Operator.Add or Operator.Sub or Operator.Mul or Operator.Div or Operator.Pow or Operator.Rac
            or Operator.Derivative => 2,
        _ => 1,
    };

    public static bool IsUnary(this Operator op) => op.Arity() == 1;

    public static bool TryParse(string token, out Operator op) => ByToken.TryGetValue(token, out op);

    /// <summary>f(-u) = -f(u).</summary>
    public static bool IsOdd(this Operator op) => op is Operator.Sin or Operator.Tan or Operator.Cot or Operator.Csc
        or Operator.Asin or Operator.Atan or Operator.Acot or Operator.Acsc or Operator.Sinh or Operator.Tanh
        or Operator.Coth or Operator.Csch or Operator.Asinh or Operator.Atanh or Operator.Acoth or Operator.Acsch
        or Operator.Sign;

    /// <summary>f(-u) = f(u).</summary>
    public static bool IsEven(this Operator op) => op is Operator.Cos or Operator.Sec or Operator.Cosh
        or Operator.Sech or Operator.Abs;

    /// <summary>Unary functions printed as name(arg) in every notation.</summary>
    public static bool IsFunction(this Operator op) => op.IsUnary() && op is not (Operator.Inv or Operator.Pow2
        or Operator.Pow3 or Operator.Pow4 or Operator.Pow5);
}
