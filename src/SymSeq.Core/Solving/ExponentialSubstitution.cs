using System.Numerics;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// ∫ R(e^(k₁x), e^(k₂x), ...) for a rational function R and rational kᵢ, sinh, cosh and tanh of kᵢ·x included (as
/// exponentials), by the substitution t = e^(g·x) with g the largest rational that divides every kᵢ: each e^(kᵢx) is
/// then an integer power of t and dx = dt/(g·t), which leaves a rational function of t for partial fractions
/// (<see cref="RationalIntegrals"/>): 1/(eˣ + 1) = x − ln(eˣ + 1), eˣ/(1 + e²ˣ) = atan(eˣ), sech x. With an exponential
/// under a root, R may hold roots too and the new integrand goes back to the basic rules (√(eˣ − 1) becomes √(t − 1)/t,
/// which <see cref="RadicalSubstitution"/> integrates; 1/√(e²ˣ − 1)). Only for integrands with an exponential or
/// hyperbolic function under a division or a root (products and sums of exponentials have tidier answers from the
/// other rules). Every answer is verified by the caller like any other.
/// </summary>
internal static class ExponentialSubstitution
{
    internal const int MaxSize = 50;

    /// <summary>Largest power of t allowed (the partial fractions' degree is capped too).</summary>
    private const int MaxPower = 8;

    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        var underRoot = HasExponentialUnderRoot(core);
        if (!(underRoot || HasExponentialDenominator(core)) || Rates(core) is not { Count: > 0 } rates) return null;
        var g = Divisor(rates);
        if (rates.Any(k => (k / g).Abs() > new Rational(MaxPower))) return null;
        var t = Expr.X;   // t takes x's place, so the rational machinery in x applies
        Expr T(Rational k) => Expr.Pow(t, new Num(k / g));
        var inT = ExprParts.Substitute(core, n => n switch
        {
            // e^(k·x + c) = e^c·tᵏ/ᵍ: an offset c free of x is a constant factor
            Op { Kind: Operator.Exp, Args: [var a] } when BasicIntegrals.RationalSlope(a) is var (k, c) => E(c) * T(k),
            Op { Kind: Operator.Sinh, Args: [var a] } when BasicIntegrals.RationalSlope(a) is var (k, c) => (E(c) * T(k) - T(-k) / E(c)) / Expr.Two,
            Op { Kind: Operator.Cosh, Args: [var a] } when BasicIntegrals.RationalSlope(a) is var (k, c) => (E(c) * T(k) + T(-k) / E(c)) / Expr.Two,
            Op { Kind: Operator.Tanh, Args: [var a] } when BasicIntegrals.RationalSlope(a) is var (k, c) => (E(c) * T(k) - T(-k) / E(c)) / (E(c) * T(k) + T(-k) / E(c)),
            _ => null,
        });
        if (!Simplifier.TrySimplify(inT / (new Num(g) * t), out var inTSimplified)
            || (underRoot ? BasicIntegrals.TryIntegrateSum(inTSimplified, scope)
                // a constant factor e^c leaves coefficients that are not rational: 1/(t·(e·t + 1)) is a linear denominator's
                : RationalIntegrals.TryIntegrate(inTSimplified) ?? LinearDenominators.TryIntegrate(inTSimplified)) is not { } inTIntegral) return null;
        var exp = Expr.Call(Operator.Exp, g.IsOne ? Expr.X : new Num(g) * Expr.X);
        scope.Note($"t = {exp}: the integral of {inTSimplified} in t (written in x)");
        return Simplifier.SimplifyOrKeep(ExprParts.Substitute(inTIntegral, n => n is Sym { Name: "x" } ? exp : null));
    }

    /// <summary>An exponential or hyperbolic function of x under a division or a negative power, or a tanh.</summary>
    private static bool HasExponentialDenominator(Expr e) =>
        ExprParts.Nodes(e).Any(n => n is Op { Kind: Operator.Tanh }) || ExprParts.HasDenominator(e, d => ExprParts.Nodes(d).Any(IsExponential));

    /// <summary>An exponential or hyperbolic function of x under a square root or another fractional power.</summary>
    private static bool HasExponentialUnderRoot(Expr e) =>
        ExprParts.Nodes(e).Any(n => n is Op { Kind: Operator.Sqrt } or Op { Kind: Operator.Pow, Args: [_, Num { Value.IsInteger: false }] }
            && ExprParts.Nodes(((Op)n)[0]).Any(IsExponential));

    private static bool IsExponential(Expr e) => e is Op { Kind: Operator.Exp or Operator.Sinh or Operator.Cosh or Operator.Tanh } f && ExprParts.Contains(f[0], "x");

    /// <summary>The rates k of every e^(k·x) (and sinh, cosh, tanh of k·x), or null when x occurs anywhere else.</summary>
    private static List<Rational>? Rates(Expr core)
    {
        var rates = ExprParts.ArgumentsHoldingX(core, IsExponential)?.Select(Rate).ToList();
        return rates is null || rates.Any(k => k is null) ? null : rates.Select(k => k!.Value).ToList();
    }

    /// <summary>k when a = k·x + c for a rational k ≠ 0 and a c free of x (x itself: 1), else null.</summary>
    private static Rational? Rate(Expr a) => BasicIntegrals.RationalSlope(a)?.K;

    /// <summary>e^c, the constant factor of e^(k·x + c) (1 when c = 0).</summary>
    private static Expr E(Expr c) => c is Num { Value.IsZero: true } ? Expr.One : Expr.Call(Operator.Exp, c);

    /// <summary>The largest positive rational g with every k/g an integer: gcd of the numerators over lcm of the denominators.</summary>
    private static Rational Divisor(List<Rational> rates)
    {
        BigInteger num = 0, den = 1;
        foreach (var k in rates)
        {
            num = BigInteger.GreatestCommonDivisor(num, BigInteger.Abs(k.Num));
            den = den * k.Den / BigInteger.GreatestCommonDivisor(den, k.Den);
        }
        return new Rational(num, den);
    }
}
