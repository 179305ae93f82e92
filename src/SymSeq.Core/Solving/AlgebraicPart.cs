using SymSeq.Algebra;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// ∫ P(x)/(l^k·q^(m + ½)) for a polynomial P, a power of one linear factor l = x − a (k ≥ 0) and a quadratic
/// q = αx² + βx + γ with rational coefficients and two distinct roots (m any integer: √q, 1/√q, q^(−3/2), ...),
/// by undetermined coefficients (Ostrogradsky's method for √q): the integral is B(x)·q^(½ − m)/l^(k − 1) + λ·∫ 1/√q
/// + μ·∫ 1/(l·√q) for a polynomial B and numbers λ, μ, and differentiating that ansatz makes P a linear combination
/// of known polynomials, an exact rational linear system. This writes ∫ 1/(x²√(x² + 1)) as −√(x² + 1)/x and
/// ∫ (x² + 4)^(−3/2) as x/(4√(x² + 4)), where Euler's substitution gives rational functions of x + √q. Two roots of
/// affine functions, √(1 − x)/√(1 + x), are first made one, √(1 − x²)/(1 + x), which holds wherever both are real.
/// ∫ 1/(l·√q) is −sign(l)·∫ dt/√Q(t) with t = 1/l (the table's integral). Every answer is verified by the caller.
/// </summary>
internal static class AlgebraicPart
{
    private const int MaxDegree = 10;
    private const int MaxLinearPower = 4;
    private const int MaxRootPower = 3;

    public static Expr? TryIntegrate(Expr core)
    {
        if (Split(core) is not var (numerator, denominator, q, e, affine)) return null;
        if (BasicIntegrals.QuadraticCoefficients(q) is not var (qa, qb, qc) || (qb * qb - (4 * qa * qc)).IsZero) return null;
        var quadratic = new Polynomial([qc, qb, qa]);
        // powers of q in the rational part move into the root's exponent: q^(m + ½) with m ≥ 0 below it
        while (denominator.Degree >= 2 && Polynomial.DivRem(denominator, quadratic) is (var quotient, { IsZero: true }))
        {
            denominator = quotient;
            e -= Rational.One;
        }
        var m = -(e + Rational.Half);
        if (!m.IsInteger || m.Abs() > new Rational(MaxRootPower)) return null;
        // a root above the fraction line, q^(n + ½) for n ≥ 0, is qⁿ·√q
        if (m.Sign < 0)
        {
            numerator *= quadratic.Pow((int)(-m).Num);
            m = Rational.Zero;
        }
        // the rest of the denominator is c·(x − a)^k
        var k = denominator.Degree;
        Rational root = Rational.Zero;
        if (k > 0)
        {
            if (k > MaxLinearPower || denominator.RationalRoots() is not ([var (a, multiplicity)], { Degree: 0 } rest) || multiplicity != k) return null;
            root = a;
            numerator = rest[0].Reciprocal() * numerator;
        }
        else numerator = denominator[0].Reciprocal() * numerator;
        if (numerator.IsZero || numerator.Degree > MaxDegree) return null;
        var answer = Integrate(numerator, k, root, quadratic, q, (int)m.Num);
        return answer is not null && affine is (var u, var v) ? SplitRoots.Apply(answer, q, u, v) : answer;
    }

    /// <summary>∫ P/((x − a)^k·q^(m + ½)), m ≥ 0.</summary>
    private static Expr? Integrate(Polynomial p, int k, Rational a, Polynomial q, Expr qExpr, int m)
    {
        var l = new Polynomial([-a, Rational.One]);
        var j = Math.Max(k - 1, 0);
        var qm = q.Pow(m);
        var dq = q.Derivative();
        var half = Rational.Half - m;
        // the columns: the polynomial each unknown multiplies once the ansatz is differentiated and the integrand's
        // denominator l^k·q^(m + ½) cleared
        var degreeB = k > 0 ? Math.Max(p.Degree, k + (2 * m)) - 1 : Math.Max(p.Degree, 2 * m);
        var columns = new List<Polynomial>();
        for (var i = 0; i <= degreeB; i++)
        {
            var xi = Polynomial.Monomial(Rational.One, i);
            columns.Add(k > 0
                ? (xi.Derivative() * l * q) - (new Rational(j) * (xi * q)) + (half * (xi * l * dq))
                : (xi.Derivative() * q) + (half * (xi * dq)));
        }
        columns.Add(k > 0 ? l.Pow(k) * qm : qm); // λ: ∫ 1/√q
        if (k > 0) columns.Add(l.Pow(k - 1) * qm); // μ: ∫ 1/(l·√q)
        var rows = Math.Max(p.Degree, columns.Max(c => c.Degree)) + 1;
        var matrix = new Rational[rows, columns.Count];
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns.Count; c++) matrix[r, c] = columns[c][r];
        if (LinearSystem.Solve(matrix, Enumerable.Range(0, rows).Select(r => p[r]).ToArray()) is not { } z) return null;

        var terms = new List<Expr>();
        var b = new Polynomial(z.Take(degreeB + 1));
        if (!b.IsZero)
        {
            Expr rootPower = half == Rational.Half ? Expr.Call(Operator.Sqrt, qExpr) : Expr.Pow(qExpr, new Num(half));
            var algebraic = b.ToExpr() * rootPower;
            if (j > 0) algebraic /= j == 1 ? l.ToExpr() : Expr.Pow(l.ToExpr(), Expr.Int(j));
            terms.Add(algebraic);
        }
        var lambda = z[degreeB + 1];
        if (!lambda.IsZero)
        {
            if (BasicIntegrals.OfQuadratic(qExpr, -Rational.Half) is not { } inverse) return null;
            terms.Add(new Num(lambda) * inverse);
        }
        if (k > 0 && z[degreeB + 2] is { IsZero: false } mu)
        {
            if (OverLinear(q, a) is not { } g) return null;
            terms.Add(new Num(mu) * g);
        }
        return terms.Count == 0 ? null : Simplifier.SimplifyOrKeep(ExprParts.Sum(terms));
    }

    /// <summary>
    /// ∫ dx/((x − a)·√q): with t = 1/(x − a), √q = √Q(t)/|t| for Q(t) = q(a)·t² + q'(a)·t + α, and the integral is
    /// −sign(x − a)·∫ dt/√Q(t). Null when that integral is not the table's (Q negative definite).
    /// </summary>
    private static Expr? OverLinear(Polynomial q, Rational a)
    {
        var (qa, dqa, lead) = (q.At(a), q.Derivative().At(a), q[2]);
        var inT = qa.IsZero
            ? new Num(2 / dqa) * Expr.Call(Operator.Sqrt, new Polynomial([lead, dqa]).ToExpr())
            : BasicIntegrals.OfQuadratic(new Polynomial([lead, dqa, qa]).ToExpr(), -Rational.Half);
        if (inT is null) return null;
        var l = new Polynomial([-a, Rational.One]).ToExpr();
        var g = ExprParts.Substitute(inT, n => n is Sym { Name: "x" } ? Expr.One / l : null);
        return -(Expr.Call(Operator.Sign, l) * g);
    }

    /// <summary>
    /// The integrand as N/D·q^e: one factor a power q^e of a quadratic q with e = n/2 for an odd n, or two such powers
    /// of affine functions u, v made one of q = u·v (u^r·v^s = (u·v)^(1/2)·u^(r − ½)·v^(s − ½) where both are real;
    /// the answer's √q is split back, <see cref="SplitRoots"/>), and every other factor rational in x. Null otherwise.
    /// </summary>
    private static (Polynomial Numerator, Polynomial Denominator, Expr Q, Rational E, (Expr U, Expr V)? Affine)? Split(Expr core)
    {
        var factors = Flatten(core).ToList();
        var roots = new List<(int Index, Expr Radicand, Rational E)>();
        for (var i = 0; i < factors.Count; i++)
            if (HalfPower(factors[i]) is var (radicand, e)) roots.Add((i, radicand, e));
        var rest = new List<Expr>();
        Expr q;
        Rational exponent;
        (Expr, Expr)? affine = null;
        switch (roots)
        {
            case [var one] when BasicIntegrals.QuadraticCoefficients(one.Radicand) is not null:
                (q, exponent) = (one.Radicand, one.E);
                break;
            case [var u, var v] when Polynomial.TryPolynomial(u.Radicand, out var pu) && pu.Degree == 1
                                     && Polynomial.TryPolynomial(v.Radicand, out var pv) && pv.Degree == 1 && BothPositiveSomewhere(pu, pv):
                q = Simplifier.SimplifyOrKeep((pu * pv).ToExpr());
                exponent = Rational.Half;
                affine = (u.Radicand, v.Radicand);
                rest.Add(Expr.Pow(u.Radicand, new Num(u.E - Rational.Half)));
                rest.Add(Expr.Pow(v.Radicand, new Num(v.E - Rational.Half)));
                break;
            default:
                return null;
        }
        rest.AddRange(factors.Where((_, i) => roots.All(r => r.Index != i)));
        if (!Polynomial.TryRational(ExprParts.Product(rest), out var n, out var d)) return null;
        return (n, d, q, exponent, affine);
    }

    /// <summary>
    /// Whether u &gt; 0 and v &gt; 0 on an interval: √u·√v is √(u·v) only there (√(−x)·√(x − 1) is nowhere real,
    /// √(x − x²) is real on [0, 1]).
    /// </summary>
    private static bool BothPositiveSomewhere(Polynomial u, Polynomial v)
    {
        Rational? lower = null, upper = null;
        foreach (var p in new[] { u, v })
        {
            var root = -p[0] / p[1];
            if (p[1].Sign > 0) lower = lower is { } l && l > root ? l : root;
            else upper = upper is { } h && h < root ? h : root;
        }
        return lower is not { } low || upper is not { } high || low < high;
    }

    private static IEnumerable<Expr> Flatten(Expr e) =>
        e is Op { Kind: Operator.Mul } m ? m.Args.SelectMany(Flatten) : [e];

    /// <summary>(u, e) for √u or u^e with 2e odd and u containing x.</summary>
    private static (Expr Radicand, Rational E)? HalfPower(Expr f) => f switch
    {
        Op { Kind: Operator.Sqrt, Args: [var u] } when ExprParts.Contains(u, "x") => (u, Rational.Half),
        Op { Kind: Operator.Pow, Args: [var u, Num { Value: var e }] } when e.Den == 2 && ExprParts.Contains(u, "x") => (u, e),
        _ => null,
    };
}
