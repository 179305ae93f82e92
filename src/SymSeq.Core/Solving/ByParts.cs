using SymSeq.Algebra;
using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Solving;

/// <summary>
/// Integration by parts where it always ends, for a polynomial p(x) times one other factor:
/// <list type="bullet">
/// <item>p·g(u) with g ∈ {exp, sin, cos, sinh, cosh} and u = a·x + b (and cᵘ for a positive c): differentiate p until it vanishes and
/// integrate g as often (the tabular method), ∫p·g = Σₖ (−1)ᵏ·p⁽ᵏ⁾·Gₖ₊₁ with Gₖ the k-th antiderivative;</item>
/// <item>p·h(v) with h ∈ {ln, atan, acot, atanh} of a rational function v (or of an algebraic one, whose v′ is put
/// over one denominator first: ln(x + √(x² + 1)), atan √x), and p a polynomial in x and 1/x without a 1/x
/// term: ∫p·h = P·h − ∫P·h′ with P = ∫p, where P·h′ is rational (<see cref="RationalIntegrals"/>); hⁿ(v) for n ≤ 6
/// recurses on P·n·h′·hⁿ⁻¹(v); for h ∈ {asin, acos, asinh, acosh} P·h′ is a polynomial over the root of a quadratic when
/// v is affine (<see cref="SqrtQuadratics"/>); a rational p whose denominator is no monomial is divided out first,
/// its polynomial part and proper fraction each times h going back to the rules; any other p whose antiderivative the
/// rules find is differentiated no further (x·atan x/(1 + x²)², x·acos x/√(1 − x²));</item>
/// <item>p·sec²(u), p·csc²(u) and their hyperbolic twins, by the tabular method (it ends for p of degree 1);</item>
/// <item>e^(αx+β)·sin(γx+δ) and e^(αx+β)·cos(γx+δ), by the closed form (α·sin − γ·cos)/(α² + γ²) and its twin,
/// and p times either by the tabular method on those closed forms.</item>
/// </list>
/// Every answer is verified by the caller like any other; one with acosh is verified here too (see <see cref="TryIntegrate"/>).
/// </summary>
internal static class ByParts
{
    private const int MaxPower = 6;

    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null) =>
        Integrate(core, scope ?? new RuleScope()) is { } answer && (!ExprParts.Nodes(core).Any(n => n is Op { Kind: Operator.Acosh }) || IntegralVerifier.Check(core, answer).HoldsOnSomeInterval)
            ? answer
            : null;   // acosh′(v) = v′/√(v² − 1) holds for v > 1 only: an answer that the verifier rejects elsewhere is dropped

    private static Expr? Integrate(Expr core, RuleScope scope)
    {
        var factors = core is Op { Kind: Operator.Mul } m ? m.Args.ToArray() : [core];
        if (ExpTimesTrig(factors, scope) is { } cyclic) return cyclic;
        // Exactly one factor is not a rational function of x or a power of x; the others multiply to p.
        var others = factors.Where(f => !Polynomial.TryRational(f, out _, out _) && !Monomials.TrySplit(f, "x", out _, out _)).ToArray();
        if (others.Length == 2 && ExpTimesTrig(others, scope) is not null)
            return Polynomial.TryPolynomial(ExprParts.Product(factors.Where(f => !others.Contains(f)).ToArray()), out var p) && p.Degree >= 1
                ? RepeatedTabular(p, ExprParts.Product(others), scope)
                : null;
        // an inverse function h (or a power of one) whose derivative is simpler than itself: the part to differentiate
        var inverses = others.Select(Inverse).Where(i => i.H is not null).ToArray();
        if (others.Length != 1)
            // several factors beside p (x·acos x/√(1 − x²)): one inverse function, the rest integrated by the rules
            return inverses is [var only] && only.H is { } lone
                ? ByRules(ExprParts.Product(factors.Where(f => !ReferenceEquals(f, only.Factor)).ToArray()), lone, only.N, scope)
                : null;
        var pExpr = ExprParts.Product(factors.Where(f => !ReferenceEquals(f, others[0])).ToArray());
        var inverse = Inverse(others[0]);
        if (!Polynomial.TryRational(pExpr, out var num, out var den))
            // c·xʳ for a rational r ≠ −1 (√x·ln x): its antiderivative is a power too; else whatever the rules find
            return inverse.H is not { } hm ? null
                : Monomials.TrySplit(pExpr, "x", out var c, out var r) && r != Rational.MinusOne
                    ? InverseTimes(Simplifier.SimplifyOrKeep(c * new Num((r + 1).Reciprocal()) * Expr.Pow(Expr.X, new Num(r + 1))), hm, inverse.N, scope)
                    : ByRules(pExpr, hm, inverse.N, scope);
        if (others[0] is Op { Kind: Operator.Exp or Operator.Sin or Operator.Cos or Operator.Sinh or Operator.Cosh, Args: [var u] } g
            && den.Degree == 0 && num.Degree >= 1 && BasicIntegrals.Slope(u) is { } a)
            return Tabular(num, g.Kind, u, a, scope);
        // c^u for a positive constant c: e^(u·ln c), written back as c^u
        if (others[0] is Op { Kind: Operator.Pow, Args: [var cBase, var cu] } power && cBase is Num { Value: var cv } && cv > Rational.Zero && !cv.IsOne
            && den.Degree == 0 && num.Degree >= 1 && BasicIntegrals.Slope(cu) is { } ca)
            return Tabular(num, Operator.Exp, cu, ca * Expr.Call(Operator.Ln, cBase), scope, power);
        // sec², csc², sech², csch² of an affine u: the derivatives of tan, −cot, tanh, −coth, whose own integrals are
        // logarithms (so p of degree 1 ends: x·sec²x = x·tan x + ln cos x)
        if (others[0] is Op { Kind: Operator.Pow, Args: [Op { Kind: Operator.Cos or Operator.Sin or Operator.Cosh or Operator.Sinh, Args: [var v] }, Num { Value: var e }] }
            && e == -2 && den.Degree == 0 && num.Degree >= 1 && BasicIntegrals.Slope(v) is not null)
            return RepeatedTabular(num, others[0], scope);
        if (inverse.H is not { } h1) return null;
        if (Antiderivative(num, den) is { } big) return InverseTimes(big, h1, inverse.N, scope);
        return (den.Degree >= 1 ? scope.Tentatively(() => DividedOut(num, den, others[0], scope)) : null) ?? ByRules(pExpr, h1, inverse.N, scope);
    }

    /// <summary>(h, n) when the factor is h or hⁿ (1 &lt; n ≤ 6) for an inverse function h or ln, else (null, 0).</summary>
    private static (Op? H, int N, Expr Factor) Inverse(Expr factor) => factor switch
    {
        Op { Kind: var k } h when IsInverse(k) => (h, 1, factor),
        Op { Kind: Operator.Pow, Args: [Op { Kind: var k } h, Num { Value: { IsInteger: true } n }] }
            when IsInverse(k) && n > Rational.One && n <= MaxPower => (h, (int)n.Num, factor),
        _ => (null, 0, factor),
    };

    private static bool IsInverse(Operator k) =>
        k is Operator.Ln or Operator.Atan or Operator.Acot or Operator.Atanh or Operator.Asin or Operator.Acos or Operator.Asinh or Operator.Acosh;

    /// <summary>Largest p whose antiderivative <see cref="ByRules"/> asks the rules for (nodes).</summary>
    private const int MaxRulesFactor = 30;

    /// <summary>
    /// ∫ p·hⁿ with P = ∫ p found by the rules themselves, for the p the closed forms above do not cover
    /// (x/(1 + x²)² → −1/(2(1 + x²)), x/√(1 − x²) → −√(1 − x²)): by parts on what they give, or null.
    /// </summary>
    private static Expr? ByRules(Expr p, Op h, int n, RuleScope scope)
    {
        // the rules' own calls of ByRules stop at depth 2
        if (scope.Depth(RuleScope.Rule.ByParts) >= 2 || p.Size > MaxRulesFactor) return null;
        using var nested = scope.Enter(RuleScope.Rule.ByParts);
        // P may hold h itself (∫ x²/√(1 − x²) has asin x): then P·h′ holds h·h′, a substitution, and the depth bounds the rest
        return scope.Tentatively(() => BasicIntegrals.TryIntegrateSum(p, scope) is { } big ? InverseTimes(big, h, n, scope) : null);
    }

    /// <summary>
    /// ∫ (num/den)·h as ∫ q·h + ∫ (r/den)·h with num = q·den + r, each by the rules (x²/(1 + x²)·atan x: ∫ atan x and
    /// ∫ atan x/(1 + x²), a substitution), or null when the division leaves no polynomial part or a part fails.
    /// </summary>
    private static Expr? DividedOut(Polynomial num, Polynomial den, Expr h, RuleScope scope)
    {
        var (q, r) = Polynomial.DivRem(num, den);
        if (q.IsZero) return null;
        if (BasicIntegrals.TryIntegrate(Simplifier.SimplifyOrKeep(q.ToExpr() * h), scope) is not { } whole) return null;
        if (r.IsZero) return whole;
        return BasicIntegrals.TryIntegrate(Simplifier.SimplifyOrKeep(r.ToExpr() / den.ToExpr() * h), scope) is { } proper
            ? Simplifier.SimplifyOrKeep(whole + proper)
            : null;
    }

    /// <summary>
    /// Σₖ (−1)ᵏ·p⁽ᵏ⁾·Gₖ₊₁ where G₁ = ∫g(u)dx and each G is ± a function of the cycle over aᵏ; an exponential may be
    /// given as <paramref name="written"/> (2ˣ for e^(x·ln 2), with a = ln 2).
    /// </summary>
    private static Expr Tabular(Polynomial p, Operator g, Expr u, Expr a, RuleScope scope, Expr? written = null)
    {
        scope.Note($"tabular: u = {p.ToExpr()}, dv = {written ?? Expr.Call(g, u)} dx");
        var terms = new List<Expr>();
        var (sign, f) = (1, g);
        Expr scale = Expr.One;
        for (var (k, d) = (0, p); !d.IsZero; k++, d = d.Derivative())
        {
            (sign, f) = Next(sign, f);
            scale = scale is Num { Value.IsOne: true } && a is Num { Value.IsOne: true } ? Expr.One : scale * a;
            var coefficient = (k % 2 == 0 ? sign : -sign) > 0 ? d.ToExpr() : -d.ToExpr();
            terms.Add(coefficient * (written ?? Expr.Call(f, u)) / scale);
        }
        return Simplifier.SimplifyOrKeep(ExprParts.Sum(terms));

        // ∫ ±f(u) du = ±F(u): the sign and function of the next antiderivative.
        static (int, Operator) Next(int s, Operator f) => f switch
        {
            Operator.Exp => (s, Operator.Exp),
            Operator.Sin => (-s, Operator.Cos),
            Operator.Cos => (s, Operator.Sin),
            Operator.Sinh => (s, Operator.Cosh),
            _ => (s, Operator.Sinh),
        };
    }

    /// <summary>
    /// The tabular method for a g whose repeated antiderivatives the rules find (e^(αx)·sin(γx): each is a sum of
    /// e^(αx)·sin and e^(αx)·cos): Σₖ (−1)ᵏ·p⁽ᵏ⁾·Gₖ₊₁ with Gₖ₊₁ = ∫Gₖ, or null when one of them is out of reach.
    /// </summary>
    private static Expr? RepeatedTabular(Polynomial p, Expr g, RuleScope scope)
    {
        scope.Note($"tabular: u = {p.ToExpr()}, dv = {g} dx");
        var terms = new List<Expr>();
        var G = g;
        for (var (k, d) = (0, p); !d.IsZero; k++, d = d.Derivative())
        {
            if (!Simplifier.TrySimplify(Linearity.Distribute(G), out var expanded) || BasicIntegrals.TryIntegrateSum(expanded, scope) is not { } next) return null;
            G = next;
            terms.Add((k % 2 == 0 ? d.ToExpr() : -d.ToExpr()) * G);
        }
        return Simplifier.SimplifyOrKeep(ExprParts.Sum(terms));
    }

    /// <summary>Highest degree of p that <see cref="TabularByRules"/> differentiates away.</summary>
    private const int MaxTabularDegree = 3;

    /// <summary>
    /// The last method of <see cref="BasicIntegrals"/>: ∫ p·g for a polynomial p of degree 1 to
    /// <see cref="MaxTabularDegree"/> and g the product of the other factors, none an inverse function, when the rules
    /// find g's repeated antiderivatives (x·sec x·tan x = x·sec x − ln(sec x + tan x), x·tan x/cos²x), by the tabular
    /// method; else null. At most 2 deep, like <see cref="ByRules"/>.
    /// </summary>
    public static Expr? TryTabularByRules(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        if (core is not Op { Kind: Operator.Mul } m || scope.Depth(RuleScope.Rule.ByParts) >= 2) return null;
        var polynomial = m.Args.Where(f => Polynomial.TryPolynomial(f, out _)).ToArray();
        var others = m.Args.Where(f => !polynomial.Contains(f)).ToArray();
        if (others.Length == 0 || others.Any(f => Inverse(f).H is not null)) return null;
        var g = ExprParts.Product(others);
        if (g.Size > MaxRulesFactor || !Polynomial.TryPolynomial(ExprParts.Product(polynomial), out var p)
            || p.Degree < 1 || p.Degree > MaxTabularDegree) return null;
        using var nested = scope.Enter(RuleScope.Rule.ByParts);
        return RepeatedTabular(p, g, scope);
    }

    /// <summary>∫ p·hⁿ = P·hⁿ − ∫ P·(hⁿ)′ with P = ∫ p given, h = ln, atan, acot, atanh, asin, acos or asinh of v, else null.</summary>
    private static Expr? InverseTimes(Expr big, Op h, int n, RuleScope scope)
    {
        var v = h[0];
        var rational = Polynomial.TryRational(v, out var vn, out var vd);
        if (rational ? vn.Degree < 1 && vd.Degree < 1 : !IsAlgebraic(v)) return null;
        var vPrime = Simplifier.SimplifyOrKeep(Derivative.Of(v));
        // v with roots: v′ over one denominator, so that ln's v′/v can cancel (ln(x + √(x² + 1)): v′/v = 1/√(x² + 1))
        if (!rational) vPrime = CommonDenominator.Together(vPrime);
        var minusHalf = new Num(-Rational.Half);
        Expr hPrime = h.Kind switch
        {
            Operator.Ln => vPrime / v,
            Operator.Asin => vPrime * Expr.Pow(Expr.One - Expr.Pow(v, Expr.Two), minusHalf),
            Operator.Acos => -vPrime * Expr.Pow(Expr.One - Expr.Pow(v, Expr.Two), minusHalf),
            Operator.Asinh => vPrime * Expr.Pow(Expr.Pow(v, Expr.Two) + Expr.One, minusHalf),
            Operator.Acosh => vPrime * Expr.Pow(Expr.Pow(v, Expr.Two) - Expr.One, minusHalf),   // √(v² − 1), split after (SplitRoots)
            Operator.Atan => vPrime / (Expr.One + Expr.Pow(v, Expr.Two)),
            Operator.Acot => -vPrime / (Expr.One + Expr.Pow(v, Expr.Two)),
            _ => vPrime / (Expr.One - Expr.Pow(v, Expr.Two)),
        };
        var hn = n == 1 ? (Expr)h : Expr.Pow(h, Expr.Int(n));
        scope.Note($"u = {hn}, v = {big}");
        var rest = Simplifier.SimplifyOrKeep(n == 1 ? big * hPrime : Expr.Int(n) * big * hPrime * (n == 2 ? h : Expr.Pow(h, Expr.Int(n - 1))));
        var restIntegral = (n == 1 ? RationalIntegrals.TryIntegrate(rest) : null) ?? BasicIntegrals.TryIntegrateSum(rest, scope)
            ?? (OnlyItsOwnKind(big, h) && Spread(rest) is { } terms ? scope.Tentatively(() => BasicIntegrals.TryIntegrateSum(terms, scope)) : null);
        if (restIntegral is not null && h.Kind == Operator.Acosh) restIntegral = SplitRoots.Apply(restIntegral, Expr.Pow(v, Expr.Two) - Expr.One, v - Expr.One, v + Expr.One);
        return restIntegral is null ? null : Simplifier.SimplifyOrKeep(big * hn - restIntegral);
    }

    /// <summary>
    /// True when v holds no inverse function but h's own kind: ∫ x⁴/√(1 − x²) holds asin x, and spread beside acos x its
    /// terms give an answer right for |x| ≤ 1 only (asin and acos part ways on their branch cuts, where acos(x)² is
    /// still real); left whole, the shift of variable and the other rules find one right everywhere.
    /// </summary>
    private static bool OnlyItsOwnKind(Expr v, Op h) =>
        !ExprParts.Nodes(v).Any(n => n is Op { Kind: var k } && k != h.Kind && k is not Operator.Ln && IsInverse(k));

    /// <summary>
    /// v·h′ multiplied out term by term when it is one quotient or product of a sum (∫ x⁴/√(1 − x²) holds asin x, so
    /// v·asin′ is (p(x)·√(1 − x²) + c·asin x)/√(1 − x²): a polynomial and a substitution once spread), else null.
    /// </summary>
    private static Expr? Spread(Expr rest)
    {
        var spread = Linearity.Distribute(rest);
        return !spread.Equals(rest) && Simplifier.TrySimplify(spread, out var terms) && !terms.Equals(rest) ? terms : null;
    }

    /// <summary>Built of numbers and x by +, ·, / and rational powers (x + √(x² + 1), √x), with x in it.</summary>
    private static bool IsAlgebraic(Expr v) => ExprParts.Contains(v, "x") && v.Size <= MaxRulesFactor
        && ExprParts.Nodes(v).All(n => n is Num or Sym { Name: "x" } or Op { Kind: Operator.Add or Operator.Sub or Operator.Mul or Operator.Div or Operator.Sqrt }
            or Op { Kind: Operator.Pow, Args: [_, Num] });

    /// <summary>∫ num/den as an expression when den is a monomial c·xᵏ and num/den has no 1/x term (so no logarithm appears), else null.</summary>
    private static Expr? Antiderivative(Polynomial num, Polynomial den)
    {
        if (den.Degree < 0 || Enumerable.Range(0, den.Degree).Any(k => !den[k].IsZero)) return null;
        var k = den.Degree;
        var scaled = den.Lead.Reciprocal() * num;
        if (k >= 1 && !scaled[k - 1].IsZero) return null;   // the 1/x term
        var terms = new List<Expr>();
        for (var j = 0; j <= scaled.Degree; j++)
        {
            if (scaled[j].IsZero) continue;
            var power = j - k + 1;   // ∫ x^(j−k) = x^(j−k+1)/(j−k+1)
            terms.Add(new Num(scaled[j] / power) * Expr.Pow(Expr.X, Expr.Int(power)));
        }
        return terms.Count == 0 ? null : Simplifier.SimplifyOrKeep(ExprParts.Sum(terms));
    }

    /// <summary>e^(αx+β)·sin(γx+δ) or ·cos(γx+δ) (two factors, both arguments affine), else null.</summary>
    private static Expr? ExpTimesTrig(Expr[] factors, RuleScope scope)
    {
        if (factors is not [Op f1, Op f2]) return null;
        var (e, t) = f1.Kind == Operator.Exp ? (f1, f2) : (f2, f1);
        if (e.Kind != Operator.Exp || t.Kind is not (Operator.Sin or Operator.Cos)) return null;
        if (BasicIntegrals.Slope(e[0]) is not { } alpha || BasicIntegrals.Slope(t[0]) is not { } gamma) return null;
        var sin = Expr.Call(Operator.Sin, t[0]);
        var cos = Expr.Call(Operator.Cos, t[0]);
        var combination = t.Kind == Operator.Sin ? alpha * sin - gamma * cos : alpha * cos + gamma * sin;
        scope.Note("twice by parts, u the trigonometric factor, then solved for the integral");
        return Simplifier.SimplifyOrKeep(e * combination / (Expr.Pow(alpha, Expr.Two) + Expr.Pow(gamma, Expr.Two)));
    }
}
