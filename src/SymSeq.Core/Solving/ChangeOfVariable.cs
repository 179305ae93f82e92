using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Substitution where the derivative divides only up to a function of the new variable: for an inner u = c·xᵏ + d
/// (k ≥ 2) or u = ln(c·x) of the integrand, x = φ(t) with φ the inverse of u ((t − d)/c)^(1/k) or e^t/c), and
/// ∫ f(x) dx = ∫ f(φ(t))·φ′(t) dt, integrated by the basic rules with t put back as u: x⁵·e^(x³) → t·eᵗ/3 by parts,
/// x³·sin(x²), cos(ln x) → eᵗ·cos t. <see cref="Substitution"/> covers the case where f/u′ is a table function of u;
/// this one lets the rest of the rules work on the new integrand. The root in φ is a principal branch; the verifier
/// checks the answer on both signs of x, so a branch that is wrong for x &lt; 0 is rejected, never returned.
/// </summary>
internal static class ChangeOfVariable
{
    /// <summary>Largest integrand tried (nodes), and the most inner u tried.</summary>
    private const int MaxSize = 40, MaxCandidates = 3;

    private static readonly Sym T = new("t");

    /// <summary>The rules this calls may call it again on the new integrand; a guard keeps the depth at one.</summary>
    [ThreadStatic] private static bool _inside;

    public static Expr? TryIntegrate(Expr core)
    {
        if (_inside || core.Size > MaxSize || ExprParts.Contains(core, T.Name)) return null;
        foreach (var (u, phi) in Candidates(core).Take(MaxCandidates))
        {
            try
            {
                _inside = true;
                var inT = ExprParts.Substitute(core, n => n is Sym { Name: "x" } ? phi : null) * Derivative.Of(phi, T.Name);
                if (!Simplifier.TrySimplify(inT, out var g) || ExprParts.Contains(g, "x")) continue;
                var inX = Simplifier.SimplifyOrKeep(Linearity.Distribute(ExprParts.Substitute(g, n => n is Sym { Name: "t" } ? Expr.X : null)));
                if (BasicIntegrals.TryIntegrateSum(inX) is not { } integral) continue;
                return Simplifier.SimplifyOrKeep(ExprParts.Substitute(integral, n => n is Sym { Name: "x" } ? u : null));
            }
            catch (Exception e) when (e is SymbolicTimeoutException or ArithmeticException)
            {
            }
            finally { _inside = false; }
        }
        return null;
    }

    /// <summary>(u, φ(t)) for each distinct argument u of a function in the integrand that is c·xᵏ + d (k ≥ 2) or ln(c·x).</summary>
    private static IEnumerable<(Expr U, Expr Phi)> Candidates(Expr core)
    {
        var seen = new HashSet<Expr>();
        foreach (var node in ExprParts.Nodes(core))
        {
            var u = node switch
            {
                Op { Kind: Operator.Abs or Operator.Sign } => null,
                Op { Args: [var a] } => a,
                Op { Kind: Operator.Pow, Args: [var b, Num] } => b,
                _ => null,
            };
            if (u is null || !ExprParts.Contains(u, "x") || !seen.Add(u)) continue;
            if (Inverse(u) is { } phi) yield return (u, phi);
            else if (u is Op { Kind: Operator.Ln, Args: [var a] } && BasicIntegrals.Slope(a) is { } c
                && Simplifier.SimplifyOrKeep(a - c * Expr.X) is Num { Value.IsZero: true })
                yield return (u, Expr.Call(Operator.Exp, T) / c);
        }
    }

    /// <summary>φ(t) = ((t − d)/c)^(1/k) when u = c·xᵏ + d with k ≥ 2 an integer and c, d free of x, else null.</summary>
    private static Expr? Inverse(Expr u)
    {
        var terms = u is Op { Kind: Operator.Add } sum ? sum.Args.ToArray() : [u];
        var withX = terms.Where(a => ExprParts.Contains(a, "x")).ToArray();
        if (withX is not [var term] || !Monomials.TrySplit(term, "x", out var c, out var k) || !k.IsInteger || k < new Rational(2)) return null;
        var d = terms.Where(a => !ReferenceEquals(a, term)).ToArray();
        Expr shifted = d.Length == 0 ? T : T - ExprParts.Sum(d);
        return Expr.Pow(shifted / c, new Num(k.Reciprocal()));
    }
}
