using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Powers with x in the exponent, a^u for a positive constant a or a base with x in it (x^x), written as exponentials
/// e^(u·ln a) and given back to the rules: 2^x·3^x becomes e^(x·ln 2 + x·ln 3), a table integral, and
/// x^x·(1 + ln x) becomes e^(x·ln x)·(1 + ln x), where the derivative divides. A lone a^u of an affine u is the
/// table's, so this runs only after the other rules. In the answer, e^(k·ln a) is written back as a^k for the bases
/// that were rewritten. x^x = e^(x·ln x) holds where x &gt; 0; every answer is verified by the caller like any other.
/// </summary>
internal static class VariablePowers
{
    /// <summary>Largest integrand tried (nodes).</summary>
    internal const int MaxSize = 40;

    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        // the rewritten integrand has no variable powers left, but the driver keeps the depth at one all the same
        var bases = new HashSet<Expr>();
        var rewritten = ExprParts.Substitute(core, e =>
        {
            if (e is not Op { Kind: Operator.Pow, Args: [var a, var u] } || !ExprParts.Contains(u, "x")
                || !(ExprParts.Contains(a, "x") || BasicIntegrals.IsPositiveBase(a))) return null;
            bases.Add(a);
            return Expr.Call(Operator.Exp, u * Expr.Call(Operator.Ln, a));
        });
        if (bases.Count == 0) return null;
        try
        {
            if (!Simplifier.TrySimplify(rewritten, out var simple) || simple.Equals(core) || BasicIntegrals.TryIntegrateSum(simple, scope) is not { } answer)
                return null;
            return ExprParts.Substitute(answer, e => e is Op { Kind: Operator.Exp } exp ? AsPowers(exp[0], bases) : null);
        }
        catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
        {
            return null;
        }
    }

    /// <summary>
    /// e^s with every term k·ln a of s (a one of the bases) written a^k: e^(x·ln 2) is 2^x, e^(x + x·ln 2) is 2^x·e^x.
    /// Null when no term is of that form.
    /// </summary>
    internal static Expr? AsPowers(Expr s, IReadOnlySet<Expr> bases)
    {
        var terms = ExprParts.Terms(s);
        var powers = new List<Expr>(terms.Length);
        var others = new List<Expr>();
        foreach (var term in terms)
        {
            var factors = term is Op { Kind: Operator.Mul } m ? m.Args.ToArray() : [term];
            var logs = factors.Where(f => f is Op { Kind: Operator.Ln } ln && bases.Contains(ln[0])).ToArray();
            if (logs is not [Op { Args: [var a] } log])
            {
                others.Add(term);
                continue;
            }
            var rest = factors.Where(f => !ReferenceEquals(f, log)).ToArray();
            powers.Add(rest switch
            {
                [] => a,
                [var k] => Expr.Pow(a, k),
                _ => Expr.Pow(a, new Op(Operator.Mul, rest)),
            });
        }
        if (powers.Count == 0) return null;
        if (others.Count > 0) powers.Add(Expr.Call(Operator.Exp, others.Count == 1 ? others[0] : new Op(Operator.Add, others.ToArray())));
        return powers.Count == 1 ? powers[0] : new Op(Operator.Mul, powers.ToArray());
    }
}
