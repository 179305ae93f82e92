using SymSeq.Algebra;
using System.Numerics;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Linear ODEs a2·y'' + a1·y' + a0·y = g(x), solved the textbook way.
/// <list type="bullet">
/// <item>Order 1 or 2 with constant rational coefficients: the characteristic roots give the homogeneous solution
/// (constants a8, a9, as the paper names them), and undetermined coefficients a particular one for every term of g of
/// the form c·xʲ·e^(kx), c·xʲ·e^(kx)·cos(mx) or c·xʲ·e^(kx)·sin(mx) (rational k, m; c free of x), resonance included.</item>
/// <item>Order 1 with coefficients in x: y' + p·y = q by the integrating factor e^P, P = ∫p, when the rules can do
/// ∫p and ∫q·e^P (<see cref="Antiderivatives"/>).</item>
/// <item>Order 2, Cauchy–Euler: p·x²·y'' + q·x·y' + r·y = g with rational p, q, r, by the roots of the indicial
/// polynomial p·s(s−1) + q·s + r (x^s, x^s·ln x, x^α·cos(β·ln x), ...), and for every term c·x^k of g the particular
/// solution c·x^k/P(k) (times ln x, or ln²x, when k is a root).</item>
/// <item>Any other term of g, at order 1 or 2 with constant coefficients or Cauchy–Euler: variation of parameters
/// over that basis (<see cref="VariationOfParameters"/>), y'' + y = sec x, when the rules can do its integrals.</item>
/// </list>
/// Anything else (a nonlinear equation, an integral out of the rules' reach, ...) gives null, never a guess; callers
/// verify what it returns, like every other engine's answer.
/// </summary>
public static class LinearOdes
{
    /// <summary>Largest power of x in a right-hand-side term that is solved (textbook sizes; keeps the answer small).</summary>
    public const int MaxPower = 12;

    private static readonly Sym C1 = new(Symbols.OdeConstants[0]), C2 = new(Symbols.OdeConstants[1]);

    /// <summary>The general solution of <paramref name="equation"/> (an expression that must vanish), or null.</summary>
    /// <param name="budget">Time for all of it (every simplification shares it; default 1 s); past it the answer is null.</param>
    /// <param name="scope">Where the integrals this method makes are recorded (their steps), or null for a scope of its own.</param>
    public static Expr? TrySolve(Expr equation, TimeSpan? budget = null, RuleScope? scope = null)
    {
        var clock = new Deadline(budget ?? Simplifier.DefaultBudget, "linear-ODE", scope);
        try
        {
            // y' = (x + y)/x is linear once its fractions are split: try the equation as written, then multiplied out
            if (!TryLinearForm(equation, clock, out var coefficients, out var g)
                && !TryLinearForm(Expansion.Expand(equation), clock, out coefficients, out g)) return null;
            if (coefficients.Any(c => c is not Num))
                return coefficients[2] is Num { Value.IsZero: true } ? IntegratingFactor(coefficients[1], coefficients[0], g, clock)
                    : Euler(coefficients, g, clock);
            var a = coefficients.Select(c => ((Num)c).Value).ToArray();
            if (a[1].IsZero && a[2].IsZero) return null;   // no derivative: not a differential equation
            var basis = BasisOf(a);
            var parts = new List<Expr> { basis.Combination() };
            var unmatched = new List<Expr>();
            foreach (var t in Terms(g))
                if (Particular(a, t) is { } p) parts.Add(p);
                else unmatched.Add(t);
            if (unmatched.Count > 0)
            {
                // no undetermined coefficient fits (sec x, eˣ/x, ln x): vary the parameters
                if (VariationOfParameters.Particular(basis.Solutions, new Num(a[2].IsZero ? a[1] : a[2]), ExprParts.Sum(unmatched), clock) is not { } varied)
                    return null;
                parts.Add(varied);
            }
            return Simplifier.SimplifyOrKeep(ExprParts.Sum(parts), clock.Left);
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)   // UndefinedExpression and Overflow are arithmetic
        {
            return null;
        }
    }

    /// <summary>
    /// a = (a0, a1, a2) and g, all free of Y, when the equation is a2·Y'' + a1·Y' + a0·Y − g (checked by simplifying
    /// the difference to 0).
    /// </summary>
    private static bool TryLinearForm(Expr equation, Deadline budget, out Expr[] a, out Expr g)
    {
        a = [Expr.Zero, Expr.Zero, Expr.Zero];
        g = Expr.Zero;
        var rest = Simplifier.Simplify(ExprParts.Substitute(equation, n => n is Unknown ? Expr.Zero : null), budget.Left);
        for (var k = 0; k <= 2; k++)
        {
            var order = k;
            var unit = ExprParts.Substitute(equation, n => n is Unknown u ? (u.Order == order ? Expr.One : Expr.Zero) : null);
            a[k] = Simplifier.Simplify(new Op(Operator.Sub, unit, rest), budget.Left);
            if (ExprParts.ContainsUnknown(a[k])) return false;
        }
        var linear = new Op(Operator.Add,
            new Op(Operator.Mul, a[0], new Unknown(0)),
            new Op(Operator.Mul, a[1], new Unknown(1)),
            new Op(Operator.Mul, a[2], new Unknown(2)),
            rest);
        if (Simplifier.Simplify(new Op(Operator.Sub, equation, linear), budget.Left) is not Num { Value.IsZero: true }) return false;
        g = Simplifier.Simplify(new Op(Operator.Mul, Expr.MinusOne, rest), budget.Left);
        return true;
    }

    /// <summary>a1·y' + a0·y = g as y = (∫q·e^P + a8)/e^P with p = a0/a1, q = g/a1, P = ∫p; null when an integral is out of the rules' reach.</summary>
    private static Expr? IntegratingFactor(Expr a1, Expr a0, Expr g, Deadline budget)
    {
        if (a1 is Num { Value.IsZero: true }) return null;
        var p = Simplifier.Simplify(new Op(Operator.Div, a0, a1), budget.Left);
        var q = Simplifier.Simplify(new Op(Operator.Div, g, a1), budget.Left);
        if (Antiderivatives.Find(p, budget) is not { } bigP) return null;
        var factor = Simplifier.Simplify(new Op(Operator.Exp, bigP), budget.Left);
        Expr integral = Expr.Zero;
        if (q is not Num { Value.IsZero: true })
        {
            var integrand = Simplifier.Simplify(new Op(Operator.Mul, q, factor), budget.Left);
            if (Antiderivatives.Find(integrand, budget) is not { } i) return null;
            integral = i;
        }
        return Simplifier.Simplify(new Op(Operator.Div, new Op(Operator.Add, integral, C1), factor), budget.Left);
    }

    /// <summary>p·x²·y'' + q·x·y' + r·y = g (Cauchy–Euler): c·x^k terms of g directly, the others by variation of parameters; null for any other equation.</summary>
    private static Expr? Euler(Expr[] a, Expr g, Deadline budget)
    {
        if (PowerCoefficient(a[2], 2, budget) is not { IsZero: false } p
            || PowerCoefficient(a[1], 1, budget) is not { } q || PowerCoefficient(a[0], 0, budget) is not { } r)
            return null;
        // x^s solves the homogeneous equation when P(s) = p·s² + (q − p)·s + r = 0.
        var b = q - p;
        var disc = (b * b) - (4 * p * r);
        var mid = -b / (2 * p);
        var lnX = new Op(Operator.Ln, Expr.X);
        Expr XTo(Expr power) => Expr.Pow(Expr.X, power);
        Basis basis;
        if (disc.IsZero)
            basis = new(XTo(new Num(mid)), [Expr.One, lnX]);
        else
        {
            var half = SquareRoots.Of((disc.Sign > 0 ? disc : -disc) / (4 * p * p));
            basis = disc.Sign > 0
                ? new(Expr.One, [XTo(new Op(Operator.Add, new Num(mid), half)), XTo(new Op(Operator.Sub, new Num(mid), half))])
                : new(XTo(new Num(mid)), [new Op(Operator.Cos, new Op(Operator.Mul, half, lnX)), new Op(Operator.Sin, new Op(Operator.Mul, half, lnX))]);
        }
        var parts = new List<Expr> { basis.Combination() };
        var unmatched = new List<Expr>();
        foreach (var t in Terms(g))
        {
            if (!Monomials.TrySplit(t, "x", out var c, out var k))
            {
                unmatched.Add(t);
                continue;
            }
            // P(x^k) = P(k)·x^k; at a root, d/ds of x^s brings ln x down: L[x^k ln x] = P'(k)·x^k, L[x^k ln²x] = 2p·x^k.
            var pk = (p * k * k) + (b * k) + r;
            var dpk = (2 * p * k) + b;
            Expr particular = !pk.IsZero ? new Op(Operator.Mul, c, new Num(pk.Reciprocal()), XTo(new Num(k)))
                : !dpk.IsZero ? new Op(Operator.Mul, c, new Num(dpk.Reciprocal()), XTo(new Num(k)), lnX)
                : new Op(Operator.Mul, c, new Num((2 * p).Reciprocal()), XTo(new Num(k)), Expr.Pow(lnX, Expr.Two));
            parts.Add(particular);
        }
        if (unmatched.Count > 0)
        {
            if (VariationOfParameters.Particular(basis.Solutions, a[2], ExprParts.Sum(unmatched), budget) is not { } varied) return null;
            parts.Add(varied);
        }
        return Simplifier.Simplify(ExprParts.Sum(parts), budget.Left);
    }

    /// <summary>c when <paramref name="coefficient"/> is c·xⁿ with a rational c, else null.</summary>
    private static Rational? PowerCoefficient(Expr coefficient, int n, Deadline budget) =>
        Simplifier.Simplify(new Op(Operator.Div, coefficient, Expr.Pow(Expr.X, Expr.Int(n))), budget.Left) is Num { Value: var c } ? c : null;

    private static Expr Exp(Expr rate) => new Op(Operator.Exp, new Op(Operator.Mul, rate, Expr.X));

    /// <summary>The terms of g (none when g = 0).</summary>
    private static Expr[] Terms(Expr g) => g is Num { Value.IsZero: true } ? [] : ExprParts.Terms(g);

    /// <summary>Independent solutions of the homogeneous equation with constant coefficients, from its characteristic roots.</summary>
    private static Basis BasisOf(Rational[] a)
    {
        if (a[2].IsZero) return new(Exp(new Num(-a[0] / a[1])), [Expr.One]);
        var disc = a[1] * a[1] - 4 * a[2] * a[0];
        var twoA = 2 * a[2];
        var mid = new Num(-a[1] / twoA);
        if (disc.IsZero) return new(Exp(mid), [Expr.One, Expr.X]);
        var half = SquareRoots.Of((disc.Sign > 0 ? disc : -disc) / (twoA * twoA));   // |√disc / (2·a2)|
        if (disc.Sign > 0) return new(Expr.One, [Exp(new Op(Operator.Add, mid, half)), Exp(new Op(Operator.Sub, mid, half))]);
        return new(Exp(mid), [new Op(Operator.Cos, new Op(Operator.Mul, half, Expr.X)), new Op(Operator.Sin, new Op(Operator.Mul, half, Expr.X))]);
    }

    /// <summary>
    /// Solutions of the homogeneous equation written Common·Parts[i] (e^(−x)·cos 2x, e^(−x)·sin 2x), so that the
    /// general solution keeps the textbook's grouping, (a8·cos 2x + a9·sin 2x)·e^(−x).
    /// </summary>
    private sealed record Basis(Expr Common, Expr[] Parts)
    {
        public Expr[] Solutions => Parts.Select(p => Common is Num { Value.IsOne: true } ? p : p is Num { Value.IsOne: true } ? Common : new Op(Operator.Mul, Common, p)).ToArray();

        /// <summary>a8·y1 (+ a9·y2): the general solution of the homogeneous equation.</summary>
        public Expr Combination()
        {
            var sum = Parts.Length == 1 ? new Op(Operator.Mul, C1, Parts[0])
                : new Op(Operator.Add, new Op(Operator.Mul, C1, Parts[0]), new Op(Operator.Mul, C2, Parts[1]));
            return Common is Num { Value.IsOne: true } ? sum : new Op(Operator.Mul, sum, Common);
        }
    }

    private enum Wave { None, Cos, Sin }

    /// <summary>A particular solution for one term c·xʲ·e^(kx)·(1 | cos(mx) | sin(mx)) of g, or null for any other shape.</summary>
    private static Expr? Particular(Rational[] a, Expr term)
    {
        if (!TryShape(term, out var c, out var j, out var k, out var m, out var wave)) return null;
        // e^(sx)·Q(x) with s = k + i·m solves p(D)y = xʲe^(sx) when p(D + s)Q = xʲ; the term is its real or imaginary part.
        var s = new Gaussian(k, wave == Wave.None ? Rational.Zero : m);
        var q0 = (a[2] * s * s) + (a[1] * s) + new Gaussian(a[0], 0);
        var q1 = (2 * a[2] * s) + new Gaussian(a[1], 0);
        var q2 = new Gaussian(a[2], 0);
        var q = PolynomialSolution(q0, q1, q2, j);
        if (q is null) return null;
        var re = Polynomial(q.Select(z => z.Re).ToArray());
        var im = Polynomial(q.Select(z => z.Im).ToArray());
        Expr body = wave switch
        {
            Wave.None => re,
            // Re(e^(imx)Q) = Re Q·cos − Im Q·sin; Im(e^(imx)Q) = Im Q·cos + Re Q·sin
            Wave.Cos => new Op(Operator.Sub, new Op(Operator.Mul, re, Trig(Operator.Cos, m)), new Op(Operator.Mul, im, Trig(Operator.Sin, m))),
            _ => new Op(Operator.Add, new Op(Operator.Mul, im, Trig(Operator.Cos, m)), new Op(Operator.Mul, re, Trig(Operator.Sin, m))),
        };
        return new Op(Operator.Mul, c, Exp(new Num(k)), body);
    }

    private static Expr Trig(Operator f, Rational m) => new Op(f, new Op(Operator.Mul, new Num(m), Expr.X));

    private static Expr Polynomial(Rational[] coefficients) =>
        coefficients.Length == 0 ? Expr.Zero
        : new Op(Operator.Add, coefficients.Select((b, i) => (Expr)new Op(Operator.Mul, new Num(b), Expr.Pow(Expr.X, Expr.Int(i)))).Append(Expr.Zero).ToArray());

    /// <summary>Coefficients of a polynomial Q with q0·Q + q1·Q' + q2·Q'' = xʲ (lowest power first), or null if none exists.</summary>
    private static Gaussian[]? PolynomialSolution(Gaussian q0, Gaussian q1, Gaussian q2, int j)
    {
        // Factor out the lowest derivative that acts: with q0 = 0 solve for R = Q' (then integrate), with q0 = q1 = 0 for Q''.
        var shift = !q0.IsZero ? 0 : !q1.IsZero ? 1 : !q2.IsZero ? 2 : -1;
        if (shift < 0) return null;
        var c = new[] { q0, q1, q2 }.Skip(shift).Append(Gaussian.Zero).Append(Gaussian.Zero).ToArray();
        var r = new Gaussian[j + 3];
        Array.Fill(r, Gaussian.Zero);   // default(Rational) has denominator 0
        // Coefficient of xⁱ: c0·r_i + c1·(i+1)·r_{i+1} + c2·(i+2)(i+1)·r_{i+2} = [i = j]
        for (var i = j; i >= 0; i--)
        {
            var rhs = new Gaussian(i == j ? Rational.One : Rational.Zero, 0)
                - (c[1] * new Rational(i + 1) * r[i + 1]) - (c[2] * new Rational((i + 2) * (i + 1)) * r[i + 2]);
            r[i] = rhs / c[0];
        }
        var poly = r[..(j + 1)];
        for (var n = 0; n < shift; n++)   // integrate, constant 0
            poly = new[] { Gaussian.Zero }.Concat(poly.Select((b, i) => b * new Rational(1, i + 1))).ToArray();
        return poly;
    }

    /// <summary>term = c·xʲ·e^(kx)·(1 | cos(mx) | sin(mx)) with c free of x, j ≤ <see cref="MaxPower"/>, k and m rational, m ≠ 0.</summary>
    private static bool TryShape(Expr term, out Expr c, out int j, out Rational k, out Rational m, out Wave wave)
    {
        c = Expr.One; j = 0; k = Rational.Zero; m = Rational.Zero; wave = Wave.None;
        var constants = new List<Expr>();
        var factors = term is Op { Kind: Operator.Mul } product ? product.Args.ToArray() : [term];
        foreach (var f in factors)
        {
            if (!ExprParts.Contains(f, "x")) { constants.Add(f); continue; }
            if (f is Sym { Name: "x" }) { j += 1; continue; }
            if (f is Op { Kind: Operator.Pow } p && p[0] is Sym { Name: "x" } && p[1] is Num { Value: { IsInteger: true, Sign: > 0 } n })
            {
                j += (int)BigInteger.Min(n.Num, MaxPower + 1);
                continue;
            }
            if (f is Op { Kind: Operator.Exp } e && TryAffine(e[0], out var slope, out var offset))
            {
                k += slope;
                if (offset is not null) constants.Add(new Op(Operator.Exp, offset));
                continue;
            }
            if (f is Op { Kind: Operator.Cos or Operator.Sin } t && wave == Wave.None && TryAffine(t[0], out var freq, out var phase) && phase is null && !freq.IsZero)
            {
                wave = t.Kind == Operator.Cos ? Wave.Cos : Wave.Sin;
                m = freq;
                continue;
            }
            return false;
        }
        if (j > MaxPower) return false;
        c = ExprParts.Product(constants);
        return true;
    }

    /// <summary>u = slope·x + offset (<see cref="BasicIntegrals.Slope"/>) with a rational slope and an x-free offset (null when 0).</summary>
    private static bool TryAffine(Expr u, out Rational slope, out Expr? offset)
    {
        slope = Rational.Zero;
        offset = null;
        if (BasicIntegrals.Slope(u) is not Num { Value: var c }) return false;
        slope = c;
        var rest = u is Op { Kind: Operator.Add } s ? s.Args.Where(t => !ExprParts.Contains(t, "x")).ToArray() : [];
        offset = rest.Length switch { 0 => null, 1 => rest[0], _ => new Op(Operator.Add, rest) };
        return true;
    }

    /// <summary>Exact complex rationals.</summary>
    private readonly record struct Gaussian(Rational Re, Rational Im)
    {
        public static readonly Gaussian Zero = new(Rational.Zero, Rational.Zero);
        public bool IsZero => Re.IsZero && Im.IsZero;
        public static Gaussian operator +(Gaussian a, Gaussian b) => new(a.Re + b.Re, a.Im + b.Im);
        public static Gaussian operator -(Gaussian a, Gaussian b) => new(a.Re - b.Re, a.Im - b.Im);
        public static Gaussian operator *(Gaussian a, Gaussian b) => new((a.Re * b.Re) - (a.Im * b.Im), (a.Re * b.Im) + (a.Im * b.Re));
        public static Gaussian operator *(Rational r, Gaussian a) => new(r * a.Re, r * a.Im);
        public static Gaussian operator *(Gaussian a, Rational r) => new(r * a.Re, r * a.Im);
        public static Gaussian operator /(Gaussian a, Gaussian b)
        {
            var d = (b.Re * b.Re) + (b.Im * b.Im);
            return new(((a.Re * b.Re) + (a.Im * b.Im)) / d, ((a.Im * b.Re) - (a.Re * b.Im)) / d);
        }
    }
}
