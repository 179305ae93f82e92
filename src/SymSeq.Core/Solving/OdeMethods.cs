namespace SymSeq.Solving;

/// <summary>
/// Every ODE method of SymSeq, in the order <see cref="OdeRules"/> tries them: linear equations of any order first;
/// a second-order equation then only by reduction of order; a first-order one by the nonlinear methods, cheapest first
/// (an exact equation's search for an integrating factor last).
/// </summary>
public static class OdeMethods
{
    public static readonly IReadOnlyList<OdeMethod> All =
    [
        new("linear ODE", OdeRules.Linear, null, LinearOdes.TrySolve),
        new("reduction of order", OdeRules.ReducedOrder, 2, ReducedOrderOdes.TrySolve),
        new("separable ODE", OdeRules.Separable, 1, SeparableOdes.TrySolve),
        new("Bernoulli ODE", OdeRules.Bernoulli, 1, BernoulliOdes.TrySolve),
        new("homogeneous ODE", OdeRules.Homogeneous, 1, HomogeneousOdes.TrySolve),
        new("shifted ODE", OdeRules.Shifted, 1, ShiftedOdes.TrySolve),
        new("exact ODE", OdeRules.Exact, 1, ExactOdes.TrySolve),
    ];

    /// <summary>The method of that name (a step's rule).</summary>
    public static OdeMethod Named(string name) => All.First(m => m.Name == name);
}
