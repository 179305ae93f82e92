using SymSeq.Expressions;

namespace SymSeq.Algebra;

/// <summary>
/// A polynomial in x with rational coefficients (dense, lowest degree first, no trailing zeros), and the arithmetic
/// that partial fractions and integration by parts need: sums, products, division with remainder, greatest common
/// divisors, derivatives, antiderivatives, rational roots. Sizes are capped (<see cref="MaxDegree"/>, coefficient
/// bits) so that no input can make the rules slow: past a cap the conversion declines.
/// </summary>
public sealed class Polynomial : IEquatable<Polynomial>
{
    /// <summary>Highest degree a conversion produces, and highest integer power it expands.</summary>
    public const int MaxDegree = 16;
    private const int MaxCoefficientBits = 256;

    private readonly Rational[] _c;

    public Polynomial(IEnumerable<Rational> coefficients)
    {
        var c = coefficients.ToList();
        while (c.Count > 0 && c[^1].IsZero) c.RemoveAt(c.Count - 1);
        _c = c.ToArray();
    }

    public static readonly Polynomial Zero = new([]);
    public static readonly Polynomial One = new([Rational.One]);
    public static readonly Polynomial X = new([Rational.Zero, Rational.One]);
    public static Polynomial Constant(Rational c) => new([c]);

    /// <summary>c·xᵏ.</summary>
    public static Polynomial Monomial(Rational c, int k) => new(Enumerable.Repeat(Rational.Zero, k).Append(c));

    /// <summary>This divided by its leading coefficient (itself when that is 1 or the polynomial is zero).</summary>
    public Polynomial Monic() => IsZero || Lead.IsOne ? this : Lead.Reciprocal() * this;

    /// <summary>−1 for the zero polynomial.</summary>
    public int Degree => _c.Length - 1;
    public bool IsZero => _c.Length == 0;
    public Rational this[int k] => k >= 0 && k < _c.Length ? _c[k] : Rational.Zero;
    public Rational Lead => IsZero ? Rational.Zero : _c[^1];
    public bool IsConstant => _c.Length <= 1;

    public static Polynomial operator +(Polynomial a, Polynomial b) =>
        new(Enumerable.Range(0, Math.Max(a._c.Length, b._c.Length)).Select(k => a[k] + b[k]));
    public static Polynomial operator -(Polynomial a) => new(a._c.Select(c => -c));
    public static Polynomial operator -(Polynomial a, Polynomial b) => a + -b;
    public static Polynomial operator *(Rational s, Polynomial a) => new(a._c.Select(c => s * c));

    public static Polynomial operator *(Polynomial a, Polynomial b)
    {
        if (a.IsZero || b.IsZero) return Zero;
        var r = new Rational[a._c.Length + b._c.Length - 1];
        Array.Fill(r, Rational.Zero);
        for (var i = 0; i < a._c.Length; i++)
            for (var j = 0; j < b._c.Length; j++)
                r[i + j] += a._c[i] * b._c[j];
        return new Polynomial(r);
    }

    /// <summary>Quotient and remainder: a = q·b + r with deg r &lt; deg b.</summary>
    public static (Polynomial Quotient, Polynomial Remainder) DivRem(Polynomial a, Polynomial b)
    {
        if (b.IsZero) throw new DivideByZeroException("division by the zero polynomial");
        var rem = a._c.ToArray();
        var q = new Rational[Math.Max(0, a.Degree - b.Degree + 1)];
        Array.Fill(q, Rational.Zero);
        for (var k = a.Degree - b.Degree; k >= 0; k--)
        {
            var f = rem[k + b.Degree] / b.Lead;
            q[k] = f;
            for (var j = 0; j <= b.Degree; j++) rem[k + j] -= f * b._c[j];
        }
        return (new Polynomial(q), new Polynomial(rem.Take(Math.Max(0, b.Degree))));
    }

    /// <summary>The monic greatest common divisor (1 when a and b are coprime).</summary>
    public static Polynomial Gcd(Polynomial a, Polynomial b)
    {
        while (!b.IsZero) (a, b) = (b, DivRem(a, b).Remainder);
        return a.IsZero ? One : a.Lead.Reciprocal() * a;
    }

    /// <summary>This polynomial to the power n ≥ 0.</summary>
    public Polynomial Pow(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var r = One;
        for (var i = 0; i < n; i++) r *= this;
        return r;
    }

    public Polynomial Derivative() => new(_c.Skip(1).Select((c, k) => c * (k + 1)));

    /// <summary>The antiderivative with constant term 0.</summary>
    public Polynomial Antiderivative() => new(new[] { Rational.Zero }.Concat(_c.Select((c, k) => c / (k + 1))));

    public Rational At(Rational x)
    {
        var r = Rational.Zero;
        for (var k = _c.Length - 1; k >= 0; k--) r = r * x + _c[k];
        return r;
    }

    /// <summary>The rational roots with their multiplicities, and what is left once they are divided out.</summary>
    public (List<(Rational Root, int Multiplicity)> Roots, Polynomial Remaining) RationalRoots()
    {
        var roots = new List<(Rational, int)>();
        var rest = this;
        foreach (var r in RootCandidates())
        {
            var m = 0;
            var factor = new Polynomial([-r, Rational.One]);
            while (rest.Degree >= 1 && rest.At(r).IsZero)
            {
                rest = DivRem(rest, factor).Quotient;
                m++;
            }
            if (m > 0) roots.Add((r, m));
            if (rest.Degree < 1) break;
        }
        return (roots, rest);
    }

    /// <summary>0 and ±p/q with p dividing the constant term and q the leading one, once the coefficients are made integers
    /// (none when those integers are too large to factor by trial division).</summary>
    private IEnumerable<Rational> RootCandidates()
    {
        if (Degree < 1) yield break;
        var ints = IntegerCoefficients();
        var low = Array.FindIndex(ints, v => !v.IsZero);
        if (low > 0) yield return Rational.Zero;
        var a0 = System.Numerics.BigInteger.Abs(ints[low]);
        var an = System.Numerics.BigInteger.Abs(ints[^1]);
        if (a0 > MaxRootTrialDivision || an > MaxRootTrialDivision) yield break;
        var ps = Divisors((long)a0);
        var qs = Divisors((long)an);
        if (ps.Count * qs.Count > MaxRootCandidates) yield break;
        var seen = new HashSet<Rational>();
        foreach (var p in ps)
            foreach (var q in qs)
            {
                var r = new Rational(p, q);
                if (!seen.Add(r)) continue;
                yield return r;
                yield return -r;
            }
    }

    /// <summary>The coefficients times the least common multiple of their denominators: integers, lowest degree first.</summary>
    internal System.Numerics.BigInteger[] IntegerCoefficients()
    {
        var lcm = _c.Aggregate(System.Numerics.BigInteger.One, (l, c) => l / System.Numerics.BigInteger.GreatestCommonDivisor(l, c.Den) * c.Den);
        return _c.Select(c => (c * lcm).Num).ToArray();
    }

    internal const int MaxTrialDivision = 100_000;

    /// <summary>
    /// The constant and leading terms whose divisors the rational-root search lists (√10⁷ ≈ 3,200 trial divisions each;
    /// the candidate cap bounds the roots tried). Kronecker's method (QuadraticFactors) keeps the smaller bound above,
    /// since it combines divisors of several values.
    /// </summary>
    private const int MaxRootTrialDivision = 10_000_000;
    private const int MaxRootCandidates = 4_000;

    internal static List<long> Divisors(long n)
    {
        var d = new List<long>();
        for (long k = 1; k * k <= n; k++)
            if (n % k == 0) { d.Add(k); if (k * k != n) d.Add(n / k); }
        d.Sort();
        return d;
    }

    /// <summary>Σ cₖ·xᵏ as an expression in x (not simplified).</summary>
    public Expr ToExpr()
    {
        var terms = new List<Expr>();
        for (var k = _c.Length - 1; k >= 0; k--)
        {
            if (_c[k].IsZero) continue;
            Expr power = k == 0 ? Expr.One : k == 1 ? Expr.X : Expr.Pow(Expr.X, Expr.Int(k));
            terms.Add(k == 0 ? new Num(_c[k]) : _c[k].IsOne ? power : new Num(_c[k]) * power);
        }
        return terms.Count == 0 ? Expr.Zero : ExprParts.Sum(terms);
    }

    /// <summary>
    /// p/q with p, q polynomials when e is built of rational numbers and x by +, −, ·, / and integer powers, within the
    /// size caps; q is monic and coprime to p. False otherwise.
    /// </summary>
    public static bool TryRational(Expr e, out Polynomial numerator, out Polynomial denominator)
    {
        numerator = denominator = Zero;
        if (Convert(e) is not var (p, q) || q.IsZero) return false;
        var g = Gcd(p, q);
        p = DivRem(p, g).Quotient;
        q = DivRem(q, g).Quotient;
        var lead = q.Lead;
        (numerator, denominator) = (lead.Reciprocal() * p, lead.Reciprocal() * q);
        return true;
    }

    /// <summary>True with the polynomial when e is a rational function whose denominator is a constant.</summary>
    public static bool TryPolynomial(Expr e, out Polynomial p)
    {
        p = Zero;
        if (!TryRational(e, out var n, out var d) || d.Degree != 0) return false;
        p = n;
        return true;
    }

    private static (Polynomial P, Polynomial Q)? Convert(Expr e)
    {
        var r = e switch
        {
            Num { Value: var v } => (Constant(v), One),
            Sym { Name: "x" } => (X, One),
            Op { Kind: Operator.Add } a => Fold(a.Args, (x, y) => (x.P * y.Q + y.P * x.Q, x.Q * y.Q)),
            Op { Kind: Operator.Sub, Args.Length: 2 } s => Fold(s.Args, (x, y) => (x.P * y.Q - y.P * x.Q, x.Q * y.Q)),
            Op { Kind: Operator.Mul } m => Fold(m.Args, (x, y) => (x.P * y.P, x.Q * y.Q)),
            Op { Kind: Operator.Div, Args.Length: 2 } d => Fold(d.Args, (x, y) => y.P.IsZero ? (Zero, Zero) : (x.P * y.Q, x.Q * y.P)),
            Op { Kind: Operator.Pow, Args: [var b, Num { Value: { IsInteger: true } n }] } when System.Numerics.BigInteger.Abs(n.Num) <= MaxDegree
                => Convert(b) is var (p, q) ? Power(p, q, (int)n.Num) : null,
            Op { Kind: Operator.Pow2 or Operator.Pow3 or Operator.Pow4 or Operator.Pow5 } k
                => Convert(k[0]) is var (p, q) ? Power(p, q, k.Kind - Operator.Pow2 + 2) : null,
            Op { Kind: Operator.Inv } i => Convert(i[0]) is var (p, q) && !p.IsZero ? (q, p) : null,
            _ => ((Polynomial, Polynomial)?)null,
        };
        if (r is not var (rp, rq) || rq.IsZero) return null;
        if (rp.Degree > MaxDegree || rq.Degree > MaxDegree) return null;
        if (rp._c.Concat(rq._c).Any(c => c.BitLength > MaxCoefficientBits)) return null;
        return r;
    }

    private static (Polynomial, Polynomial)? Fold(IEnumerable<Expr> args, Func<(Polynomial P, Polynomial Q), (Polynomial P, Polynomial Q), (Polynomial, Polynomial)> combine)
    {
        (Polynomial P, Polynomial Q)? acc = null;
        foreach (var a in args)
        {
            if (Convert(a) is not { } next) return null;
            acc = acc is { } so ? combine(so, next) : next;
            if (acc.Value.P.Degree > MaxDegree || acc.Value.Q.Degree > MaxDegree || acc.Value.Q.IsZero) return null;
        }
        return acc;
    }

    private static (Polynomial, Polynomial)? Power(Polynomial p, Polynomial q, int n)
    {
        if (n < 0) { (p, q) = (q, p); n = -n; }
        if (q.IsZero || (p.Degree * n > MaxDegree) || (q.Degree * n > MaxDegree)) return null;
        var (rp, rq) = (One, One);
        for (var k = 0; k < n; k++) (rp, rq) = (rp * p, rq * q);
        return (rp, rq);
    }

    public bool Equals(Polynomial? other) => other is not null && _c.AsSpan().SequenceEqual(other._c);
    public override bool Equals(object? obj) => obj is Polynomial p && Equals(p);
    public override int GetHashCode() => _c.Aggregate(17, (h, c) => HashCode.Combine(h, c));
    public override string ToString() => InfixPrinter.Readable.Print(ToExpr());
}
