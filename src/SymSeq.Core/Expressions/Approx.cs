using System.Numerics;

namespace SymSeq.Expressions;

/// <summary>
/// A complex number with a binary exponent of its own and a bound on its error: the value is M·2^E, known to
/// within Err·2^E. The exponent keeps magnitudes far outside double's range (6^1000, sin(1)^1000000) exact in
/// scale instead of overflowing or underflowing to 0; the error bound, propagated to first order through every
/// operation (rounding of each step plus the inputs' errors times the operation's sensitivity), says how many of
/// the digits mean anything. <see cref="IsReal"/> marks values that are exactly real (Im = +0), so that principal
/// branches of ln, sqrt and powers are taken as on the real line, never flipped by a -0 or a rounding residue.
/// A value that cannot be trusted at all (a branch cut or discontinuity within the error, a pole, an exponent out
/// of range) is <see cref="Invalid"/>.
/// </summary>
public readonly record struct Approx(Complex M, long E, double Err, bool IsReal)
{
    /// <summary>Unit roundoff of double.</summary>
    public const double Eps = 1.1102230246251565e-16;

    public static readonly Approx Invalid = new(Complex.NaN, 0, double.PositiveInfinity, false);
    public static readonly Approx Zero = new(Complex.Zero, 0, 0, true);

    public bool IsValid => double.IsFinite(Err) && double.IsFinite(M.Real) && double.IsFinite(M.Imaginary);
    public bool IsZero => M == Complex.Zero;
    public double Magnitude => Complex.Abs(M);

    /// <summary>log2 of |value| (−∞ for 0).</summary>
    public double Log2Magnitude => IsZero ? double.NegativeInfinity : Math.Log2(Magnitude) + E;

    /// <summary>The error relative to the magnitude (∞ for a zero with a nonzero error, 0 for an exact zero).</summary>
    public double RelativeError => IsZero ? (Err == 0 ? 0 : double.PositiveInfinity) : Err / Magnitude;

    public static Approx Exact(double v) => Normalize(new Complex(v, 0), 0, 0, true);
    public static Approx FromComplex(Complex v, double err, bool isReal) => Normalize(isReal ? new Complex(v.Real, 0) : v, 0, err, isReal);

    /// <summary>The value as a plain complex double, or NaN when its exponent is outside double's range.</summary>
    public Complex ToComplex()
    {
        if (IsZero) return Complex.Zero;
        if (E > 1000 || E < -1000) return Complex.NaN;
        return new Complex(Math.ScaleB(M.Real, (int)E), Math.ScaleB(M.Imaginary, (int)E));
    }

    /// <summary>The absolute error bound as a double (∞ when out of range).</summary>
    public double AbsoluteError => Err == 0 ? 0 : E > 1000 ? double.PositiveInfinity : E < -1000 ? 0 : Math.ScaleB(Err, (int)E);

    public static Approx Normalize(Complex m, long e, double err, bool isReal)
    {
        if (!double.IsFinite(m.Real) || !double.IsFinite(m.Imaginary) || !double.IsFinite(err)) return Invalid;
        if (isReal) m = new Complex(m.Real, 0);
        var big = Math.Max(Math.Abs(m.Real), Math.Abs(m.Imaginary));
        if (big == 0)
        {
            if (err == 0) return new Approx(Complex.Zero, 0, 0, isReal);
            var ee = Math.ILogB(err);
            return new Approx(Complex.Zero, e + ee, Math.ScaleB(err, -ee), isReal);
        }
        var shift = Math.ILogB(big);
        if (shift == 0) return new Approx(m, e, err, isReal);
        var ne = e + shift;
        if (ne > long.MaxValue / 4 || ne < long.MinValue / 4) return Invalid;
        return new Approx(new Complex(Math.ScaleB(m.Real, -shift), Math.ScaleB(m.Imaginary, -shift)), ne, Math.ScaleB(err, -shift), isReal);
    }

    private static double Scale(double v, long by) => by < -1100 ? 0 : Math.ScaleB(v, (int)Math.Min(by, 0));

    public static Approx operator +(Approx a, Approx b)
    {
        if (!a.IsValid || !b.IsValid) return Invalid;
        if (a.IsZero && a.Err == 0) return b;
        if (b.IsZero && b.Err == 0) return a;
        var e = Math.Max(a.E, b.E);
        var ma = new Complex(Scale(a.M.Real, a.E - e), Scale(a.M.Imaginary, a.E - e));
        var mb = new Complex(Scale(b.M.Real, b.E - e), Scale(b.M.Imaginary, b.E - e));
        var sum = ma + mb;
        // Rounding of each addend's alignment and of the sum is relative to the addends, not to the (maybe tiny) sum:
        // this is what exposes cancellation.
        var err = Scale(a.Err, a.E - e) + Scale(b.Err, b.E - e) + 2 * Eps * (Complex.Abs(ma) + Complex.Abs(mb));
        return Normalize(sum, e, err, a.IsReal && b.IsReal);
    }

    public static Approx operator -(Approx a) => a with { M = -a.M };
    public static Approx operator -(Approx a, Approx b) => a + -b;

    public static Approx operator *(Approx a, Approx b)
    {
        if (!a.IsValid || !b.IsValid) return Invalid;
        var m = a.M * b.M;
        var err = a.Magnitude * b.Err + b.Magnitude * a.Err + a.Err * b.Err + 4 * Eps * Complex.Abs(m);
        var e = a.E + b.E;
        if (e > long.MaxValue / 4 || e < long.MinValue / 4) return Invalid;
        return Normalize(m, e, err, a.IsReal && b.IsReal);
    }

    public static Approx operator /(Approx a, Approx b)
    {
        if (!a.IsValid || !b.IsValid) return Invalid;
        var mb = b.Magnitude;
        if (mb <= b.Err * 2) return Invalid; // the denominator may be 0 for all we know
        var m = a.M / b.M;
        var err = (a.Err + Complex.Abs(m) * b.Err) / (mb - b.Err) + 4 * Eps * Complex.Abs(m);
        var e = a.E - b.E;
        if (e > long.MaxValue / 4 || e < long.MinValue / 4) return Invalid;
        return Normalize(m, e, err, a.IsReal && b.IsReal);
    }
}
