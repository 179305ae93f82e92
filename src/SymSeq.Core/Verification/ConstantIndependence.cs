using SymSeq.Expressions;

namespace SymSeq.Verification;

/// <summary>
/// Whether the arbitrary constants of an order-n solution are really n independent ones: the map from the constants
/// to the initial values (y, y′, …, y⁽ⁿ⁻¹⁾) at a point must have rank n (the Jacobian has a nonzero n×n minor).
/// a8·eˣ + a9·eˣ names two constants but is the one-parameter family (a8 + a9)·eˣ, so it is no general solution of
/// y″ − 3y′ + 2y = 0. The partial derivatives are symbolic (a finite difference drowns in rounding next to a large
/// term); the minors are evaluated at a few random points and constant values.
/// </summary>
public static class ConstantIndependence
{
    private const int Tries = 8, Needed = 3;

    /// <summary>True when independent at some point; false when dependent at every point that evaluated; null when none did.</summary>
    public static bool? Check(IReadOnlyList<Expr> derivatives, IReadOnlyList<string> constants)
    {
        var order = derivatives.Count;
        if (order == 0 || constants.Count < order) return constants.Count >= order;
        // ∂y⁽ⁱ⁾/∂aⱼ, symbolically.
        var partials = new Expr[order, constants.Count];
        for (var i = 0; i < order; i++)
            for (var j = 0; j < constants.Count; j++)
                partials[i, j] = Derivative.Of(derivatives[i], constants[j]);
        var rng = new Random(7);
        var finite = 0;
        Span<double> slots = stackalloc double[Symbols.SlotCount];
        for (var t = 0; t < Tries; t++)
        {
            slots.Clear();
            slots[0] = 0.3 + 2.2 * rng.NextDouble();
            foreach (var c in constants) slots[Slot(c)] = (rng.Next(2) == 0 ? -1 : 1) * (0.2 + 1.3 * rng.NextDouble());
            var jacobian = new double[order, constants.Count];
            var ok = true;
            for (var i = 0; i < order && ok; i++)
                for (var j = 0; j < constants.Count && ok; j++)
                {
                    jacobian[i, j] = Evaluator.Eval(partials[i, j], slots);
                    ok = double.IsFinite(jacobian[i, j]);
                }
            if (!ok) continue;
            finite++;
            if (FullRank(jacobian, order, constants.Count)) return true;
            if (finite >= Needed) return false;
        }
        return finite > 0 ? false : null;
    }

    private static int Slot(string coefficient) => 4 + (coefficient[1] - '0');

    /// <summary>Some n×n minor of the matrix (each row, then each column, scaled to its largest entry) is clearly nonzero.</summary>
    private static bool FullRank(double[,] m, int rows, int cols)
    {
        var scaled = new double[rows, cols];
        for (var i = 0; i < rows; i++)
        {
            var max = 0.0;
            for (var j = 0; j < cols; j++) max = Math.Max(max, Math.Abs(m[i, j]));
            if (max == 0) return false;
            for (var j = 0; j < cols; j++) scaled[i, j] = m[i, j] / max;
        }
        // Columns too (neither changes the rank): a8 e^(10x) + a9 e^(-10x) has columns 10^13 apart in size.
        for (var j = 0; j < cols; j++)
        {
            var max = 0.0;
            for (var i = 0; i < rows; i++) max = Math.Max(max, Math.Abs(scaled[i, j]));
            if (max > 0) for (var i = 0; i < rows; i++) scaled[i, j] /= max;
        }
        return Subsets(cols, rows).Any(columns => Math.Abs(Determinant(scaled, columns)) > 1e-6);
    }

    private static IEnumerable<int[]> Subsets(int n, int k)
    {
        if (k == 0) { yield return []; yield break; }
        for (var first = 0; first <= n - k; first++)
            foreach (var rest in Subsets(n - first - 1, k - 1))
                yield return [first, .. rest.Select(r => r + first + 1)];
    }

    private static double Determinant(double[,] m, int[] columns) => columns.Length switch
    {
        1 => m[0, columns[0]],
        2 => m[0, columns[0]] * m[1, columns[1]] - m[0, columns[1]] * m[1, columns[0]],
        _ => throw new NotSupportedException("equations of order above 2"),
    };
}
