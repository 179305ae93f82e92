using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Decides whether a residual (d/dx answer - integrand, or an ODE with the solution substituted) is identically 0.
/// <list type="number">
/// <item>Symbolically: its canonical form is 0 (verified) or a nonzero number (rejected).</item>
/// <item>Numerically on that canonical form, where equal terms have already cancelled exactly, at points where every
/// term is at most 2^30: a wrong answer's difference of order 1 (F + x gives 1) is then at least 1e-9 of the terms,
/// far above their rounding, while a term like exp(20) x^4 stays checkable.</item>
/// <item>When no point could decide (terms too large everywhere, as in exp(4π²(x + 3)²)): symbolically on that
/// canonical form multiplied out (<see cref="Expansion"/>; the canonical form keeps 4(2x + 6)π² and 8(x + 3)π² apart),
/// within the same budget.</item>
/// <item>Numerically on the residual as written (when simplification ran out of time or could not decide), with
/// terms capped at 2^20.</item>
/// </list>
/// Numerically, a sum vanishes when its terms cancel (<see cref="NumericEquivalence.Vanishes"/>), or its terms with
/// |u| or sign(u) on the real line and the rest on some region (<see cref="SumVanishes"/>); a product or
/// quotient vanishes when one factor of it (its numerator) does; a positive power when its base does.
/// </summary>
public static class Residual
{
    private static readonly NumericEquivalence.Options Simplified = NumericEquivalence.Default with { MaxLog2Magnitude = 30 };

    /// <param name="domain">The problem (integrand or equation): where it is real, the answer must be right (see <see cref="NumericEquivalence.Options.Domain"/>).</param>
    /// <param name="required">What must be real and defined wherever the problem is: the answer itself.</param>
    public static Verdict Judge(Expr residual, TimeSpan budget, string equal, string different,
        IReadOnlyList<Expr>? domain = null, IReadOnlyList<Expr>? required = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var simplified = Simplified with { Domain = domain, Required = required };
        var asWritten = NumericEquivalence.Default with { Domain = domain, Required = required };
        if (Simplifier.TrySimplify(residual, out var d, budget))
        {
            if (Symbolic(d, equal, different, "simplifies") is { } verdict) return OnTheDomain(verdict, simplified);
            var r = Vanishes(d, simplified);
            if (r.Verdict != Equivalence.Inconclusive) return Verdict.FromComparison(r, equal, different);
            if (budget - clock.Elapsed is { Ticks: > 0 } left && MultipliedOut(d, left) is { } expanded
                && Symbolic(expanded, equal, different, "multiplied out simplifies") is { } byExpansion)
                return OnTheDomain(byExpansion, simplified);
        }
        return Verdict.FromComparison(Vanishes(residual, asWritten), equal, different);
    }

    /// <summary>
    /// A residual that simplifies to 0 vanishes wherever it is defined; the answer must also be real and defined
    /// wherever the problem is (ln(x) for 1/x is not, for x &lt; 0), else the verdict holds on part of the line only.
    /// </summary>
    private static Verdict OnTheDomain(Verdict symbolic, NumericEquivalence.Options o)
    {
        if (!symbolic.Accepted || o.Domain is null || o.Required is null) return symbolic;
        var defined = NumericEquivalence.Vanishes([Expr.One, Expr.MinusOne], o);
        return defined.Verdict == Equivalence.EqualOnPart
            ? Verdict.OnPart(defined.Where, $"{symbolic.Reason}, but the answer is real and defined {defined.Where} only, and the problem beyond")
            : defined.Verdict == Equivalence.Different
                ? Verdict.Reject($"the answer is not real at the real points where the problem is defined ({symbolic.Reason})")
                : symbolic;
    }

    /// <summary>The canonical form of d multiplied out, or null when that runs past the budget (both steps share it).</summary>
    private static Expr? MultipliedOut(Expr d, TimeSpan budget)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var stop = new CancellationTokenSource(budget);
        Expr expanded;
        try { expanded = Expansion.Expand(d, stop.Token); }
        catch (OperationCanceledException) { return null; }
        return budget - clock.Elapsed is { Ticks: > 0 } left && Simplifier.TrySimplify(expanded, out var s, left) ? s : null;
    }

    private static Verdict? Symbolic(Expr d, string equal, string different, string how) => d is Num n
        ? n.Value.IsZero ? Verdict.Accept($"symbolic: {equal} (the difference {how} to 0)")
            : Verdict.Reject($"{different}: the difference {how} to the constant {n.Value}")
        : null;

    /// <summary>
    /// A sum vanishes when its terms cancel; or, failing that, when the terms with |u| or sign(u) cancel at every real
    /// point that decides and the others cancel on some region by themselves. An answer may hold on an interval only
    /// (x = (2x³)^(1/3)/∛2 for x &gt; 0 on principal branches), which the complex plane confirms; beside |u|, analytic
    /// nowhere off the real line, that fallback fails for the sum as a whole, though each part vanishes where the other
    /// does. The terms with |u| get no complex fallback, so |x| against x²/2 is still rejected.
    /// </summary>
    private static EquivalenceResult SumVanishes(IReadOnlyList<Expr> terms, NumericEquivalence.Options o)
    {
        var whole = NumericEquivalence.Vanishes(terms, o);
        if (whole.IsEqual) return whole;
        var nonAnalytic = terms.Where(t => ExprParts.Nodes(t).Any(n => n is Op { Kind: Operator.Abs or Operator.Sign })).ToArray();
        if (nonAnalytic.Length == 0 || nonAnalytic.Length == terms.Count) return whole;
        var onTheLine = NumericEquivalence.Vanishes(nonAnalytic, o with { AllowComplex = false });
        if (!onTheLine.IsEqual) return whole;
        var rest = NumericEquivalence.Vanishes(terms.Except(nonAnalytic).ToArray(), o);
        return rest.IsEqual
            ? rest with { PointsTried = onTheLine.PointsTried + rest.PointsTried, PointsUsed = onTheLine.PointsUsed + rest.PointsUsed,
                          WorstError = Math.Max(onTheLine.WorstError, rest.WorstError),
                          Where = $"(the terms with |u| or sign(u) at real points, the others {(rest.Where == "" ? "at real points" : rest.Where)})" }
            : whole;
    }

    private static EquivalenceResult Vanishes(Expr e, NumericEquivalence.Options o)
    {
        switch (e)
        {
            case Op { Kind: Operator.Add } sum:
                return SumVanishes(sum.Args, o);
            case Op { Kind: Operator.Sub } sub:
                return SumVanishes([sub[0], new Op(Operator.Mul, Expr.MinusOne, sub[1])], o);
            case Op { Kind: Operator.Div } div:
                return Vanishes(div[0], o);
            case Op { Kind: Operator.Pow } pow when pow[1] is Num { Value.Sign: > 0 }:
                return Vanishes(pow[0], o);
            case Op { Kind: Operator.Mul } product:
            {
                // Some factor must vanish: the first that does decides; otherwise the most informative outcome.
                EquivalenceResult? different = null, inconclusive = null, onPart = null;
                foreach (var f in product.Args)
                {
                    if (f is Num) continue;
                    var r = Vanishes(f, o);
                    if (r.IsEqual) return r;
                    if (r.Verdict == Equivalence.EqualOnPart) onPart ??= r;
                    else if (r.Verdict == Equivalence.Different) different ??= r; else inconclusive ??= r;
                }
                return onPart ?? inconclusive ?? different ?? new EquivalenceResult(Equivalence.Different, 0, 0, 1);
            }
            default:
                return NumericEquivalence.Vanishes([e], o);
        }
    }
}
