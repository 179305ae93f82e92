using System.Diagnostics;
using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// The ODE methods of a first course, tried in order before any model or CAS, all inside one budget: linear equations
/// (<see cref="LinearOdes"/>), then separable ones (<see cref="SeparableOdes"/>), then Bernoulli
/// equations (<see cref="BernoulliOdes"/>), then homogeneous ones (<see cref="HomogeneousOdes"/>), then exact ones (<see cref="ExactOdes"/>); a nonlinear second-order
/// equation missing y or x by reduction of order (<see cref="ReducedOrderOdes"/>). Each proposes at most one answer;
/// the caller verifies it like any engine's.
/// </summary>
public static class OdeRules
{
    public const string Linear = "linear ODE (characteristic or indicial roots and undetermined coefficients, or an integrating factor)";
    public const string Separable = "separable ODE (∫ dy/h(y) = ∫ g(x) dx, solved for y)";
    public const string Bernoulli = "Bernoulli ODE (v = y^(1−n) makes it linear)";
    public const string Homogeneous = "homogeneous ODE (y = x·v makes it separable)";
    public const string Exact = "exact ODE (a potential F = a8, after an integrating factor μ(x) or μ(y) if need be)";

    public const string ReducedOrder = "reduction of order (p = y′ when y or x is missing, then a first-order method)";

    /// <summary>(method, answer) for each rule that finds an answer, lazily, the later ones with what is left of <paramref name="budget"/>.</summary>
    public static IEnumerable<(string Method, Expr Answer)> Solve(Expr equation, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        if (LinearOdes.TrySolve(equation, budget) is { } linear) yield return (Linear, linear);
        if (ExprParts.Nodes(equation).Any(n => n is Unknown { Order: 2 }))
        {
            if (budget - clock.Elapsed is var left && left > TimeSpan.Zero && ReducedOrderOdes.TrySolve(equation, left) is { } reduced)
                yield return (ReducedOrder, reduced);
            yield break;
        }
        foreach (var found in NonlinearFirstOrder(equation, budget - clock.Elapsed)) yield return found;
    }

    private static IEnumerable<(string Method, Expr Answer)> NonlinearFirstOrder(Expr equation, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        if (budget > TimeSpan.Zero && SeparableOdes.TrySolve(equation, budget) is { } separable)
            yield return (Separable, separable);
        if (budget - clock.Elapsed is var rest && rest > TimeSpan.Zero && BernoulliOdes.TrySolve(equation, rest) is { } bernoulli)
            yield return (Bernoulli, bernoulli);
        if (budget - clock.Elapsed is var last && last > TimeSpan.Zero && HomogeneousOdes.TrySolve(equation, last) is { } homogeneous)
            yield return (Homogeneous, homogeneous);
        if (budget - clock.Elapsed is var final && final > TimeSpan.Zero && ExactOdes.TrySolve(equation, final) is { } exact)
            yield return (Exact, exact);
    }
}
