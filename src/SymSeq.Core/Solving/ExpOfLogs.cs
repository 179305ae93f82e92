using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Exponentials of sums with logarithms in them, taken apart: for the ODE rules' next step, and as an integration
/// method, where sinh, cosh and tanh of such sums are written as exponentials first (x²·eˣ for e^(x + 2·ln x),
/// ((3x + 10)² − 1)/((3x + 10)² + 1) for tanh(ln(3x + 10)); exact, as e^(ln u) = u for every u ≠ 0).
/// </summary>
internal static class ExpOfLogs
{
    /// <summary>∫ core with its exponentials (and sinh, cosh, tanh) of sums holding logarithms taken apart, or null when it has none or the rules find no integral.</summary>
    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        if (!ExprParts.Nodes(core).Any(n => n is Op { Kind: Operator.Exp or Operator.Sinh or Operator.Cosh or Operator.Tanh, Args: [var a] } && HasLog(a)))
            return null;
        var asExp = ExprParts.Substitute(core, n =>
        {
            if (n is not Op { Kind: Operator.Sinh or Operator.Cosh or Operator.Tanh, Args: [var a] } f || !HasLog(a)) return null;
            Expr E(Expr arg) => new Op(Operator.Exp, arg);
            return f.Kind switch
            {
                Operator.Sinh => (E(a) - E(-a)) / Expr.Two,
                Operator.Cosh => (E(a) + E(-a)) / Expr.Two,
                _ => (E(Expr.Two * a) - Expr.One) / (E(Expr.Two * a) + Expr.One),
            };
        });
        if (!Simplifier.TrySimplify(asExp, out var simple) || !Simplifier.TrySimplify(Apart(simple), out var apart) || apart.Equals(core)
            || ExprParts.Nodes(apart).Any(n => n is Op { Kind: Operator.Exp, Args: [var a] } && HasLog(a)))
            return null;
        return BasicIntegrals.TryIntegrateSum(Simplifier.SimplifyOrKeep(Linearity.Distribute(apart)), scope);
    }

    /// <summary>A sum with a term ln u or k·ln u (k an integer), or that term alone.</summary>
    private static bool HasLog(Expr a) => ExprParts.Terms(a).Any(t => t is Op { Kind: Operator.Ln }
        || t is Op { Kind: Operator.Mul, Args: [Num { Value.IsInteger: true }, Op { Kind: Operator.Ln }] });

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
