namespace SymSeq.Solving;

/// <summary>
/// Every integration rule of SymSeq, in the order <see cref="BasicIntegrals"/> tries them on a core integrand, the
/// first answer taken: the table and exact forms first, then the methods that search (substitutions, by parts), and
/// the identities last (they hand a rewritten integrand back to this list). Read top to bottom, this is the decision
/// list. The driver owns each rule's limits: the largest integrand it is handed, and how deep its own calls may nest.
/// </summary>
public static class IntegrationRules
{
    public const string ConstantName = "constant";
    public const string TableName = "table of integrals";
    public const string LinearityName = "linearity";

    public static readonly IReadOnlyList<IntegrationRule> All =
    [
        new(ConstantName, "∫ c dx = c·x for c free of x", BasicIntegrals.Constant, Simplified: false),
        new("power rule", "∫ xⁿ dx = xⁿ⁺¹/(n + 1), and of an affine u = c·x + d: uⁿ⁺¹/(c(n + 1)), 1/u → ln(u)/c, √u → ⅔u^(3/2)/c", BasicIntegrals.PowerRule),
        new("reciprocal functions", "sec, csc, cot and their hyperbolic twins as reciprocal powers of cos, sin, tan, cosh, sinh, tanh", BasicIntegrals.Reciprocals, Simplified: false),
        new("trigonometric powers", "integer powers of tan, cot, sec, csc and their hyperbolic twins by reduction formulas", BasicIntegrals.TrigonometricPowers),
        new("completing the square", "1/q, 1/√q and √q for a quadratic q: atan, atanh, asin, asinh (q > 0 everywhere) or a logarithm after completing the square", BasicIntegrals.Quadratic),
        new("exponential of another base", "∫ aᵘ dx = aᵘ/(c·ln a) for a positive a ≠ 1 and an affine u = c·x + d", BasicIntegrals.OtherBase),
        new(TableName, "the elementary functions of an affine u (exp, ln, sin, cos, tan, sinh, cosh, tanh, the inverse functions and their reciprocal twins, |u|, sign u), divided by u′", BasicIntegrals.TableOfIntegrals),
        new("inverse reciprocal functions", "acot, asec, acsc, acoth, asech, acsch of u as atan, acos, asin, atanh, acosh, asinh of 1/u, the answer written back", InverseReciprocals.TryIntegrate),
        new("powers of x", "c·xᵏ written as a product of powers and roots of x (x·√(10x))", BasicIntegrals.PowerOfX),
        new("half-angle roots", "√(k(1 ± cos u)) and √(k(1 ± sin u)) by the half-angle formulas", (core, _) => HalfAngleRoots.TryIntegrate(core)),
        new("partial fractions", "a rational function: polynomial division, then partial fractions over the rational roots and quadratic factors", (core, _) => RationalIntegrals.TryIntegrate(core)),
        new("linear denominators", "p(x)/(xᵐ·(a·x + b)) with a, b free of x, power by power", (core, _) => LinearDenominators.TryIntegrate(core)),
        new("root of a quadratic", "p(x)/√q and p(x)·q^(m − ½) for a quadratic q, by the reduction formula for ∫ xⁿ/√q", (core, _) => SqrtQuadratics.TryIntegrate(core)),
        new("algebraic part", "P/(lᵏ·q^(m + ½)) by undetermined coefficients (Ostrogradsky's method)", (core, _) => AlgebraicPart.TryIntegrate(core)),
        new("by parts", "∫ u dv = u·v − ∫ v du: a polynomial times exp, sin, cos, sinh, cosh (tabular), times ln or an inverse function, and e^(αx)·sin(γx)", ByParts.TryIntegrate),
        new("exponential times a rational function", "e^(αx+β)·r(x): e^(αx+β)·f for the rational f with α·f + f′ = r (Risch)", (core, _) => ExponentialRational.TryIntegrate(core)),
        new("product to sum", "products and powers of sines and cosines as sums of single ones; sinh and cosh as exponentials", TrigProducts.TryIntegrate),
        new("substitution", "∫ c·u′(x)·f(u(x)) dx = c·F(u(x)) when the derivative of an inner u divides", Substitution.TryIntegrate) { MaxSize = Substitution.MaxSize },
        new("reciprocal functions as quotients", "sec, csc, cot and their twins as quotients of sin and cos", ReciprocalFunctions.TryIntegrateAsQuotients),
        new("higher powers of a quadratic's root", "p(x)·q^(m − ½) for larger m", (core, _) => SqrtQuadratics.TryIntegrateHigherPowers(core)),
        new("rationalizing substitution", "t = u^(1/n) for the roots of one affine or linear-fractional u", RadicalSubstitution.TryIntegrate) { MaxSize = RadicalSubstitution.MaxSize, Nesting = RuleScope.Rule.RadicalSubstitution },
        new("exponential substitution", "t = e^(g·x) for a rational function of exponentials", ExponentialSubstitution.TryIntegrate) { MaxSize = ExponentialSubstitution.MaxSize },
        new("exponentials of logarithms", "e^(… + k·ln u) taken apart, e^(ln u) = u", ExpOfLogs.TryIntegrate),
        new("change of variable", "t = u(x) for an inner u, when f/u′ is a function of u alone", ChangeOfVariable.TryIntegrate) { MaxSize = ChangeOfVariable.MaxSize, Nesting = RuleScope.Rule.ChangeOfVariable },
        new("shift of variable", "t = k·x + d when every function reads the same affine u other than x (x·asec(2x) → t·asec(t)/4)", AffineSubstitution.TryIntegrate) { MaxSize = AffineSubstitution.MaxSize, Nesting = RuleScope.Rule.AffineSubstitution },
        new("tangent half-angle", "t = tan(u/2) for a rational function of sin u, cos u, tan u", TangentHalfAngle.TryIntegrate) { MaxSize = TangentHalfAngle.MaxSize },
        new("Euler substitution", "Euler's substitutions for a rational function of x and √q", EulerSubstitution.TryIntegrate) { MaxSize = EulerSubstitution.MaxSize, Nesting = RuleScope.Rule.EulerSubstitution },
        new("trigonometric identity", "one identity where it opens a rule (tan² = sec² − 1, sin 2u = 2·sin u·cos u), the result given back to the rules", TrigIdentities.TryIntegrate) { MaxSize = TrigIdentities.MaxSize, Nesting = RuleScope.Rule.TrigIdentities, MaxDepth = TrigIdentities.MaxDepth },
        new("powers as exponentials", "aᵘ and x^x written as e^(u·ln a) and given back to the rules", VariablePowers.TryIntegrate) { MaxSize = VariablePowers.MaxSize, Nesting = RuleScope.Rule.VariablePowers },
        new("tabular by parts", "a polynomial times whatever the rules integrate repeatedly (x·sec x·tan x)", ByParts.TryTabularByRules),
    ];
}
