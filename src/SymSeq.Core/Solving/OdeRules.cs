using System.Diagnostics;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// The ODE methods of a first course (<see cref="OdeMethods.All"/>), tried in order before any model or CAS, all
/// inside one budget. Each proposes at most one answer, as a step holding the integrals it made; the caller verifies
/// it like any engine's.
/// </summary>
public static class OdeRules
{
    public const string Linear = "linear ODE (characteristic or indicial roots and undetermined coefficients, or an integrating factor)";
    public const string Separable = "separable ODE (∫ dy/h(y) = ∫ g(x) dx, solved for y)";
    public const string Bernoulli = "Bernoulli ODE (v = y^(1−n) makes it linear)";
    public const string Homogeneous = "homogeneous ODE (y = x·v makes it separable)";
    public const string Shifted = "substitution u = k·y + g(x) (u′ depends on u alone: separable)";
    public const string Exact = "exact ODE (a potential F = a8, after an integrating factor μ(x) or μ(y) if need be)";

    public const string ReducedOrder = "reduction of order (p = y′ when y or x is missing, then a first-order method)";

    /// <summary>(method, answer) for each method that finds an answer, lazily, the later ones with what is left of <paramref name="budget"/>.</summary>
    public static IEnumerable<(string Method, Expr Answer)> Solve(Expr equation, TimeSpan budget) =>
        Derive(equation, budget).Select(s => (OdeMethods.Named(s.Rule).Description, s.Result));

    /// <summary>
    /// Each answer found as a step (the method, the equation, the solution, and the steps of the integrals the method
    /// made: an integrating factor, ∫ dy/h(y)), lazily, in the order of <see cref="OdeMethods.All"/>.
    /// </summary>
    public static IEnumerable<Step> Derive(Expr equation, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        var scope = new RuleScope();   // one memo for every method's integrals; each method's own frame of steps
        var order = ExprParts.Nodes(equation).Any(n => n is Unknown { Order: 2 }) ? 2 : 1;
        foreach (var method in OdeMethods.All)
        {
            if (method.Order is { } only && only != order) continue;
            var left = budget - clock.Elapsed;
            if (left <= TimeSpan.Zero) yield break;
            Step? step;
            using (var frame = scope.Open())
                step = method.TrySolve(equation, left, scope) is { } answer ? new Step(method.Name, equation, answer, frame.Steps, frame.Detail) : null;
            if (step is not null) yield return step;
        }
    }
}
