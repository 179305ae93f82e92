using SymSeq.Expressions;

namespace SymSeq.Algebra;

/// <summary>Exact solution of a linear system over the rationals, by Gauss–Jordan elimination.</summary>
internal static class LinearSystem
{
    /// <summary>
    /// One solution z of a·z = b (rows × columns), the free unknowns set to 0, or null when the system has none.
    /// </summary>
    public static Rational[]? Solve(Rational[,] a, Rational[] b)
    {
        int rows = a.GetLength(0), columns = a.GetLength(1);
        if (b.Length != rows) throw new ArgumentException($"{rows} rows but {b.Length} right-hand sides");
        var m = new Rational[rows, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++) m[r, c] = a[r, c];
            m[r, columns] = b[r];
        }
        var pivotColumns = new List<int>();
        var row = 0;
        for (var c = 0; c < columns && row < rows; c++)
        {
            var pivot = Enumerable.Range(row, rows - row).FirstOrDefault(r => !m[r, c].IsZero, -1);
            if (pivot < 0) continue;
            if (pivot != row)
                for (var k = 0; k <= columns; k++) (m[row, k], m[pivot, k]) = (m[pivot, k], m[row, k]);
            var inverse = m[row, c].Reciprocal();
            for (var k = c; k <= columns; k++) m[row, k] *= inverse;
            for (var r = 0; r < rows; r++)
            {
                if (r == row || m[r, c].IsZero) continue;
                var factor = m[r, c];
                for (var k = c; k <= columns; k++) m[r, k] -= factor * m[row, k];
            }
            pivotColumns.Add(c);
            row++;
        }
        // a row 0 = nonzero left over: inconsistent
        for (var r = row; r < rows; r++)
            if (!m[r, columns].IsZero) return null;
        var z = new Rational[columns];
        for (var c = 0; c < columns; c++) z[c] = Rational.Zero;
        for (var r = 0; r < pivotColumns.Count; r++) z[pivotColumns[r]] = m[r, columns];
        return z;
    }
}
