using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>Exponentials of sums with logarithms in them, taken apart for the ODE rules' next step.</summary>
internal static class ExpOfLogs
{
    /// <summary>e^(a + k·ln u) written e^a·u^k for integers k (exact: e^(ln u) = u for every u ≠ 0), so that p = e^(a8 + ln x) reads a8-times-x for the next step.</summary>
    public static Expr Apart(Expr e) => ExprParts.Substitute(e, n =>
    {
        if (n is not Op { Kind: Operator.Exp } exp) return null;
        var logs = new List<Expr>();
        var rest = new List<Expr>();
        foreach (var t in ExprParts.Terms(exp[0]))
            if (t is Op { Kind: Operator.Ln } ln) logs.Add(Apart(ln[0]));
            else if (t is Op { Kind: Operator.Mul } m && m.Args.Length == 2 && m[0] is Num { Value.IsInteger: true } && m[1] is Op { Kind: Operator.Ln } kln)
                logs.Add(Expr.Pow(Apart(kln[0]), m[0]));
            else rest.Add(t);
        if (logs.Count == 0) return null;
        var factors = logs.ToList();
        if (rest.Count > 0) factors.Add(new Op(Operator.Exp, Apart(ExprParts.Sum(rest))));
        return ExprParts.Product(factors);
    });
}
