using System.Numerics;

namespace SymSeq.Expressions;

/// <summary>An exact rational number p/q with q &gt; 0 and gcd(p, q) = 1.</summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    public BigInteger Num { get; }
    public BigInteger Den { get; }

    public Rational(BigInteger num, BigInteger den)
    {
        if (den.IsZero) throw new DivideByZeroException("rational with zero denominator");
        if (den.Sign < 0) { num = -num; den = -den; }
        var g = BigInteger.GreatestCommonDivisor(num, den);
        if (!g.IsOne && !g.IsZero) { num /= g; den /= g; }
        Num = num;
        Den = num.IsZero ? BigInteger.One : den;
    }

    public Rational(BigInteger integer) : this(integer, BigInteger.One) { }

    public static readonly Rational Zero = new(0);
    public static readonly Rational One = new(1);
    public static readonly Rational MinusOne = new(-1);
    public static readonly Rational Half = new(1, 2);

    // default(Rational) has Den == 0; treat it as zero so the struct is always usable.
    private BigInteger D => Den.IsZero ? BigInteger.One : Den;

    public bool IsInteger => D.IsOne;
    public bool IsZero => Num.IsZero;
    public bool IsOne => Num.IsOne && D.IsOne;
    public int Sign => Num.Sign;

    public static implicit operator Rational(int v) => new(v);
    public static implicit operator Rational(long v) => new(v);
    public static implicit operator Rational(BigInteger v) => new(v);

    public static Rational operator +(Rational a, Rational b) => new(a.Num * b.D + b.Num * a.D, a.D * b.D);
    public static Rational operator -(Rational a, Rational b) => new(a.Num * b.D - b.Num * a.D, a.D * b.D);
    public static Rational operator -(Rational a) => new(-a.Num, a.D);
    public static Rational operator *(Rational a, Rational b) => new(a.Num * b.Num, a.D * b.D);
    public static Rational operator /(Rational a, Rational b)
    {
        if (b.IsZero) throw new DivideByZeroException("division of a rational by zero");
        return new(a.Num * b.D, a.D * b.Num);
    }

    public Rational Reciprocal() => One / this;
    public Rational Abs() => Num.Sign < 0 ? -this : this;

    /// <summary>this^n for an integer n; throws on 0^negative.</summary>
    public Rational Pow(int n)
    {
        if (n >= 0) return new(BigInteger.Pow(Num, n), BigInteger.Pow(D, n));
        if (IsZero) throw new DivideByZeroException("zero raised to a negative power");
        return new(BigInteger.Pow(D, -n), BigInteger.Pow(Num, -n));
    }

    /// <summary>Bits needed to hold numerator and denominator; used to bound exact arithmetic.</summary>
    public long BitLength => (long)(Num.IsZero ? 0 : BigInteger.Abs(Num).GetBitLength()) + (long)D.GetBitLength();

    public double ToDouble() => IsInteger ? (double)Num : Math.Exp(BigInteger.Log(BigInteger.Abs(Num)) - BigInteger.Log(D)) * Num.Sign;

    /// <summary>Exact k-th root when the result is rational, e.g. (8/27)^(1/3) = 2/3.</summary>
    public bool TryRoot(int k, out Rational root)
    {
        root = default;
        if (k <= 0) return false;
        if (Num.Sign < 0 && k % 2 == 0) return false;
        if (!TryIntRoot(BigInteger.Abs(Num), k, out var n) || !TryIntRoot(D, k, out var d)) return false;
        root = new Rational(Num.Sign < 0 ? -n : n, d);
        return true;
    }

    private static bool TryIntRoot(BigInteger v, int k, out BigInteger root)
    {
        root = v;
        if (v.IsZero || v.IsOne || k == 1) return true;
        if (k >= v.GetBitLength()) return false;   // the root is between 1 and 2
        // Newton's method in integers from above (exact at any size: a double guess is wrong past 2^53 and infinite past 10^308).
        var x = BigInteger.One << (int)((v.GetBitLength() + k - 1) / k);
        while (true)
        {
            var y = ((k - 1) * x + v / BigInteger.Pow(x, k - 1)) / k;
            if (y >= x) break;
            x = y;
        }
        if (BigInteger.Pow(x, k) != v) return false;
        root = x;
        return true;
    }

    public bool Equals(Rational other) => Num == other.Num && D == other.D;
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    public override int GetHashCode() => HashCode.Combine(Num, D);
    public int CompareTo(Rational other) => (Num * other.D).CompareTo(other.Num * D);
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public override string ToString() => IsInteger ? Num.ToString() : $"{Num}/{D}";
}
