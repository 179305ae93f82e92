using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Solving;

/// <summary>
/// Substitution t = u(x) for an inner u of the integrand, where the derivative divides up to a function of u, the new
/// integrand g(t) going back through the basic rules and u put back for t. Two ways to find g:
/// <list type="bullet">
/// <item>directly: g = f/u′ with every u written t, for u = v + d every v written t − d, and for u = xᵏ every xᵐ
/// written t^(m/k), and for u = cos v an even power of sin v written in t (and so on for sin, sinh, cosh), when no x
/// is left (cos x/(1 + sin²x) → 1/(1 + t²) for u = sin x; √(1 + √x) → 2(t − 1)·√t for u = 1 + √x;
/// x/√(1 − x⁴) → 1/(2√(1 − t²)) for u = x²; sin³x/cos x → −(1 − t²)/t for u = cos x);</item>
/// <item>through the inverse, for u = c·xᵏ + d (k ≥ 2) or ln(c·x): x = φ(t) with φ((t − d)/c)^(1/k) or e^t/c, and
/// g = f(φ(t))·φ′(t) (x⁵·e^(x³) → t·eᵗ/3 by parts, x⁵·√(x³ + 1), cos(ln x) → eᵗ·cos t).</item>
/// </list>
/// <see cref="Substitution"/> covers the case where f/u′ is a table function of u. The root in φ is a principal branch,
/// which can be wrong for x &lt; 0 (√(x⁶) becomes x³), so an answer found through the inverse is verified here and
/// dropped when it fails: the rules never offer a wrong antiderivative.
/// </summary>
internal static class ChangeOfVariable
{
    /// <summary>Largest integrand tried (nodes), and the most inner u tried.</summary>
    internal const int MaxSize = 40;
    private const int MaxCandidates = 8;

    private static readonly Sym T = new("t");

    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        // the rules this calls may call it again on the new integrand; the driver keeps the depth at one
        if (ExprParts.Contains(core, T.Name)) return null;
        foreach (var u in Inner(core).Take(MaxCandidates))
            if (scope.Tentatively(() => Direct(core, u, scope)) is { } direct) return direct;
            else if (scope.Tentatively(() => Inverse(u) is { } phi && Integrate(ExprParts.Substitute(core, n => n is Sym { Name: "x" } ? phi : null) * Derivative.Of(phi, T.Name), u, scope) is { } viaInverse
                ? RightEverywhere(core, viaInverse) : null) is { } answer)
                return answer;
        return null;
    }

    /// <summary>
    /// φ's root is one branch: √(x⁶) becomes x³, right only for x &gt; 0. The answer with whole powers of x put
    /// back when that is right on the whole real domain, else the answer as found when it is, else null.
    /// </summary>
    private static Expr? RightEverywhere(Expr core, Expr viaInverse)
    {
        if (PowersOfX(viaInverse) is { } whole && IntegralVerifier.Check(core, whole).Accepted) return whole;
        return IntegralVerifier.Check(core, viaInverse).Accepted ? viaInverse : null;
    }

    /// <summary>
    /// The answer with every (xᵏ)^r for an odd k, or an even k with k·r whole, written x^(k·r), or null when there is
    /// none: φ = t^(1/3) puts back (x³)^(4/3), whose principal branch is x⁴ only for x &gt; 0, while x⁴ holds on the
    /// whole line (∫ x³ beside |x|); φ = t^(1/6) puts back (x²)^(17/2), which is |x|¹⁷ where x¹⁷ was meant.
    /// </summary>
    private static Expr? PowersOfX(Expr answer)
    {
        var found = false;
        var rewritten = ExprParts.Substitute(answer, n =>
        {
            if (n is not Op { Kind: Operator.Pow, Args: [Op { Kind: Operator.Pow, Args: [Sym { Name: "x" }, Num { Value: { IsInteger: true } k }] }, Num { Value: var r }] }
                || (k.Num.IsEven && !(k * r).IsInteger)) return null;
            found = true;
            var power = k * r;
            return power.IsOne ? Expr.X : Expr.Pow(Expr.X, new Num(power));
        });
        return found ? Simplifier.SimplifyOrKeep(rewritten) : null;
    }

    /// <summary>∫ f with g = f/u′ and every u written t, when that leaves no x.</summary>
    private static Expr? Direct(Expr core, Expr u, RuleScope scope)
    {
        try
        {
            if (!Simplifier.TrySimplify(core / Derivative.Of(u), out var ratio)) return null;
            var inT = ExprParts.Substitute(ratio, n => n.Equals(u) ? T : PowerOf(n, u));
            // u = g + d with d free of x: a g left in the ratio is t − d (√(1 + √x): u = 1 + √x, 2√x·√u → 2(t − 1)·√t)
            if (ExprParts.Contains(inT, "x") && u is Op { Kind: Operator.Add } sum && sum.Args.Where(a => ExprParts.Contains(a, "x")).ToArray() is [var g]
                && g is not Sym)
            {
                var d = ExprParts.Sum(sum.Args.Where(a => !ReferenceEquals(a, g)).ToArray());
                inT = ExprParts.Substitute(inT, n => n.Equals(g) ? T - d : null);
            }
            if (ExprParts.Contains(inT, "x")) inT = Pythagorean(inT, u);
            return Integrate(inT, u, scope);
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }

    /// <summary>
    /// For u = sin v, cos v, sinh v or cosh v, even powers of the twin function written in t: sin²ᵏv = (1 − t²)ᵏ for
    /// u = cos v (sin³x/cos x → −(1 − t²)/t), cos²ᵏv = (1 − t²)ᵏ for u = sin v, sinh²ᵏv = (t² − 1)ᵏ for u = cosh v,
    /// cosh²ᵏv = (1 + t²)ᵏ for u = sinh v, k &gt; 0 (a reciprocal power would make partial fractions where the other
    /// substitution is tidier: sin³x/cos²x is t³/(1 − t²) for u = sin x but −(1 − t²)/t² for u = cos x). Anything else is left as it is.
    /// </summary>
    private static Expr Pythagorean(Expr inT, Expr u)
    {
        if (u is not Op { Kind: Operator.Sin or Operator.Cos or Operator.Sinh or Operator.Cosh, Args: [var v] } f) return inT;
        var (twin, square) = f.Kind switch
        {
            Operator.Cos => (Operator.Sin, Expr.One - Expr.Pow(T, Expr.Two)),
            Operator.Sin => (Operator.Cos, Expr.One - Expr.Pow(T, Expr.Two)),
            Operator.Cosh => (Operator.Sinh, Expr.Pow(T, Expr.Two) - Expr.One),
            _ => (Operator.Cosh, Expr.One + Expr.Pow(T, Expr.Two)),
        };
        return ExprParts.Substitute(inT, n =>
            n is Op { Kind: Operator.Pow, Args: [Op { Args: [var w] } g, Num { Value: { IsInteger: true } k }] } && g.Kind == twin && w.Equals(v) && k.Num.IsEven && k.Sign > 0
                ? Expr.Pow(square, new Num(k / 2))
                : null);
    }

    /// <summary>
    /// t^(m/k) for n = x^m when u = x^k and k divides m (x⁴ is t² for u = x²), and for n = e^(m·x) when u = e^(k·x)
    /// (e^(10x) is t¹⁰ for u = eˣ: e^(10x)·sin(eˣ) → t⁹·sin t), else null.
    /// </summary>
    private static Expr? PowerOf(Expr n, Expr u) => (u, n) switch
    {
        (Op { Kind: Operator.Pow, Args: [Sym { Name: "x" }, Num { Value: var k }] }, Op { Kind: Operator.Pow, Args: [Sym { Name: "x" }, Num { Value: var m }] })
            when (m / k).IsInteger => Expr.Pow(T, new Num(m / k)),
        (Op { Kind: Operator.Exp, Args: [var a] }, Op { Kind: Operator.Exp, Args: [var b] })
            when Rate(a) is { } k && Rate(b) is { } m => Expr.Pow(T, new Num(m / k)),
        _ => null,
    };

    /// <summary>k when a = k·x for a rational k ≠ 0, else null.</summary>
    private static Rational? Rate(Expr a) => BasicIntegrals.RationalSlope(a) is (var k, Num { Value.IsZero: true }) ? k : null;

    /// <summary>A principal even root or an exponential: never negative where it is real.</summary>
    private static bool NonNegativeWhereReal(Expr u) => u switch
    {
        Op { Kind: Operator.Sqrt or Operator.Exp } => true,
        Op { Kind: Operator.Pow, Args: [_, Num { Value: var r }] } => r.Den.IsEven,
        _ => false,
    };

    /// <summary>
    /// ∫ g(t) dt by the basic rules with t = u put back, or null when g still holds x, passes <paramref name="maxSize"/>
    /// nodes once multiplied out, or no rule integrates it. The ending every substitution rule shares.
    /// </summary>
    internal static Expr? Integrate(Expr inT, Expr u, RuleScope scope, int maxSize = int.MaxValue)
    {
        try
        {
            if (!Simplifier.TrySimplify(inT, out var g) || ExprParts.Contains(g, "x") || !ExprParts.Contains(g, T.Name)) return null;
            var inX = Simplifier.SimplifyOrKeep(Linearity.Distribute(ExprParts.Substitute(g, n => n is Sym { Name: "t" } ? Expr.X : null)));
            if (inX.Size > maxSize) return null;
            if (BasicIntegrals.TryIntegrateSum(inX, scope) is not { } integral) return null;
            scope.Note($"t = {u}: the integral of {g} in t");
            // t = √v is ≥ 0 wherever it is real: sign(t) is 1 and |t| is t there, and the answer stays analytic
            if (NonNegativeWhereReal(u))
                integral = ExprParts.Substitute(integral, n => n switch
                {
                    Op { Kind: Operator.Sign, Args: [Sym { Name: "x" }] } => Expr.One,
                    Op { Kind: Operator.Abs, Args: [Sym { Name: "x" }] } => Expr.X,
                    _ => null,
                });
            return Simplifier.SimplifyOrKeep(ExprParts.Substitute(integral, n => n is Sym { Name: "x" } ? u : null));
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }

    /// <summary>
    /// Each distinct inner u, outermost first: the operand of a function or the base of a power when it holds x, then
    /// the function itself (sin x in cos x/(1 + sin²x)), then the powers xᵏ whose k divides an exponent of x. Affine
    /// operands are the table's; x itself is no substitution.
    /// </summary>
    private static IEnumerable<Expr> Inner(Expr core)
    {
        var seen = new HashSet<Expr>();
        foreach (var node in ExprParts.Nodes(core))
        {
            var operand = node switch
            {
                Op { Kind: Operator.Abs or Operator.Sign } => null,
                Op { Args: [var a] } => a,
                Op { Kind: Operator.Pow, Args: [var b, Num] } => b,
                _ => null,
            };
            if (operand is not null && ExprParts.Contains(operand, "x") && BasicIntegrals.Slope(operand) is null && seen.Add(operand)) yield return operand;
            if (node is Op { Args: [var arg] } f && f.Kind is not (Operator.Abs or Operator.Sign) && !ReferenceEquals(node, core)
                && ExprParts.Contains(arg, "x") && seen.Add(node))
                yield return node;
        }
        // u = xᵏ for each k ≥ 2 dividing the exponent of a power of x (x/√(1 − x⁴): u = x², then x⁴ is t²)
        foreach (var node in ExprParts.Nodes(core))
        {
            if (node is not Op { Kind: Operator.Pow, Args: [Sym { Name: "x" }, Num { Value: { IsInteger: true } m }] } || m.Abs() > new Rational(MaxExponent)) continue;
            var exponent = (int)m.Abs().Num;
            for (var k = 2; k <= exponent; k++)
                if (exponent % k == 0 && Expr.Pow(Expr.X, Expr.Int(k)) is var power && seen.Add(power))
                    yield return power;
        }
    }

    /// <summary>Largest exponent of x whose divisors are tried as u = xᵏ.</summary>
    private const int MaxExponent = 12;

    /// <summary>φ(t) with u(φ(t)) = t: ((t − d)/c)^(1/k) when u = c·xᵏ + d (k ≥ 2, c and d free of x), e^t/c when u = ln(c·x); else null.</summary>
    private static Expr? Inverse(Expr u)
    {
        if (u is Op { Kind: Operator.Ln, Args: [var a] } && BasicIntegrals.Slope(a) is { } slope
            && Simplifier.SimplifyOrKeep(a - slope * Expr.X) is Num { Value.IsZero: true })
            return Expr.Call(Operator.Exp, T) / slope;
        var terms = ExprParts.Terms(u);
        var withX = terms.Where(a => ExprParts.Contains(a, "x")).ToArray();
        if (withX is not [var term] || !Monomials.TrySplit(term, "x", out var c, out var k) || !k.IsInteger || k < new Rational(2)) return null;
        var d = terms.Where(a => !ReferenceEquals(a, term)).ToArray();
        Expr shifted = d.Length == 0 ? T : T - ExprParts.Sum(d);
        return Expr.Pow(shifted / c, new Num(k.Reciprocal()));
    }
}
