using System.Globalization;
using SymSeq.Expressions;

namespace SymSeq.Generation;

/// <summary>Settings of the random expression generator; defaults are the paper's README.</summary>
public sealed record ExpressionOptions
{
    public const string PaperOperators =
        "add:10,sub:3,mul:10,div:5,sqrt:4,pow2:4,pow3:2,pow4:1,pow5:1,ln:4,exp:4,sin:4,cos:4,tan:4,asin:1,acos:1,atan:1,sinh:1,cosh:1,tanh:1,asinh:1,acosh:1,atanh:1";

    public int MaxOps { get; init; } = 15;
    public int MaxInt { get; init; } = 5;
    public bool Positive { get; init; } = true;
    /// <summary>The paper's max_len (<see cref="PrefixCodec.PaperMaxLen"/>).</summary>
    public const int PaperMaxLen = PrefixCodec.PaperMaxLen;

    public int MaxLen { get; init; } = PaperMaxLen;
    /// <summary>Probabilities of a leaf being a variable, a coefficient, an integer, a constant.</summary>
    public double[] LeafProbs { get; init; } = [0.75, 0, 0.25, 0];
    public string[] Variables { get; init; } = ["x"];
    public string[] Coefficients { get; init; } = [];
    public string[] Constants { get; init; } = ["pi", "E"];
    public IReadOnlyList<(Operator Op, double Weight)> Operators { get; init; } = ParseOperators(PaperOperators);

    public static ExpressionOptions Default { get; } = new();

    /// <summary>Parses "add:10,sub:3,..." into weighted operators, naming the bad entry on error.</summary>
    public static IReadOnlyList<(Operator, double)> ParseOperators(string spec)
    {
        var list = new List<(Operator, double)>();
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var kv = part.Split(':');
            if (kv.Length != 2 || !SymSeq.Expressions.Operators.TryParse(kv[0], out var op) || op == Operator.Derivative)
                throw new FormatException($"operator entry '{part}': expected name:weight with a name from the paper's operator set");
            if (!double.TryParse(kv[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || w < 0 || !double.IsFinite(w))
                throw new FormatException($"operator entry '{part}': weight must be a non-negative number");
            if (w > 0) list.Add((op, w));
        }
        if (!list.Any(p => p.Item1.Arity() == 2)) throw new FormatException($"operators '{spec}': at least one binary operator is needed");
        return list;
    }

    public static double[] ParseLeafProbs(string spec)
    {
        var parts = spec.Split(',').Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0 ? v : double.NaN).ToArray();
        if (parts.Length != 4 || parts.Any(double.IsNaN) || parts.Sum() <= 0)
            throw new FormatException($"leaf probabilities '{spec}': expected four non-negative numbers (variable,coefficient,integer,constant)");
        return parts.Select(p => p / parts.Sum()).ToArray();
    }
}
