using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// An antiderivative right on part of the line, rewritten to be right wherever the integrand is real. The verifier
/// decides whether a rewrite is right; this only proposes them, each an identity where the original is real:
/// <list type="bullet">
/// <item>ln(u) as ln|u|: the paper's convention ln(u) for u'/u is right only where u &gt; 0; ln|u| has the same
/// derivative u'/u wherever u ≠ 0 (1/x: ln(x) for x &gt; 0, ln|x| everywhere).</item>
/// <item>atanh(u) as (ln|1 + u| − ln|1 − u|)/2 (and acoth likewise): real for |u| &gt; 1 too, where atanh is not
/// (1/(4 − x²): atanh(x/2)/2 only for |x| &lt; 2).</item>
/// <item>√u·√v as √(u·v): one root, real wherever u·v ≥ 0 (x/√(x² − 1): √(x − 1)·√(x + 1) only for x &gt; 1).</item>
/// </list>
/// </summary>
public static class RealForms
{
    /// <summary>The rewrites of an answer, most specific first; none when nothing applies.</summary>
    public static IEnumerable<Expr> Of(Expr answer)
    {
        var merged = MergedRoots(answer);
        var logs = AtanhAsLogs(merged ?? answer);
        var candidates = new List<Expr?> { AbsoluteLogs(logs ?? merged ?? answer), logs, merged, AbsoluteLogs(answer) };
        return candidates.OfType<Expr>().Where(c => !c.Equals(answer)).Distinct();
    }

    /// <summary>Every ln(u) whose argument is not already |v| as ln(|u|), or null when there is none.</summary>
    public static Expr? AbsoluteLogs(Expr answer)
    {
        var changed = false;
        var result = ExprParts.Substitute(answer, n =>
        {
            if (n is not Op { Kind: Operator.Ln } ln || ln[0] is Op { Kind: Operator.Abs }) return null;
            changed = true;
            return new Op(Operator.Ln, new Op(Operator.Abs, AbsoluteLogs(ln[0]) ?? ln[0]));
        });
        return changed ? result : null;
    }

    /// <summary>atanh(u) as (ln(1 + u) − ln(1 − u))/2 and acoth(u) as (ln(u + 1) − ln(u − 1))/2, or null when there is none.</summary>
    public static Expr? AtanhAsLogs(Expr answer)
    {
        var changed = false;
        var result = ExprParts.Substitute(answer, n =>
        {
            if (n is not Op { Kind: Operator.Atanh or Operator.Acoth } f) return null;
            changed = true;
            var u = AtanhAsLogs(f[0]) ?? f[0];
            var (plus, minus) = f.Kind == Operator.Atanh ? (Expr.One + u, Expr.One - u) : (u + Expr.One, u - Expr.One);
            return (new Op(Operator.Ln, plus) - new Op(Operator.Ln, minus)) / Expr.Two;
        });
        return changed ? result : null;
    }

    /// <summary>Each product with two or more square roots among its factors, with them merged into one, or null when there is none.</summary>
    public static Expr? MergedRoots(Expr answer)
    {
        var changed = false;
        var result = ExprParts.Substitute(answer, n =>
        {
            if (n is not Op { Kind: Operator.Mul } m) return null;
            var roots = m.Args.Where(a => a is Op { Kind: Operator.Sqrt }).ToList();
            if (roots.Count < 2) return null;
            changed = true;
            var inside = ExprParts.Product(roots.Select(r => MergedRoots(((Op)r)[0]) ?? ((Op)r)[0]).ToList());
            var rest = m.Args.Where(a => a is not Op { Kind: Operator.Sqrt }).Select(a => MergedRoots(a) ?? a).ToList();
            rest.Add(new Op(Operator.Sqrt, inside));
            return ExprParts.Product(rest);
        });
        return changed ? result : null;
    }
}
