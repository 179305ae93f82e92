using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// The two problem kinds of SymSeq's datasets, both written as an expression that must vanish: integration of f
/// is "Y' - f" (f free of Y), anything else containing Y is an ODE. Shared by search, training and the CAS baselines.
/// </summary>
public static class Problems
{
    public enum Kind { Integral, Ode }

    public static Kind KindOf(Expr problem) => TryIntegrand(problem, out _) ? Kind.Integral : Kind.Ode;

    /// <summary>f when <paramref name="problem"/> is "Y' - f".</summary>
    public static bool TryIntegrand(Expr problem, out Expr integrand)
    {
        if (problem is Op { Kind: Operator.Sub } s && s[0] is Unknown { Order: 1 } && !ExprParts.ContainsUnknown(s[1]))
        {
            integrand = s[1];
            return true;
        }
        integrand = problem;
        return false;
    }

    /// <summary>Checks an answer against its problem: an antiderivative of f for "Y' - f", or a solution of the ODE.</summary>
    public static Verdict Verify(Expr problem, Expr answer) => TryIntegrand(problem, out var f)
        ? IntegralVerifier.Check(f, answer)
        : OdeVerifier.Check(problem, answer);

    /// <summary>
    /// Checks an answer as <see cref="Verify"/> does, and when it is right on part of the line only, its real form
    /// (<see cref="RealForms"/>: ln|u| for ln u, ...) too: the answer to report, and its verdict. An answer right only
    /// on part of the line, with no rewrite that is right everywhere, keeps its <see cref="VerdictKind.Partial"/> verdict.
    /// </summary>
    public static (Expr Answer, Verdict Verdict) VerifyEverywhere(Expr problem, Expr answer)
    {
        var verdict = Verify(problem, answer);
        // Rejected too: an answer undefined at every point of the problem's domain (ln(x - 1) beside atanh(x), real
        // for |x| < 1 only) has no interval where it is right, yet its real form may be right everywhere.
        if (verdict.Kind is VerdictKind.Verified or VerdictKind.Uncheckable || !TryIntegrand(problem, out _)) return (answer, verdict);
        (Expr, Verdict)? undecided = null;
        foreach (var real in RealForms.Of(answer))
        {
            var v = Verify(problem, real);
            if (v.Accepted) return (real, v);
            // Rejected as written (ln of a negative where the problem is real) but uncheckable in its real form (the
            // problem too large there to tell): not shown as wrong, since nothing shows it wrong; not verified either.
            if (v.Uncheckable && verdict.Kind == VerdictKind.Rejected) undecided ??= (real, v);
        }
        return undecided ?? (answer, verdict);
    }

    /// <summary>
    /// The one canonical form of a problem, the form the generators write and the model reads: "Y' - f" with f
    /// simplified, or an ODE in its solved form "Y^(n) - R" (<see cref="SolvedForm"/>) when it is linear in its highest
    /// derivative, else simplified with its non-vanishing Y-free factors dropped. Every front end (integrate,
    /// solve, evaluate, compare, verify) feeds the model this form, whatever form the user or a dataset wrote.
    /// Throws <see cref="UndefinedExpressionException"/> for an undefined problem (1/0) and
    /// <see cref="SymbolicTimeoutException"/> past the budget.
    /// </summary>
    public static Expr Canonical(Expr problem, TimeSpan? budget = null)
    {
        if (TryIntegrand(problem, out var f)) return new Op(Operator.Sub, new Unknown(1), Simplifier.Simplify(f, budget));
        var factorsDropped = FactorsDropped(problem, budget);
        // The solved form, unless dividing by the coefficient of Y^(n) blows the equation up (an ODE2 of 300 tokens
        // became 7,000 once): then the form with non-vanishing factors dropped, which every model also reads.
        return SolvedForm.TryOf(problem, budget) is { } solved && solved.Size <= 2 * factorsDropped.Size + 16 ? solved : factorsDropped;
    }

    /// <summary>
    /// An ODE simplified with its non-vanishing Y-free factors dropped: the canonical form of models trained before the
    /// solved form, which the search also feeds the model (<see cref="ModelInputs"/>).
    /// </summary>
    public static Expr FactorsDropped(Expr problem, TimeSpan? budget = null) => DropNonvanishingFactors(Simplifier.Simplify(problem, budget));

    /// <summary>
    /// The forms of a problem the model reads, distinct, canonical first: an integral canonical and multiplied out
    /// (<see cref="Expanded"/>); an ODE canonical, with its factors dropped as written, and over one denominator
    /// (<see cref="OverOneDenominator"/>). One problem is written many ways, and each form gives the model another
    /// chance to meet the way it was trained on.
    /// </summary>
    public static IReadOnlyList<Expr> ModelInputs(Expr problem, TimeSpan? budget = null)
    {
        var canonical = Canonical(problem, budget);
        if (KindOf(problem) == Kind.Integral)
            return Expanded(canonical, budget) is { } expanded && !expanded.Equals(canonical) ? [canonical, expanded] : [canonical];
        var forms = new List<Expr> { canonical, FactorsDropped(problem, budget) };
        if (OverOneDenominator(canonical, budget) is { } rational) forms.Add(rational);
        return forms.Distinct().ToList();
    }

    /// <summary>
    /// An ODE in canonical form written over one denominator (<see cref="RationalForm"/>): "Y^(n) - N/D" with N and D
    /// multiplied out for a solved form, else the equation's numerator N (its denominators cleared). SymPy writes
    /// y' = y/(x·ln(x + 1) + ln(x + 1)) where SymSeq's canonical form is y' = y/((x + 1)·ln(x + 1)); here both read the
    /// same. Null past the budget or when the form more than doubles the length.
    /// </summary>
    public static Expr? OverOneDenominator(Expr canonical, TimeSpan? budget = null)
    {
        var limit = budget ?? TimeSpan.FromMilliseconds(500);
        try
        {
            var form = canonical is Op { Kind: Operator.Sub, Args: [Unknown { Order: > 0 } highest, var rest] } && !ExprParts.Nodes(rest).Any(n => n is Unknown u && u.Order >= highest.Order)
                ? RationalForm.Of(rest, limit) is { } r ? new Op(Operator.Sub, highest, r) : null
                : RationalForm.Of(canonical, limit) is { } whole ? Numerator(whole) : null;
            return form is not null && ExprParts.ContainsUnknown(form) && form.Size <= 2 * canonical.Size + 16 ? form : null;
        }
        catch (UndefinedExpressionException) { return null; }

        static Expr Numerator(Expr e) => e is Op { Kind: Operator.Mul, Args: [var n, Op { Kind: Operator.Pow, Args: [_, Num { Value.Sign: < 0 }] }] } ? n : e;
    }

    /// <summary>
    /// "Y' - f" with f multiplied out and simplified: a second form the model reads, since one function is written
    /// many ways and the canonical form does not undo them all (the paper's SymPy writes 4(x + 1)(3x + 1) where
    /// SymSeq's derivative gives 4(x(2x + 2) + (x + 1)²); multiplied out, both are 12x² + 16x + 4). Null when
    /// multiplying out runs past the budget or more than doubles the length.
    /// </summary>
    public static Expr? Expanded(Expr canonical, TimeSpan? budget = null)
    {
        if (!TryIntegrand(canonical, out var f)) return null;
        try
        {
            return Expansion.Multiplied(f, budget ?? TimeSpan.FromMilliseconds(500), budget) is { } g && g.Size <= 2 * f.Size + 16
                ? new Op(Operator.Sub, new Unknown(1), g) : null;
        }
        catch (UndefinedExpressionException) { return null; }
    }

    /// <summary>Drops factors of an equation that cannot vanish and do not involve Y: numbers, exp(u), powers of Y-free terms.</summary>
    public static Expr DropNonvanishingFactors(Expr equation)
    {
        if (equation is not Op { Kind: Operator.Mul } m) return equation;
        var kept = m.Args.Where(f => ExprParts.ContainsUnknown(f) || f is not (Num or Op { Kind: Operator.Exp or Operator.Pow })).ToArray();
        return ExprParts.Product(kept);
    }

    /// <summary>
    /// "Y' - f" for a user's integrand, checked the same way by every front end: free of the unknown function and
    /// defined. Throws <see cref="ArgumentException"/> or <see cref="UndefinedExpressionException"/>.
    /// </summary>
    public static Expr ForIntegrand(Expr integrand)
    {
        if (ExprParts.ContainsUnknown(integrand)) throw new ArgumentException("an integrand may not contain y or f(x); use solve for an ODE");
        var problem = new Op(Operator.Sub, new Unknown(1), integrand);
        Canonical(problem); // throws for undefined input
        return problem;
    }

    /// <summary>A user's ODE, checked: it mentions the unknown, is defined, and does not simplify away.</summary>
    public static Expr ForEquation(Expr equation)
    {
        if (!ExprParts.ContainsUnknown(equation)) throw new ArgumentException("the equation does not mention y, y' or y''");
        var canonical = Canonical(equation);
        if (!ExprParts.ContainsUnknown(canonical)) throw new ArgumentException($"the equation simplifies to {canonical}: it does not constrain y");
        if (!ExprParts.Nodes(canonical).Any(n => n is Unknown { Order: > 0 }))
            throw new ArgumentException($"{canonical} = 0 has no derivative of y: it is not a differential equation");
        return equation;
    }

    /// <summary>
    /// A problem as a person writes it, the way <c>evaluate</c> reads a plain list: an equation in y when the text
    /// mentions y (or has an =), checked as <see cref="ForEquation"/> does, else an integrand in x
    /// (<see cref="ForIntegrand"/>). Throws <see cref="ExprParseException"/>, <see cref="ArgumentException"/> or
    /// <see cref="UndefinedExpressionException"/>.
    /// </summary>
    public static Expr Parse(string text)
    {
        var equation = InfixParser.ParseEquation(text);
        return ExprParts.ContainsUnknown(equation) || text.Contains('=') ? ForEquation(equation) : ForIntegrand(equation);
    }

    /// <summary>
    /// "Y' - f" when an equation is an integration problem in another form (SymPy's "Derivative(f(x), x) - f",
    /// "y' = f"): Y' with coefficient 1 and no other unknown. Otherwise the equation itself.
    /// </summary>
    public static Expr AsIntegrationWhenItIs(Expr equation, TimeSpan? budget = null)
    {
        if (TryIntegrand(equation, out _) || !ExprParts.ContainsUnknown(equation)) return equation;
        var f = Simplifier.Simplify(new Op(Operator.Sub, new Unknown(1), equation), budget);
        return ExprParts.ContainsUnknown(f) ? equation : new Op(Operator.Sub, new Unknown(1), f);
    }

    /// <summary>"Y' - f" with f in canonical form, the way the generators write integration problems.</summary>
    public static Expr Integration(Expr integrand) =>
        new Op(Operator.Sub, new Unknown(1), Simplifier.SimplifyOrKeep(integrand));
}
