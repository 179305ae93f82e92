using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq;

/// <summary>
/// SymSeq's verifier on its own: is F an antiderivative of f, is y a solution of an ODE. Symbolic first, then
/// numeric at many points with error bounds; "uncheckable" when neither can decide, which is never "verified".
/// </summary>
public static class Verify
{
    /// <summary>Checks that d/dx <paramref name="antiderivative"/> equals <paramref name="integrand"/>.</summary>
    /// <exception cref="ExprParseException">Either text is not a formula.</exception>
    public static Check Integral(string integrand, string antiderivative) =>
        Check.From(IntegralVerifier.Check(InfixParser.Parse(integrand), InfixParser.Parse(antiderivative)));

    /// <summary>Checks that <paramref name="solution"/> (in x and constants a8, a9, ...) satisfies <paramref name="equation"/> as a general solution.</summary>
    /// <exception cref="ExprParseException">Either text is not a formula.</exception>
    public static Check Ode(string equation, string solution) =>
        Check.From(OdeVerifier.Check(InfixParser.ParseEquation(equation), InfixParser.Parse(solution)));
}
