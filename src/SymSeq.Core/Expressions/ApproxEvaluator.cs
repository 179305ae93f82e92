using System.Numerics;
using static SymSeq.Expressions.Operator;

namespace SymSeq.Expressions;

/// <summary>
/// Evaluates an expression to an <see cref="Approx"/>: complex arithmetic with principal branches (SymPy's
/// semantics for real x: ln(-2) = ln 2 + iπ, sqrt(-2) = i√2), magnitudes kept by a separate exponent, and a
/// first-order error bound for every value. A value is <see cref="Approx.Invalid"/> where no digit of it can be
/// trusted: a pole or a branch cut within the error of the argument, or an argument too large for its function
/// (sin of 1e300). Real arguments outside the real domain of asin, acos, atanh and acosh take SymPy's values on
/// the cut. Integer powers are exact repeated products, so (x+1)^1000 keeps its
/// value at any x.
/// </summary>
public static class ApproxEvaluator
{
    private const double Ln2 = 0.6931471805599453;
    /// <summary>Rounding of a libm function: a few units in the last place.</summary>
    private const double FnEps = 4 * Approx.Eps;

    public static Approx Eval(Expr e, ReadOnlySpan<Approx> slots) => e switch
    {
        Num n => FromRational(n.Value),
        Sym s => s.Name switch
        {
            "pi" => Approx.FromComplex(Math.PI, Approx.Eps * Math.PI, true),
            "E" => Approx.FromComplex(Math.E, Approx.Eps * Math.E, true),
            "I" => Approx.FromComplex(Complex.ImaginaryOne, 0, false),
            var name => slots[Symbols.SlotOf(name)],
        },
        Unknown u => slots[Symbols.UnknownSlot + u.Order],
        Op op => Apply(op, slots),
        _ => Approx.Invalid,
    };

    public static Approx FromRational(Rational r)
    {
        if (r.IsZero) return Approx.Zero;
        var n = BigInteger.Abs(r.Num);
        var d = r.Den;
        // Keep 62 significant bits of each, and the rest as a binary exponent.
        var sn = (int)Math.Max(0, n.GetBitLength() - 62);
        var sd = (int)Math.Max(0, d.GetBitLength() - 62);
        var m = (double)(n >> sn) / (double)(d >> sd);
        if (r.Sign < 0) m = -m;
        var exact = sn == 0 && sd == 0 && d.IsOne && n.GetBitLength() <= 53;
        return Approx.Normalize(new Complex(m, 0), (long)sn - sd, exact ? 0 : 4 * Approx.Eps * Math.Abs(m), true);
    }

    private static Approx Apply(Op op, ReadOnlySpan<Approx> s)
    {
        switch (op.Kind)
        {
            case Add:
            {
                var sum = Approx.Zero;
                foreach (var a in op.Args) { sum += Eval(a, s); if (!sum.IsValid) return sum; }
                return sum;
            }
            case Mul:
            {
                var prod = Approx.FromComplex(Complex.One, 0, true);
                foreach (var a in op.Args) { prod *= Eval(a, s); if (!prod.IsValid) return prod; }
                return prod;
            }
            case Operator.Derivative:
                return Eval(Expressions.Derivative.Of(op[0], ((Sym)op[1]).Name), s);
            case Pow when op[1] is Num { Value.IsInteger: true } n && BigInteger.Abs(n.Value.Num) <= long.MaxValue:
                return IntPower(Eval(op[0], s), (long)n.Value.Num);
            case Exp when IsNumber(op[0]):
            {
                // A number (e^18): its own binary exponent holds any size, with the error bound of its argument; the
                // growth limit guards functions of x against saturated ratios, which a constant cannot form.
                var a = Eval(op[0], s);
                return a.IsValid ? Exponential(a, ConstantGrowth) : a;
            }
        }
        var u = Eval(op[0], s);
        if (!u.IsValid) return u;
        if (op.Kind.Arity() == 2)
        {
            var w = Eval(op[1], s);
            if (!w.IsValid) return w;
            return op.Kind switch
            {
                Sub => u - w,
                Div => u / w,
                Pow => Power(u, w, IsNumber(op[1])),
                Rac => Power(u, Approx.FromComplex(Complex.One, 0, true) / w, IsNumber(op[1])),
                _ => throw new ArgumentException($"'{op.Kind.Token()}' is not a binary operator"),
            };
        }
        return Unary(op.Kind, u);
    }

    /// <summary>An expression with no symbol in it (3/2, sqrt(2)): as an exponent, a plain power.</summary>
    private static bool IsNumber(Expr e) => !ExprParts.Nodes(e).Any(n => n is Sym);

    private static Approx One => Approx.FromComplex(Complex.One, 0, true);

    public static Approx Unary(Operator kind, Approx u) => kind switch
    {
        Inv => One / u,
        Pow2 => IntPower(u, 2),
        Pow3 => IntPower(u, 3),
        Pow4 => IntPower(u, 4),
        Pow5 => IntPower(u, 5),
        Sqrt => SquareRoot(u),
        Exp => Exponential(u),
        Ln => Logarithm(u),
        Abs => Approx.Normalize(new Complex(u.Magnitude, 0), u.E, u.Err, true),
        Sign => SignOf(u),
        Sin => Analytic(u, Math.Sin, Complex.Sin, z => Complex.Cos(z), z => Math.Abs(z.Imaginary), smallIsIdentity: true),
        Cos => Analytic(u, Math.Cos, Complex.Cos, z => Complex.Sin(z), z => Math.Abs(z.Imaginary), smallValue: 1),
        Tan => Analytic(u, Math.Tan, Complex.Tan, z => 1 / (Complex.Cos(z) * Complex.Cos(z)), z => Math.Abs(z.Imaginary), smallIsIdentity: true),
        Cot => Unary(Cos, u) / Unary(Sin, u),
        Sec => One / Unary(Cos, u),
        Csc => One / Unary(Sin, u),
        Asin => Inverse(u, Math.Asin, Complex.Asin, z => 1 / Complex.Sqrt(1 - z * z), RealCut.OutsideUnit,
            outside: x => x > 0 ? new Complex(Math.PI / 2, -Math.Acosh(x)) : new Complex(-Math.PI / 2, Math.Acosh(-x))),
        Acos => Inverse(u, Math.Acos, Complex.Acos, z => 1 / Complex.Sqrt(1 - z * z), RealCut.OutsideUnit, smallValue: Math.PI / 2,
            outside: x => x > 0 ? new Complex(0, Math.Acosh(x)) : new Complex(Math.PI, -Math.Acosh(-x))),
        Atan => Inverse(u, Math.Atan, z => Complex.Atan(z), z => 1 / (1 + z * z), RealCut.None),
        Acot => Unary(Atan, One / u),
        Asec => Unary(Acos, One / u),
        Acsc => Unary(Asin, One / u),
        Sinh => Analytic(u, Math.Sinh, Complex.Sinh, z => Complex.Cosh(z), z => Math.Abs(z.Real), smallIsIdentity: true),
        Cosh => Analytic(u, Math.Cosh, Complex.Cosh, z => Complex.Sinh(z), z => Math.Abs(z.Real), smallValue: 1),
        Tanh => Inverse(u, Math.Tanh, Complex.Tanh, z => 1 / (Complex.Cosh(z) * Complex.Cosh(z)), RealCut.None),
        Coth => One / Unary(Tanh, u),
        Sech => One / Unary(Cosh, u),
        Csch => One / Unary(Sinh, u),
        Asinh => Inverse(u, Math.Asinh, ComplexAsinh, z => 1 / Complex.Sqrt(z * z + 1), RealCut.None),
        Acosh => Inverse(u, Math.Acosh, z => Complex.Log(z + Complex.Sqrt(z + 1) * Complex.Sqrt(z - 1)), z => 1 / (Complex.Sqrt(z + 1) * Complex.Sqrt(z - 1)), RealCut.BelowOne,
            outside: x => x >= -1 ? new Complex(0, Math.Acos(x)) : new Complex(Math.Acosh(-x), Math.PI)),
        Atanh => Inverse(u, Math.Atanh, z => (Complex.Log(1 + z) - Complex.Log(1 - z)) / 2, z => 1 / (1 - z * z), RealCut.OutsideUnit,
            outside: x => new Complex(Math.Atanh(1 / x), x > 0 ? -Math.PI / 2 : Math.PI / 2)),
        Acoth => Unary(Atanh, One / u),
        Asech => Unary(Acosh, One / u),
        Acsch => Unary(Asinh, One / u),
        _ => throw new ArgumentException($"no numeric meaning for '{kind.Token()}'"),
    };

    private enum RealCut { None, OutsideUnit, BelowOne }

    /// <summary>An entire function (sin, cos, sinh, cosh): value, and error = |f'(u)|·err(u) + rounding.</summary>
    private static Approx Analytic(Approx u, Func<double, double> real, Func<Complex, Complex> complex, Func<Complex, Complex> derivative,
        Func<Complex, double> growth, bool smallIsIdentity = false, double? smallValue = null)
    {
        if (u.E < -600) // |u| < 2^-600: f(u) = u or f(0) to far below rounding
            return smallIsIdentity ? u : Approx.FromComplex(smallValue!.Value, FnEps, true);
        var z = u.ToComplex();
        var err = u.AbsoluteError;
        if (!IsFinite(z) || Complex.Abs(z) > 1e15 || err > 0.1 || growth(z) > MaxGrowth) return Approx.Invalid;
        var v = u.IsReal ? new Complex(real(z.Real), 0) : complex(z);
        var slope = Complex.Abs(derivative(z));
        if (Saturated(z, v, slope)) return Approx.Invalid;
        return Approx.FromComplex(v, slope * err + FnEps * Complex.Abs(v), u.IsReal);
    }

    /// <summary>
    /// Largest exponent e^g that exp, sinh, cosh (real part) and sin, cos, tan (imaginary part) may reach. Beyond it
    /// their ratios saturate without any single function doing so: cosh(v)/sinh(v) = 1 to double precision for
    /// v &gt; 18.4, and a residual made of such ratios cancels to rounding though it is not 0. At e^12 a difference
    /// of e^-24 = 4e-11 relative is still far above rounding.
    /// </summary>
    public const double MaxGrowth = 12;

    /// <summary>The exponent an exponential of a number, or a power with a constant exponent, may reach.</summary>
    private const double ConstantGrowth = 1e5;

    /// <summary>
    /// The value no longer depends on the argument to double precision (tanh(30) = 1, tan(z) = i for Im z = 40):
    /// sums of such values cancel to rounding though their true sum is not 0 (1 - tanh(x)^2), so no check may
    /// rest on them. The relative condition number |z f'(z) / f(z)| below 1e-13 says so.
    /// </summary>
    private static bool Saturated(Complex z, Complex v, double slope) =>
        z != Complex.Zero && v != Complex.Zero && Complex.Abs(z) * slope < 1e-13 * Complex.Abs(v);

    /// <summary>Inverse functions: real where a real argument is inside the real domain; never evaluated on a cut.</summary>
    private static Approx Inverse(Approx u, Func<double, double> real, Func<Complex, Complex> complex, Func<Complex, Complex> derivative,
        RealCut cut, double? smallValue = null, Func<double, Complex>? outside = null)
    {
        if (u.E < -600)
            return smallValue is { } sv ? Approx.FromComplex(sv, FnEps, true) : cut == RealCut.BelowOne ? Approx.Invalid : u;
        var z = u.ToComplex();
        var err = u.AbsoluteError;
        if (!IsFinite(z) || Complex.Abs(z) > 1e15) return Approx.Invalid;
        if (u.IsReal)
        {
            var x = z.Real;
            var inside = cut switch
            {
                // An exact argument on the edge (asin(1)) is inside; an inexact one near it cannot be placed.
                RealCut.OutsideUnit => err == 0 ? Math.Abs(x) <= 1 : Math.Abs(x) + err < 1,
                RealCut.BelowOne => err == 0 ? x >= 1 : x - err > 1,
                _ => true,
            };
            if (!inside)
            {
                // Outside the real domain: SymPy's values on the cut (asin(2) = pi/2 - i acosh(2), acosh(-2) = acosh(2) + i pi),
                // unless the argument is too close to an edge of the domain to tell which side it is on.
                var clear = cut switch
                {
                    RealCut.OutsideUnit => Math.Abs(Math.Abs(x) - 1) > err,
                    _ => x + err < 1 && Math.Abs(x + 1) > err,
                };
                if (outside is null || !clear) return Approx.Invalid;
                var c = outside(x);
                return Approx.FromComplex(c, Complex.Abs(derivative(z)) * err + FnEps * Complex.Abs(c), false);
            }
            var v = real(x);
            var slope = Complex.Abs(derivative(z));
            if (Saturated(z, v, slope)) return Approx.Invalid;
            return Approx.FromComplex(v, (err == 0 ? 0 : slope * err) + FnEps * Math.Abs(v), true);
        }
        var nearCut = cut switch
        {
            RealCut.OutsideUnit => Math.Abs(z.Imaginary) <= err && Math.Abs(z.Real) >= 1 - err,
            RealCut.BelowOne => Math.Abs(z.Imaginary) <= err && z.Real <= 1 + err,
            // atan, asinh, atanh-like cuts on the imaginary axis beyond ±i
            _ => Math.Abs(z.Real) <= err && Math.Abs(z.Imaginary) >= 1 - err,
        };
        if (nearCut) return Approx.Invalid;
        var w = complex(z);
        var wslope = Complex.Abs(derivative(z));
        if (Saturated(z, w, wslope)) return Approx.Invalid;
        // The complex formulas are differences of logarithms of O(1) parts (atanh(z) = (ln(1+z) - ln(1-z))/2), so
        // their rounding is absolute, not relative to a small result.
        return Approx.FromComplex(w, wslope * err + FnEps * (1 + Complex.Abs(w)), false);
    }

    private static Approx SignOf(Approx u)
    {
        var mag = u.Magnitude;
        if (mag <= u.Err) return Approx.Invalid; // the sign is not known
        if (u.IsReal) return Approx.FromComplex(Math.Sign(u.M.Real), 0, true);
        var v = u.M / mag;
        return Approx.FromComplex(v, 2 * u.Err / mag + FnEps, false);
    }

    private static Approx IntPower(Approx u, long n)
    {
        if (n == 0) return One;
        if (n < 0) return One / IntPower(u, n == long.MinValue ? long.MaxValue : -n);
        Approx result = One, sq = u;
        for (var k = n; ; )
        {
            if ((k & 1) == 1) { result *= sq; if (!result.IsValid) return result; }
            k >>= 1;
            if (k == 0) return result;
            sq *= sq;
            if (!sq.IsValid) return sq;
        }
    }

    /// <summary>
    /// u^w = exp(w·ln u) on the principal branch; 0^w = 0 for Re w &gt; 0. A power with a constant exponent does
    /// not saturate as exp does (x^(3/2)/x^(1/2) is x at any size), so only the binary exponent bounds it:
    /// (x³ + 1)^(5/2) at x = 40 is e^28. A variable exponent (2^x) is an exponential and keeps exp's bound.
    /// </summary>
    private static Approx Power(Approx u, Approx w, bool constantExponent)
    {
        if (u.IsZero && u.Err == 0)
            return w.M.Real > 0 && w.Magnitude > w.Err ? Approx.Zero : Approx.Invalid;
        return Exponential(w * Logarithm(u), constantExponent ? ConstantGrowth : MaxGrowth);
    }

    private static Approx Exponential(Approx u, double maxGrowth = MaxGrowth)
    {
        if (u.E < -600) return One;
        var z = u.ToComplex();
        var err = u.AbsoluteError;
        if (!IsFinite(z) || Math.Abs(z.Real) > maxGrowth || Math.Abs(z.Imaginary) > 1e15 || err > 0.1) return Approx.Invalid;
        // exp(re) = exp(re - k ln 2)·2^k keeps any magnitude; the relative error of exp(u) is the absolute error of u
        // plus the rounding of re itself.
        var k = Math.Floor(z.Real / Ln2);
        var frac = z.Real - k * Ln2;
        var mag = Math.Exp(frac);
        var m = u.IsReal ? new Complex(mag, 0) : new Complex(mag * Math.Cos(z.Imaginary), mag * Math.Sin(z.Imaginary));
        var rel = err + Approx.Eps * (Math.Abs(z.Real) + Math.Abs(z.Imaginary)) + FnEps;
        return Approx.Normalize(m, (long)k, rel * Complex.Abs(m), u.IsReal);
    }

    private static Approx Logarithm(Approx u)
    {
        var mag = u.Magnitude;
        if (mag <= u.Err * 2) return Approx.Invalid; // possibly 0, or no sign known
        var rel = u.Err / mag;
        Complex v;
        bool real;
        if (u.IsReal)
        {
            var re = Math.Log(Math.Abs(u.M.Real)) + u.E * Ln2;
            v = u.M.Real > 0 ? new Complex(re, 0) : new Complex(re, Math.PI); // SymPy: log(-a) = log(a) + iπ
            real = u.M.Real > 0;
        }
        else
        {
            // On the cut (negative real axis) only if the imaginary part is beyond doubt.
            if (u.M.Real < 0 && Math.Abs(u.M.Imaginary) <= u.Err) return Approx.Invalid;
            v = Complex.Log(u.M) + u.E * Ln2;
            real = false;
        }
        return Approx.FromComplex(v, rel * 1.01 + FnEps * Complex.Abs(v) + Approx.Eps * Math.Abs(u.E), real);
    }

    private static Approx SquareRoot(Approx u)
    {
        if (u.IsZero && u.Err == 0) return Approx.Zero;
        var mag = u.Magnitude;
        if (mag <= u.Err * 2) return Approx.Invalid;
        var m = u.M;
        var e = u.E;
        if ((e & 1) != 0) { m *= 2; e -= 1; }
        Complex r;
        bool real;
        if (u.IsReal)
        {
            r = m.Real >= 0 ? new Complex(Math.Sqrt(m.Real), 0) : new Complex(0, Math.Sqrt(-m.Real));
            real = m.Real >= 0;
        }
        else
        {
            if (m.Real < 0 && Math.Abs(m.Imaginary) <= u.Err * ((u.E & 1) != 0 ? 2 : 1)) return Approx.Invalid;
            r = Complex.Sqrt(m);
            real = false;
        }
        var rel = u.Err / mag / 2 * 1.01 + FnEps;
        return Approx.Normalize(r, e / 2, rel * Complex.Abs(r), real);
    }

    /// <summary>asinh(z) = ln(z + sqrt(z^2 + 1)), evaluated on the half-plane Re z ≥ 0 where the sum does not cancel.</summary>
    private static Complex ComplexAsinh(Complex z) =>
        z.Real < 0 ? -ComplexAsinh(-z) : Complex.Log(z + Complex.Sqrt(z * z + 1));

    private static bool IsFinite(Complex c) => double.IsFinite(c.Real) && double.IsFinite(c.Imaginary);
}
