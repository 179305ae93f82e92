using System.Numerics;

namespace SymSeq.Expressions;

/// <summary>
/// Numeric evaluation in double (NaN outside the real domain) and Complex (principal branches).
/// Bindings are a dense array indexed by <see cref="Symbols.SlotOf"/>; Y, Y', Y'' use the last three slots.
/// Inverse reciprocal functions follow sympy: acot(u) = atan(1/u), asec(u) = acos(1/u), and so on.
/// </summary>
public static class Evaluator
{
    public static double Eval(Expr e, double x)
    {
        Span<double> slots = stackalloc double[Symbols.SlotCount];
        slots[0] = x;
        return Eval(e, slots);
    }

    public static double Eval(Expr e, ReadOnlySpan<double> slots)
    {
        var noise = 0.0;
        var counter = 0;
        return Eval(e, slots, ref noise, ref counter);
    }

    /// <summary>
    /// Evaluates with every intermediate result scaled by (1 ± relativeNoise), alternating. Comparing with
    /// <see cref="Eval(Expr, ReadOnlySpan{double})"/> shows how much rounding alone can move the value.
    /// </summary>
    public static double EvalPerturbed(Expr e, ReadOnlySpan<double> slots, double relativeNoise)
    {
        var counter = 0;
        return Eval(e, slots, ref relativeNoise, ref counter);
    }

    private static double Eval(Expr e, ReadOnlySpan<double> slots, ref double noise, ref int counter)
    {
        var v = e switch
        {
            Num n => n.Value.ToDouble(),
            Sym s => s.Name switch
            {
                "pi" => Math.PI,
                "E" => Math.E,
                "I" => double.NaN,
                var name => slots[Symbols.SlotOf(name)],
            },
            Unknown u => slots[Symbols.UnknownSlot + u.Order],
            Op op => Apply(op, slots, ref noise, ref counter),
            _ => double.NaN,
        };
        if (noise != 0) v *= (counter++ & 1) == 0 ? 1 + noise : 1 - noise;
        return v;
    }

    private static double Apply(Op op, ReadOnlySpan<double> s, ref double noise, ref int counter)
    {
        if (op.Kind == Operator.Add)
        {
            var sum = 0.0;
            foreach (var a in op.Args) sum += Eval(a, s, ref noise, ref counter);
            return sum;
        }
        if (op.Kind == Operator.Mul)
        {
            var prod = 1.0;
            foreach (var a in op.Args) prod *= Eval(a, s, ref noise, ref counter);
            return prod;
        }
        if (op.Kind == Operator.Derivative) return Eval(Derivative.Of(op[0], ((Sym)op[1]).Name), s, ref noise, ref counter);
        var u = Eval(op[0], s, ref noise, ref counter);
        return op.Kind.Arity() == 2 ? Binary(op.Kind, u, Eval(op[1], s, ref noise, ref counter)) : Unary(op.Kind, u);
    }

    public static double Binary(Operator op, double u, double w) => op switch
    {
        Operator.Add => u + w,
        Operator.Sub => u - w,
        Operator.Mul => u * w,
        Operator.Div => u / w,
        Operator.Pow => Pow(u, w),
        Operator.Rac => Pow(u, 1 / w),
        _ => throw new ArgumentException($"'{op.Token()}' is not a binary operator"),
    };

    public static double Unary(Operator op, double u) => op switch
    {
        Operator.Inv => 1 / u,
        Operator.Pow2 => u * u,
        Operator.Pow3 => u * u * u,
        Operator.Pow4 => u * u * u * u,
        Operator.Pow5 => u * u * u * u * u,
        Operator.Sqrt => Math.Sqrt(u),
        Operator.Exp => Math.Exp(u),
        Operator.Ln => Math.Log(u),
        Operator.Abs => Math.Abs(u),
        Operator.Sign => double.IsNaN(u) ? u : Math.Sign(u),
        Operator.Sin => Math.Sin(u),
        Operator.Cos => Math.Cos(u),
        Operator.Tan => Math.Tan(u),
        Operator.Cot => 1 / Math.Tan(u),
        Operator.Sec => 1 / Math.Cos(u),
        Operator.Csc => 1 / Math.Sin(u),
        Operator.Asin => Math.Asin(u),
        Operator.Acos => Math.Acos(u),
        Operator.Atan => Math.Atan(u),
        Operator.Acot => Math.Atan(1 / u),
        Operator.Asec => Math.Acos(1 / u),
        Operator.Acsc => Math.Asin(1 / u),
        Operator.Sinh => Math.Sinh(u),
        Operator.Cosh => Math.Cosh(u),
        Operator.Tanh => Math.Tanh(u),
        Operator.Coth => 1 / Math.Tanh(u),
        Operator.Sech => 1 / Math.Cosh(u),
        Operator.Csch => 1 / Math.Sinh(u),
        Operator.Asinh => Math.Asinh(u),
        Operator.Acosh => Math.Acosh(u),
        Operator.Atanh => Math.Atanh(u),
        Operator.Acoth => Math.Atanh(1 / u),
        Operator.Asech => Math.Acosh(1 / u),
        Operator.Acsch => Math.Asinh(1 / u),
        _ => throw new ArgumentException($"no numeric meaning for '{op.Token()}'"),
    };

    /// <summary>Real power: odd integer roots of negatives are not real here (as in sympy's principal branch).</summary>
    private static double Pow(double a, double b) => Math.Pow(a, b);

    public static Complex EvalComplex(Expr e, ReadOnlySpan<Complex> slots) => e switch
    {
        Num n => n.Value.ToDouble(),
        Sym s => s.Name switch
        {
            "pi" => Math.PI,
            "E" => Math.E,
            "I" => Complex.ImaginaryOne,
            var name => slots[Symbols.SlotOf(name)],
        },
        Unknown u => slots[Symbols.UnknownSlot + u.Order],
        Op op => ApplyComplex(op, slots),
        _ => Complex.NaN,
    };

    private static Complex ApplyComplex(Op op, ReadOnlySpan<Complex> s)
    {
        if (op.Kind == Operator.Add)
        {
            var sum = Complex.Zero;
            foreach (var a in op.Args) sum += EvalComplex(a, s);
            return sum;
        }
        if (op.Kind == Operator.Mul)
        {
            var prod = Complex.One;
            foreach (var a in op.Args) prod *= EvalComplex(a, s);
            return prod;
        }
        if (op.Kind == Operator.Derivative) return EvalComplex(Derivative.Of(op[0], ((Sym)op[1]).Name), s);
        var u = EvalComplex(op[0], s);
        return op.Kind switch
        {
            Operator.Sub => u - EvalComplex(op[1], s),
            Operator.Div => u / EvalComplex(op[1], s),
            Operator.Pow => CPow(u, EvalComplex(op[1], s)),
            Operator.Rac => CPow(u, 1 / EvalComplex(op[1], s)),
            Operator.Inv => 1 / u,
            Operator.Pow2 => u * u,
            Operator.Pow3 => u * u * u,
            Operator.Pow4 => u * u * u * u,
            Operator.Pow5 => u * u * u * u * u,
            Operator.Sqrt => Complex.Sqrt(u),
            Operator.Exp => Complex.Exp(u),
            Operator.Ln => Complex.Log(u),
            Operator.Abs => Complex.Abs(u),
            Operator.Sign => u == Complex.Zero ? Complex.Zero : u / Complex.Abs(u),
            Operator.Sin => Complex.Sin(u),
            Operator.Cos => Complex.Cos(u),
            Operator.Tan => Complex.Tan(u),
            Operator.Cot => 1 / Complex.Tan(u),
            Operator.Sec => 1 / Complex.Cos(u),
            Operator.Csc => 1 / Complex.Sin(u),
            Operator.Asin => Complex.Asin(u),
            Operator.Acos => Complex.Acos(u),
            Operator.Atan => Complex.Atan(u),
            Operator.Acot => Complex.Atan(1 / u),
            Operator.Asec => Complex.Acos(1 / u),
            Operator.Acsc => Complex.Asin(1 / u),
            Operator.Sinh => Complex.Sinh(u),
            Operator.Cosh => Complex.Cosh(u),
            Operator.Tanh => Complex.Tanh(u),
            Operator.Coth => 1 / Complex.Tanh(u),
            Operator.Sech => 1 / Complex.Cosh(u),
            Operator.Csch => 1 / Complex.Sinh(u),
            Operator.Asinh => Asinh(u),
            Operator.Acosh => Acosh(u),
            Operator.Atanh => Atanh(u),
            Operator.Acoth => Atanh(1 / u),
            Operator.Asech => Acosh(1 / u),
            Operator.Acsch => Asinh(1 / u),
            _ => throw new ArgumentException($"no numeric meaning for '{op.Kind.Token()}'"),
        };
    }

    /// <summary>
    /// Principal-branch power that stays exactly real where the result is real, so that rounding noise does not
    /// put a value on the wrong side of a later branch cut (atanh(-961 ± 1e-16i) differ by i*pi).
    /// </summary>
    private static Complex CPow(Complex a, Complex b)
    {
        if (a == Complex.Zero) return b.Real > 0 ? Complex.Zero : b == Complex.Zero ? Complex.One : Complex.NaN;
        if (b.Imaginary == 0 && b.Real == Math.Round(b.Real) && Math.Abs(b.Real) <= 64)
        {
            var n = (int)Math.Abs(b.Real);
            Complex r = Complex.One, sq = a;
            for (; n > 0; n >>= 1, sq *= sq)
                if ((n & 1) == 1) r *= sq;
            return b.Real < 0 ? 1 / r : r;
        }
        if (b.Imaginary == 0 && a.Imaginary == 0 && a.Real > 0) return Math.Pow(a.Real, b.Real);
        return Complex.Pow(a, b);
    }

    private static Complex Asinh(Complex z) => Complex.Log(z + Complex.Sqrt(z * z + 1));
    private static Complex Acosh(Complex z) => Complex.Log(z + Complex.Sqrt(z + 1) * Complex.Sqrt(z - 1));
    private static Complex Atanh(Complex z) => (Complex.Log(1 + z) - Complex.Log(1 - z)) / 2;
}
