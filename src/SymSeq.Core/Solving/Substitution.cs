using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Integration by substitution when the derivative divides: ∫ c·u'(x)·f(u(x)) dx = c·F(u(x)) for a constant c, F a basic
/// integral of f (<see cref="BasicIntegrals"/>). The inner u is the argument of one factor (x·e^(x²): u = x², f = exp;
/// x/(1 + x²): u = 1 + x², f = 1/t) or the factor itself (sin x·cos x: u = sin x, f = t). Every answer is verified by
/// the caller like any other.
/// </summary>
internal static class Substitution
{
    /// <summary>Largest integrand tried (nodes): each candidate u costs a derivative and a simplification.</summary>
    internal const int MaxSize = 40;

    private static readonly TimeSpan StepBudget = TimeSpan.FromMilliseconds(150);

    public static Expr? TryIntegrate(Expr core, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        var factors = core is Op { Kind: Operator.Mul } m ? m.Args.ToArray() : [core];
        for (var i = 0; i < factors.Length; i++)
        {
            var rest = factors.Where((_, j) => j != i).ToArray();
            foreach (var (u, outer) in Inner(factors[i]))
            {
                if (BasicIntegrals.Slope(u) is not null) continue;   // affine: the table already had its chance
                foreach (var du in Derivatives(u))
                    try
                    {
                        var ratio = Simplifier.Simplify(new Op(Operator.Div, ExprParts.Product(rest), du), StepBudget);
                        if (ExprParts.Contains(ratio, "x") || BasicIntegrals.TryIntegrate(outer, scope) is not { } outerIntegral) continue;
                        var integral = ExprParts.Substitute(outerIntegral, n => n is Sym { Name: "x" } ? u : null);
                        scope.Note($"t = {u}, dt = {du} dx: the integral of {ExprParts.Substitute(outer, n => n is Sym { Name: "x" } ? new Sym("t") : null)} dt, done in x below");
                        return Simplifier.SimplifyOrKeep(ratio is Num { Value.IsOne: true } ? integral : new Op(Operator.Mul, ratio, integral), StepBudget);
                    }
                    catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
                    {
                    }
            }
        }
        return null;
    }

    /// <summary>
    /// u′, and u′ with 1 + tan²w written 1/cos²w and 1 − tanh²w written 1/cosh²w, where the simplifier would not see
    /// that tan x/cos²x is u·u′ for u = tan x.
    /// </summary>
    private static IEnumerable<Expr> Derivatives(Expr u)
    {
        var du = Derivative.Of(u);
        yield return du;
        // Derivative writes tan′w as 1 + tan²w and tanh′w as 1 − tanh²w, in that order
        var secants = ExprParts.Substitute(du, n => n switch
        {
            Op { Kind: Operator.Add, Args: [Num { Value.IsOne: true }, Op { Kind: Operator.Pow, Args: [Op { Kind: Operator.Tan, Args: [var w] }, Num { Value: var k }] }] }
                when k == 2 => Expr.Pow(Expr.Call(Operator.Cos, w), Expr.Int(-2)),
            Op { Kind: Operator.Sub, Args: [Num { Value.IsOne: true }, Op { Kind: Operator.Pow, Args: [Op { Kind: Operator.Tanh, Args: [var w] }, Num { Value: var k }] }] }
                when k == 2 => Expr.Pow(Expr.Call(Operator.Cosh, w), Expr.Int(-2)),
            _ => null,
        });
        if (!ReferenceEquals(secants, du)) yield return secants;
        // and tan w as sin w/cos w (tanh as sinh/cosh): ln(tan x)′ = 1/(cos²x·tan x) is 1/(sin x·cos x)
        var quotients = ExprParts.Substitute(secants, n => n switch
        {
            Op { Kind: Operator.Tan, Args: [var w] } => new Op(Operator.Div, Expr.Call(Operator.Sin, w), Expr.Call(Operator.Cos, w)),
            Op { Kind: Operator.Tanh, Args: [var w] } => new Op(Operator.Div, Expr.Call(Operator.Sinh, w), Expr.Call(Operator.Cosh, w)),
            _ => null,
        });
        if (!ReferenceEquals(quotients, secants)) yield return quotients;
        // and two roots multiplied as one, √(x − 1)·√(x + 1) as √(x² − 1) (acosh′): equal where both factors are
        // real, which is where acosh is; the verifier judges the answer on the integrand's own domain
        var merged = ExprParts.Substitute(du, n => n is Op { Kind: Operator.Mul } m
            && m.Args.Where(a => a is Op { Kind: Operator.Sqrt }).ToArray() is [Op r1, Op r2]
            && Simplifier.TrySimplify(Expansion.Expand(r1[0] * r2[0]), out var radicand, StepBudget)
                ? ExprParts.Product(m.Args.Where(a => a is not Op { Kind: Operator.Sqrt }).Append(Expr.Call(Operator.Sqrt, radicand)).ToArray())
                : null);
        if (!ReferenceEquals(merged, du)) yield return merged;
    }

    /// <summary>(u, f(x)) with factor = f(u): the argument of a function or a power, then the factor itself (f(t) = t).</summary>
    private static IEnumerable<(Expr U, Expr Outer)> Inner(Expr factor)
    {
        if (!ExprParts.Contains(factor, "x")) yield break;
        switch (factor)
        {
            case Op { Kind: Operator.Pow } p when p[1] is Num && ExprParts.Contains(p[0], "x"):
                yield return (p[0], Expr.Pow(Expr.X, p[1]));
                break;
            case Op { Kind: Operator.Pow } p when !ExprParts.Contains(p[0], "x"):
                yield return (p[1], Expr.Pow(p[0], Expr.X));
                break;
            case Op { Args.Length: 1 } f:
                yield return (f[0], Expr.Call(f.Kind, Expr.X));
                break;
        }
        yield return (factor, Expr.X);
    }
}
