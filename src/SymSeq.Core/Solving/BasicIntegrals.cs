using SymSeq.Algebra;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// The integrals no model is needed for, each of an affine u = c·x + d: constants and powers of u (c → c·x,
/// uⁿ → uⁿ⁺¹/(c(n+1)), 1/u → ln(u)/c, √u → ⅔u^(3/2)/c), exponentials of another base (a^u → a^u/(c·ln a) for a
/// positive a ≠ 1), and the table of elementary functions of u (exp, ln, sin, cos, tan, sinh, cosh, tanh, the
/// inverse functions, |u| and sign u), divided by c; and 1/q, 1/√q, √q of a quadratic q = a·x² + b·x + c with rational coefficients
/// (atan, atanh, asin or a logarithm after completing the square), √q, √(k(1 ± cos u)) and √(k(1 ± sin u)) (<see cref="HalfAngleRoots"/>), integer powers of tan, cot, sec, csc and their
/// hyperbolic twins by reduction formulas (<see cref="TrigPowers"/>; sec, csc and cot are read as reciprocal powers); then a substitution when the derivative divides
/// (<see cref="Substitution"/>: x·e^(x²), x/(1 + x²), ln(x)/x). Euler's substitutions for rational functions of x and the root of a quadratic (<see cref="EulerSubstitution"/>). Last, an identity where it opens a rule (<see cref="TrigIdentities"/>: tan² = sec² − 1, sin 2u = 2·sin u·cos u), and powers with x in the exponent as exponentials (<see cref="VariablePowers"/>: 2^x·3^x, x^x·(1 + ln x)); and a polynomial times whatever the rules integrate, by parts (<see cref="ByParts.TryTabularByRules"/>: x·sec x·tan x). The model never saw a constant integrand in training, and a lone exp(x) is rare in its
/// data, so decomposition hands these to the rules. Every answer is verified like any other.
/// </summary>
public static class BasicIntegrals
{
    /// <summary>∫ core dx for a core of <see cref="LinearTerm"/> (1 for a constant term), or null.</summary>
    public static Expr? TryIntegrate(Expr core) => TryIntegrate(core, new RuleScope());

    /// <summary>∫ core dx within a rule's scope: the integrals a rule makes go through here.</summary>
    public static Expr? TryIntegrate(Expr core, RuleScope scope) => TryDerive(core, scope)?.Result;

    /// <summary>
    /// ∫ core dx as a step (the rule that answered, its detail and the steps of the integrals it made), or null. The
    /// step is also recorded as a sub-step of the rule that asked, when one did.
    /// </summary>
    public static Step? TryDerive(Expr core) => TryDerive(core, new RuleScope());

    /// <inheritdoc cref="TryDerive(Expr)"/>
    public static Step? TryDerive(Expr core, RuleScope scope)
    {
        var step = scope.Remembered(core, c => Derive(c, scope));
        if (step is not null) scope.Record(step);
        return step;
    }

    /// <summary>The driver: each rule of <see cref="IntegrationRules.All"/> in turn, the first answer taken.</summary>
    private static Step? Derive(Expr core, RuleScope scope)
    {
        bool? nonRealAbs = null;
        foreach (var rule in IntegrationRules.All)
        {
            if (scope.OutOfTime) return null;   // the driver owns the budget: no rule starts past it
            if (rule.Name != IntegrationRules.ConstantName && (nonRealAbs ??= HasNonRealAbs(core))) return null;
            if (core.Size > rule.MaxSize || rule.Nesting is { } guard && scope.Depth(guard) >= rule.MaxDepth || scope.PassesOver(rule.Name)) continue;
            using var nested = rule.Nesting is { } nesting ? scope.Enter(nesting) : (RuleScope.Nested?)null;
            using var inner = scope.Inner();
            using var frame = scope.Open();
            if (rule.Apply(core, scope) is not { } answer) continue;
            return new Step(rule.Name, core, rule.Simplified ? Simplifier.SimplifyOrKeep(answer) : answer, frame.Steps, frame.Detail);
        }
        return null;
    }

    internal static Expr? Constant(Expr core, RuleScope _) =>
        ExprParts.Contains(core, "x") ? null : core is Num { Value.IsOne: true } ? Expr.X : core * Expr.X;

    internal static Expr? PowerRule(Expr core, RuleScope _) => core switch
    {
        Sym { Name: "x" } => Expr.Rat(1, 2) * Expr.Pow(Expr.X, Expr.Two),
        Op { Kind: Operator.Pow } p when p[1] is Num { Value: var n } && Slope(p[0]) is { } c => Over(PowerRule(p[0], n), c),
        Op { Kind: Operator.Sqrt } r when Slope(r[0]) is { } c => Over(PowerRule(r[0], Rational.Half), c),
        Op { Kind: Operator.Div } d when d[0] is Num { Value.IsOne: true } && Slope(d[1]) is { } c => Over(PowerRule(d[1], Rational.MinusOne), c),
        _ => null,
    };

    internal static Expr? Reciprocals(Expr core, RuleScope scope) =>
        ReciprocalFunctions.Rewrite(core) is { } powers ? TryIntegrate(powers, scope) : null;

    internal static Expr? TrigonometricPowers(Expr core, RuleScope _) =>
        core is Op { Kind: Operator.Pow, Args: [Op { Args.Length: 1 } fn, Num { Value: var n }] } && Slope(fn[0]) is { } c
            && TrigPowers.Integrate(fn.Kind, fn[0], n) is { } g ? Over(g, c) : null;

    internal static Expr? Quadratic(Expr core, RuleScope _) => core switch
    {
        // an affine base is the power rule's
        Op { Kind: Operator.Pow } p when p[1] is Num { Value: var n } && Slope(p[0]) is null
            && (n == Rational.MinusOne || n == -Rational.Half || n == Rational.Half) && IsPolynomial(p[0]) => OfQuadratic(p[0], n),
        Op { Kind: Operator.Sqrt } r when Slope(r[0]) is null && IsPolynomial(r[0]) => OfQuadratic(r[0], Rational.Half),
        _ => null,
    };

    internal static Expr? OtherBase(Expr core, RuleScope _) =>
        core is Op { Kind: Operator.Pow } q && IsPositiveBase(q[0]) && Slope(q[1]) is { } c ? core / (c * Expr.Call(Operator.Ln, q[0])) : null;

    internal static Expr? TableOfIntegrals(Expr core, RuleScope _) =>
        core is Op { Args.Length: 1 } fn && Slope(fn[0]) is { } c && Table(fn.Kind, fn[0]) is { } g ? Over(g, c) : null;

    private static Expr Over(Expr g, Expr c) => c is Num { Value.IsOne: true } ? g : g / c;

    /// <summary>∫ c·xᵏ for a product of powers of x and positive multiples of x (x·√(10x), √(2x)/x³), else null.</summary>
    internal static Expr? PowerOfX(Expr core, RuleScope _) =>
        core is Op { Kind: Operator.Mul or Operator.Div or Operator.Pow or Operator.Sqrt } && Monomials.TrySplit(core, "x", out var c, out var k)
            ? (c is Num { Value.IsOne: true } ? PowerRule(Expr.X, k) : c * PowerRule(Expr.X, k))
            : null;

    /// <summary>
    /// ∫ q^n dx for n = −1, −½ or ½ and q = a·x² + b·x + c (rational, a ≠ 0), written a·u² + k with u = x + b/(2a):
    /// 1/q gives sign(a)·atan(u·√(a/k))/√(ak) when ak &gt; 0, sign(k)·atanh(u·√|a/k|)/√|ak| when ak &lt; 0, −1/(a·u) when
    /// k = 0; 1/√q gives asinh(u·√(a/k))/√a when a, k &gt; 0, ln(√a·u + √q)/√a when a &gt; 0 &gt; k and
    /// asin(u·√(−a/k))/√(−a) when a &lt; 0 &lt; k, and √q is u·√q/2 + (k/2)·∫ 1/√q. Null otherwise.
    /// </summary>
    internal static Expr? OfQuadratic(Expr q, Rational n)
    {
        if (QuadraticCoefficients(q) is not var (a, b, c)) return null;
        var u = Simplifier.SimplifyOrKeep(Expr.X + new Num(b / (2 * a)));
        var k = c - (b * b / (4 * a));
        static Expr Root(Rational r) => SquareRoots.Of(r);
        static Expr F(Operator f, Expr arg) => Expr.Call(f, arg);
        if (n == Rational.MinusOne)
        {
            if (k.IsZero) return new Num(-a.Reciprocal()) / u;
            var ak = a * k;
            return ak.Sign > 0
                ? new Num(new Rational(a.Sign)) * F(Operator.Atan, u * Root(a / k)) / Root(ak)
                : new Num(new Rational(k.Sign)) * F(Operator.Atanh, u * Root((a / k).Abs())) / Root(ak.Abs());
        }
        // ∫ 1/√q, and ∫ √q = u·√q/2 + (k/2)·∫ 1/√q. With a, k > 0 the logarithm is asinh (defined everywhere, and
        // recognised by a later substitution: the by parts of x·asinh(x)² meets asinh(x)/√(x² + 1) again); with k < 0
        // it stays a logarithm, right on both sides of the roots, where acosh holds on one only.
        Expr? inverse = a.Sign > 0 && k.Sign > 0 ? F(Operator.Asinh, u * Root(a / k)) / Root(a)
            : a.Sign > 0 ? F(Operator.Ln, (Root(a) * u) + F(Operator.Sqrt, q)) / Root(a)
            : k.Sign > 0 ? F(Operator.Asin, u * Root(-a / k)) / Root(-a) : null;
        if (inverse is null || n == -Rational.Half) return inverse;
        return (Expr.Rat(1, 2) * u * F(Operator.Sqrt, q)) + (new Num(k / 2) * inverse);
    }

    /// <summary>Built of numbers and x by +, −, · and natural powers (so checking its degree is cheap), and not a monomial.</summary>
    private static bool IsPolynomial(Expr q) => q is Op { Kind: Operator.Add or Operator.Mul } && q.Size <= 40
        && ExprParts.Nodes(q).All(n => n is Num or Sym { Name: "x" } or Op { Kind: Operator.Add or Operator.Sub or Operator.Mul }
            or Op { Kind: Operator.Pow, Args: [_, Num { Value: { IsInteger: true, Sign: > 0 } }] });

    /// <summary>(a, b, c) with q = a·x² + b·x + c, all rational and a ≠ 0, else null.</summary>
    internal static (Rational A, Rational B, Rational C)? QuadraticCoefficients(Expr q) =>
        Polynomial.TryPolynomial(q, out var p) && p.Degree == 2 ? (p[2], p[1], p[0]) : null;

    /// <summary>∫ uⁿ du: uⁿ⁺¹/(n+1), or ln u for n = −1.</summary>
    private static Expr PowerRule(Expr u, Rational n)
    {
        if (n == Rational.MinusOne) return Expr.Call(Operator.Ln, u);
        var m = n + Rational.One;
        return new Num(m.Reciprocal()) * Expr.Pow(u, new Num(m));
    }

    /// <summary>∫ g(u) du for an elementary g of the table, or null.</summary>
    private static Expr? Table(Operator g, Expr u)
    {
        Expr F(Operator op, Expr a) => Expr.Call(op, a);
        var half = Expr.Rat(1, 2);
        var uu = Expr.Pow(u, Expr.Two);
        return g switch
        {
            Operator.Exp => F(Operator.Exp, u),
            Operator.Ln => u * F(Operator.Ln, u) - u,
            Operator.Sin => -F(Operator.Cos, u),
            Operator.Cos => F(Operator.Sin, u),
            Operator.Tan => -F(Operator.Ln, F(Operator.Cos, u)),
            Operator.Sinh => F(Operator.Cosh, u),
            Operator.Cosh => F(Operator.Sinh, u),
            Operator.Tanh => F(Operator.Ln, F(Operator.Cosh, u)),
            Operator.Asin => u * F(Operator.Asin, u) + F(Operator.Sqrt, Expr.One - uu),
            Operator.Acos => u * F(Operator.Acos, u) - F(Operator.Sqrt, Expr.One - uu),
            Operator.Atan => u * F(Operator.Atan, u) - half * F(Operator.Ln, uu + Expr.One),
            Operator.Asinh => u * F(Operator.Asinh, u) - F(Operator.Sqrt, uu + Expr.One),
            // √(u−1)·√(u+1), not √(u²−1): the two differ in sign for u < −1, where acosh is complex
            Operator.Acosh => u * F(Operator.Acosh, u) - F(Operator.Sqrt, u - Expr.One) * F(Operator.Sqrt, u + Expr.One),
            Operator.Atanh => u * F(Operator.Atanh, u) + half * F(Operator.Ln, Expr.One - uu),
            // the reciprocal ones, on their real domains: |u| ≥ 1 for asec, acsc, acoth; 0 < u ≤ 1 for asech
            Operator.Acot => u * F(Operator.Acot, u) + half * F(Operator.Ln, uu + Expr.One),
            Operator.Acoth => u * F(Operator.Acoth, u) + half * F(Operator.Ln, uu - Expr.One),
            Operator.Asec => u * F(Operator.Asec, u) - F(Operator.Ln, F(Operator.Abs, u) + F(Operator.Sqrt, uu - Expr.One)),
            Operator.Acsc => u * F(Operator.Acsc, u) + F(Operator.Ln, F(Operator.Abs, u) + F(Operator.Sqrt, uu - Expr.One)),
            Operator.Asech => u * F(Operator.Asech, u) + F(Operator.Asin, u),
            Operator.Acsch => u * F(Operator.Acsch, u) + F(Operator.Asinh, F(Operator.Abs, u)),
            Operator.Abs => half * u * F(Operator.Abs, u),
            Operator.Sign => F(Operator.Abs, u),
            _ => null,
        };
    }

    /// <summary>
    /// |u| or sign(u) of a u that is not real at any of a few real x (|x + √−2|, |(x + 2)·ln(−5)|): they are not
    /// analytic, so no rule's answer for them is checkable, and none is offered.
    /// </summary>
    private static bool HasNonRealAbs(Expr core) => ExprParts.Nodes(core).Any(n =>
        n is Op { Kind: Operator.Abs or Operator.Sign, Args: [var u] } && !ProbePoints.Any(x => double.IsFinite(Evaluator.Eval(u, x))));

    private static readonly double[] ProbePoints = [0.5, 1.5, -0.5, 2.5, -1.5];

    /// <summary>An x-free base whose powers a^x are real and not constant: a positive number other than 1, or a
    /// product, root or rational power of such numbers and π (e itself never gets here: the canonical form writes exp).</summary>
    internal static bool IsPositiveBase(Expr a) => a switch
    {
        Num n => n.Value > Rational.Zero && !n.Value.IsOne,
        Sym { Name: "pi" } => true,
        Op { Kind: Operator.Sqrt } r => IsPositiveBase(r[0]),
        Op { Kind: Operator.Pow } r when r[1] is Num => IsPositiveBase(r[0]),
        Op { Kind: Operator.Mul or Operator.Div } m => m.Args.All(IsPositiveFactor),
        _ => false,
    };

    private static bool IsPositiveFactor(Expr a) => a is Num { Value: var v } ? v > Rational.Zero : IsPositiveBase(a);

    /// <summary>c when u = c·x + d with c and d free of x (1 for x itself), else null.</summary>
    internal static Expr? Slope(Expr u)
    {
        if (u is Op { Kind: Operator.Add } sum && sum.Args.Where(a => ExprParts.Contains(a, "x")).ToArray() is [var term])
            return Slope(term);
        return LinearFactor(u);
    }

    /// <summary>(k, c) when u = k·x + c for a rational k ≠ 0 and a c free of x (simplified; 0 when there is none), else null.</summary>
    internal static (Rational K, Expr Offset)? RationalSlope(Expr u) =>
        Slope(u) is Num { Value: var k } && !k.IsZero ? (k, Simplifier.SimplifyOrKeep(u - new Num(k) * Expr.X)) : null;

    /// <summary>c when u = c·x with c free of x (1 for x itself), else null.</summary>
    private static Expr? LinearFactor(Expr u)
    {
        if (u is Sym { Name: "x" }) return Expr.One;
        if (u is Op { Kind: Operator.Mul } m && m.Args.Count(a => a is Sym { Name: "x" }) == 1
            && m.Args.Where(a => a is not Sym { Name: "x" }).All(a => !ExprParts.Contains(a, "x")))
        {
            var rest = m.Args.Where(a => a is not Sym { Name: "x" }).ToArray();
            return rest.Length == 1 ? rest[0] : new Op(Operator.Mul, rest);
        }
        return null;
    }

    /// <summary>∫ e dx when every summand of e is a factor times a basic integral, or null.</summary>
    public static Expr? TryIntegrateSum(Expr e) => TryDeriveSum(e, new RuleScope())?.Result;

    /// <summary>∫ e dx within a rule's scope, term by term.</summary>
    public static Expr? TryIntegrateSum(Expr e, RuleScope scope) => TryDeriveSum(e, scope)?.Result;

    /// <inheritdoc cref="TryDeriveSum(Expr, RuleScope)"/>
    public static Step? TryDeriveSum(Expr e) => TryDeriveSum(e, new RuleScope());

    /// <summary>
    /// ∫ e dx as a step when every summand of e is a factor times a basic integral: linearity, with one sub-step per
    /// term (a lone term with factor 1 is its own step), recorded in the asking rule's frame; else null.
    /// </summary>
    public static Step? TryDeriveSum(Expr e, RuleScope scope)
    {
        var parts = new List<(Expr, Step)>();
        using (scope.Open())   // the terms' steps become this step's sub-steps, not the asking rule's
            foreach (var t in Linearity.Split(e))
            {
                if (TryDerive(t.Core, scope) is not { } s) return null;
                parts.Add((t.Factor, s));
            }
        var step = Step.OfSum(e, parts);
        scope.Record(step);
        return step;
    }
}
