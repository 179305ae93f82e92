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

    /// <summary>"Y' - f" with f in canonical form, the way the generators write integration problems.</summary>
    public static Expr Integration(Expr integrand) =>
        new Op(Operator.Sub, new Unknown(1), Simplifier.TrySimplify(integrand, out var s) ? s : integrand);
}
