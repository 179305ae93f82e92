using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// The solved form of an ODE: "Y^(n) - R" with R simplified, when the equation is linear in its highest derivative
/// Y^(n). Every ODE the generators make is of that kind: eliminating a constant c from F(x, c) = Y gives
/// d/dx g(x, Y) = g_x + g_Y·Y' = 0, linear in Y' (and likewise Y'' for the second constant).
///
/// The point is invariance. The same ODE is written in many ways: times an integer or e^(x²), with denominators
/// cleared or not, expanded or factored. The paper's data keeps factors that SymSeq's dropped, and users type any of
/// these. Dividing by the coefficient of Y^(n) removes every such difference at once: for E = A·Y^(n) + B,
/// R = −B/A is the same function however E was scaled, so the model sees one form per equation.
///
/// Example: (x² + 1)·Y' − 2x·Y and 3·e^x·Y' − 6x·e^x·Y/(x² + 1) both become Y' − 2x·Y/(x² + 1).
/// Dividing by A is safe for the verifier's meaning: a solution of E = 0 where A ≠ 0 solves Y^(n) = R, and A
/// vanishes only at isolated points for the equations that reach here (A ≡ 0 is refused).
/// </summary>
public static class SolvedForm
{
    /// <summary>The solved form, or null when the equation is not linear in its highest derivative (or A ≡ 0).</summary>
    public static Expr? TryOf(Expr equation, TimeSpan? budget = null)
    {
        // Taken again from its own result until it stops changing (at most three times), so that the form is a
        // fixed point: the simplifier does not always reach the same form from an unsimplified derivative as from
        // the simplified equation it leads to.
        var solved = TryOnce(equation, budget);
        for (var round = 0; round < 2 && solved is not null; round++)
        {
            var again = TryOnce(solved, budget);
            if (again is null || again == solved) break;
            solved = again;
        }
        return solved;
    }

    private static Expr? TryOnce(Expr equation, TimeSpan? budget)
    {
        var order = HighestOrder(equation);
        if (order < 1 || ExprParts.Contains(equation, Placeholder)) return null;
        // Y^(n) as the symbol t, so that A = dE/dt (every other unknown a constant) and B = E at t = 0.
        var t = new Sym(Placeholder);
        var e = ExprParts.Substitute(equation, n => n is Unknown u && u.Order == order ? t : null);
        if (!Simplifier.TrySimplify(Derivative.Of(e, Placeholder), out var a, budget)) return null;
        if (ExprParts.Contains(a, Placeholder) || a is Num { Value.IsZero: true }) return null; // not linear in Y^(n), or not shown to be
        var b = ExprParts.Substitute(e, n => n is Sym { Name: Placeholder } ? Expr.Zero : null);
        if (!Simplifier.TrySimplify(new Num(-1) * b / a, out var rhs, budget)) return null;
        // Multiplied out at the top (never inside functions or denominators), so that factors a rewriting put on
        // every term cancel term by term: 4·(x/2 + Y/2)/x and 2 + 2·Y/x are one form. Repeated while it changes,
        // since simplifying a product can make a new product of a sum.
        for (var round = 0; round < 3 && DistributeTop(rhs) is { } spread; round++)
        {
            if (!Simplifier.TrySimplify(spread, out var distributed, budget) || distributed == rhs) break;
            rhs = distributed;
        }
        return new Op(Operator.Sub, new Unknown(order), rhs);
    }

    /// <summary>Most terms the top-level distribution may make.</summary>
    private const int MaxTerms = 24;

    /// <summary>A product with sums among its factors as the sum of products (one level, not inside functions), or null.</summary>
    private static Expr? DistributeTop(Expr e)
    {
        if (e is Op { Kind: Operator.Add } sum)
        {
            var parts = sum.Args.Select(t => DistributeTop(t) ?? t).ToArray();
            return parts.Any(p => p is Op { Kind: Operator.Add }) && parts.Length <= MaxTerms ? ExprParts.Sum(parts) : null;
        }
        if (e is not Op { Kind: Operator.Mul or Operator.Div } || !Factors(e).Any(f => f is Op { Kind: Operator.Add })) return null;
        List<Expr> terms = [Expr.One];
        foreach (var factor in Factors(e))
        {
            var addends = factor is Op { Kind: Operator.Add } s ? s.Args.ToArray() : [factor];
            if (terms.Count * addends.Length > MaxTerms) return null;
            terms = [.. terms.SelectMany(t => addends.Select(a => t * a))];
        }
        return ExprParts.Sum(terms);
    }

    /// <summary>The factors of a product, a divisor as its reciprocal: a/(b·c) gives a, b^-1, c^-1.</summary>
    private static IEnumerable<Expr> Factors(Expr e) => e switch
    {
        Op { Kind: Operator.Mul } m => m.Args.SelectMany(Factors),
        Op { Kind: Operator.Div } d => Factors(d[0]).Append(new Op(Operator.Pow, d[1], new Num(-1))),
        _ => [e],
    };

    /// <summary>A variable no ODE of SymSeq's uses, standing for Y^(n) while A and B are taken apart.</summary>
    private const string Placeholder = "t";

    private static int HighestOrder(Expr e) =>
        ExprParts.Nodes(e).OfType<Unknown>().Select(u => u.Order).DefaultIfEmpty(-1).Max();
}
