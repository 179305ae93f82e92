using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Accepts a solution y(x) of an ODE F(x, Y, Y', Y'') = 0 when it is a general solution — it has as many
/// arbitrary constants (a0..a9) as the equation's order, and they are independent (<see cref="ConstantIndependence"/>:
/// a8·eˣ + a9·eˣ is one constant under two names) — and substituting it (and its derivatives) makes the
/// equation vanish (<see cref="Residual"/>: symbolically, else at random points for random values of the constants,
/// term by term, so that terms cancelling only to rounding are told apart from a residual that is really 0).
/// </summary>
public static class OdeVerifier
{
    public static Verdict Check(Expr equation, Expr solution, TimeSpan? budget = null) => Verdict.Guard(() =>
    {
        if (ExprParts.ContainsUnknown(solution)) return Verdict.Reject("the solution mentions the unknown function");
        var order = ExprParts.Nodes(equation).OfType<Unknown>().Select(u => u.Order).DefaultIfEmpty(0).Max();
        var names = ExprParts.Nodes(solution).OfType<Sym>().Where(s => s.IsCoefficient).Select(s => s.Name).Distinct().ToList();
        var constants = names.Count;
        if (constants < order)
            return Verdict.Reject($"not a general solution: it has {constants} arbitrary constant{(constants == 1 ? "" : "s")}, an order-{order} equation needs {order}");
        var d1 = Derivative.Of(solution);
        var derivatives = new[] { solution, d1, Derivative.Of(d1) };
        if (order > 0 && ConstantIndependence.Check(derivatives[..order], names) == false)
            return Verdict.Reject($"not a general solution: its constants ({string.Join(", ", names)}) act as fewer than the {order} an order-{order} equation needs");
        var substituted = ExprParts.Substitute(equation, n => n is Unknown u ? derivatives[u.Order] : null);
        // Right wherever the solution and the equation it gives are real: a solution is local (sqrt(x + a8) lives on
        // x > -a8), but where it is defined it must solve the equation (a8*sqrt(x^2) for y' = y/sqrt(x^2) does not for x < 0).
        var verdict = Residual.Judge(substituted, budget ?? TimeSpan.FromMilliseconds(500),
            "the equation = 0", "the equation does not vanish", domain: [solution, substituted]);
        // A real equation asks for a real solution: one that is real at no real x for any real constants (c·x with
        // c = sqrt(a8 + 1.4i)) solves it only in the complex plane, which is not what was asked.
        if (verdict.Accepted && !NumericEquivalence.IsRealSomewhere(solution) && NumericEquivalence.IsRealSomewhere(WithRealUnknowns(equation)))
            return Verdict.Reject($"the solution is not real at any real x for real constants, though the equation is ({verdict.Reason})");
        return verdict;
    });

    /// <summary>The equation with y, y', y'' replaced by real numbers: real somewhere when its coefficients are.</summary>
    private static Expr WithRealUnknowns(Expr equation) =>
        ExprParts.Substitute(equation, n => n is Unknown u ? new Num(new Rational(7 + 3 * u.Order, 10)) : null);
}
