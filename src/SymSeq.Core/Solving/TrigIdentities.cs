using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// The last resort of the basic rules: one trigonometric identity applied where it opens a rule, the result
/// multiplied out and given back to the rules term by term.
/// <list type="bullet">
/// <item>Squares of tangents inside a product (a lone power is <see cref="TrigPowers"/>'): tan²u = cos⁻²u − 1,
/// cot²u = sin⁻²u − 1, tanh²u = 1 − cosh⁻²u, coth²u = 1 + sinh⁻²u, so x·tan²x becomes x·sec²x − x (by parts);</item>
/// <item>double and triple angles next to functions of the single angle (sin 3u = 3·sin u − 4·sin³u, cos 3u = 4·cos³u − 3·cos u): sin 2u = 2·sin u·cos u, cos 2u = 1 − 2·sin²u (2·cos²u − 1
/// when no sin u is there) and their hyperbolic twins, so sin 2x·e^(sin x) becomes 2·sin x·cos x·e^(sin x)
/// (the change of variable t = sin x).</item>
/// </list>
/// Each step removes a square or a double angle, so the rewriting ends; the depth is capped all the same. Every answer
/// is verified by the caller like any other.
/// </summary>
internal static class TrigIdentities
{
    /// <summary>Largest integrand tried (nodes), and the most identities applied one inside another.</summary>
    internal const int MaxSize = 40, MaxDepth = 3;

    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        if (Rewrite(core) is not { } rewritten) return null;
        try
        {
            return Simplifier.TrySimplify(rewritten, out var simple) && Simplifier.TrySimplify(Linearity.Distribute(simple), out var expanded)
                && !expanded.Equals(core)
                ? Rewritten(expanded, scope)
                : null;
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }

    private static Expr? Rewritten(Expr expanded, RuleScope scope)
    {
        scope.Note($"rewritten as {expanded}");
        return BasicIntegrals.TryIntegrateSum(expanded, scope);
    }

    /// <summary>The integrand with one identity applied (squares of tangents first), or null when none applies.</summary>
    internal static Expr? Rewrite(Expr core) => TangentSquare(core) ?? DoubleAngle(core);

    private static Expr? TangentSquare(Expr core)
    {
        if (core is not Op { Kind: Operator.Mul or Operator.Div }) return null;
        var target = ExprParts.Nodes(core).FirstOrDefault(n => n is Op { Kind: Operator.Pow, Args: [Op { Kind: Operator.Tan or Operator.Tanh, Args: [var u] }, Num { Value: { IsInteger: true } k }] }
            && k.Abs() >= new Rational(2) && ExprParts.Contains(u, "x"));
        if (target is not Op { Args: [Op { Args: [var arg] } fn, Num { Value: var n }] }) return null;
        var hyperbolic = fn.Kind == Operator.Tanh;
        var positive = n.Sign > 0;
        // tan² = cos⁻² − 1, tan⁻² = sin⁻² − 1, tanh² = 1 − cosh⁻², tanh⁻² = sinh⁻² + 1
        var partner = (hyperbolic, positive) switch
        {
            (false, true) => Operator.Cos,
            (false, false) => Operator.Sin,
            (true, true) => Operator.Cosh,
            _ => Operator.Sinh,
        };
        var reciprocal = Expr.Pow(Expr.Call(partner, arg), Expr.Int(-2));
        var square = (hyperbolic, positive) switch
        {
            (false, _) => reciprocal - Expr.One,
            (true, true) => Expr.One - reciprocal,
            _ => reciprocal + Expr.One,
        };
        var lower = n - new Rational(2 * n.Sign);
        Expr replacement = lower.IsZero ? square : Expr.Pow(fn, new Num(lower)) * square;
        return ExprParts.Substitute(core, e => ReferenceEquals(e, target) ? replacement : null);
    }

    private static Expr? DoubleAngle(Expr core)
    {
        var calls = ExprParts.Nodes(core).OfType<Op>().Where(o => o.Kind is Operator.Sin or Operator.Cos or Operator.Tan or Operator.Sinh or Operator.Cosh or Operator.Tanh
            && ExprParts.Contains(o[0], "x")).ToList();
        foreach (var twice in calls.Where(o => o.Kind is Operator.Sin or Operator.Cos or Operator.Sinh or Operator.Cosh))
        {
            var hyperbolic = twice.Kind is Operator.Sinh or Operator.Cosh;
            foreach (var once in calls.Where(o => !ReferenceEquals(o, twice) && (o.Kind is Operator.Sinh or Operator.Cosh or Operator.Tanh) == hyperbolic))
            {
                var k = IsMultiple(twice[0], once[0], 2) ? 2 : IsMultiple(twice[0], once[0], 3) ? 3 : 0;
                if (k == 0) continue;
                var u = once[0];
                var sin = Expr.Call(hyperbolic ? Operator.Sinh : Operator.Sin, u);
                var cos = Expr.Call(hyperbolic ? Operator.Cosh : Operator.Cos, u);
                var hasSin = calls.Any(o => o.Kind == (hyperbolic ? Operator.Sinh : Operator.Sin) && o[0].Equals(u));
                // triple angles: sin 3u = 3 sin u − 4 sin³u, cos 3u = 4 cos³u − 3 cos u (sinh 3u = 3 sinh u + 4 sinh³u)
                if (k == 3)
                    return ExprParts.Substitute(core, e => ReferenceEquals(e, twice)
                        ? twice.Kind is Operator.Sin or Operator.Sinh
                            ? Expr.Int(3) * sin + Expr.Int(hyperbolic ? 4 : -4) * Expr.Pow(sin, Expr.Int(3))
                            : Expr.Int(4) * Expr.Pow(cos, Expr.Int(3)) - Expr.Int(3) * cos
                        : null);
                Expr replacement = twice.Kind is Operator.Sin or Operator.Sinh
                    ? Expr.Two * sin * cos
                    : hasSin
                        ? (hyperbolic ? Expr.One + Expr.Two * Expr.Pow(sin, Expr.Two) : Expr.One - Expr.Two * Expr.Pow(sin, Expr.Two))
                        : Expr.Two * Expr.Pow(cos, Expr.Two) - Expr.One;
                return ExprParts.Substitute(core, e => ReferenceEquals(e, twice) ? replacement : null);
            }
        }
        return null;
    }

    /// <summary>Whether a = k·b (checked by simplifying a − k·b to zero).</summary>
    private static bool IsMultiple(Expr a, Expr b, int k) =>
        Simplifier.TrySimplify(a - Expr.Int(k) * b, out var difference) && difference is Num { Value.IsZero: true };
}
