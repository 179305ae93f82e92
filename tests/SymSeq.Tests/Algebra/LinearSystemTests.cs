namespace SymSeq.Tests.Algebra;

/// <summary>Exact Gauss–Jordan elimination over the rationals.</summary>
public class LinearSystemTests
{
    private static Rational[,] M(int[,] a)
    {
        var m = new Rational[a.GetLength(0), a.GetLength(1)];
        for (var r = 0; r < a.GetLength(0); r++)
            for (var c = 0; c < a.GetLength(1); c++) m[r, c] = a[r, c];
        return m;
    }

    [Fact]
    public void Inconsistent_systems_have_no_solution() =>
        Assert.Null(LinearSystem.Solve(M(new[,] { { 1, 1 }, { 2, 2 } }), [new Rational(1), new Rational(3)]));

    /// <summary>Random systems a·z = a·z₀ (consistent by construction, often singular): the solution found satisfies every equation.</summary>
    [Fact]
    public void Every_solution_found_satisfies_the_system()
    {
        var entry = Gen.Choose(-3, 3);
        Prop.ForAll(Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(1, 4).ToArbitrary(), Gen.ArrayOf(entry, 20).ToArbitrary(), (rows, columns, values) =>
        {
            var a = new Rational[rows, columns];
            var z0 = Enumerable.Range(0, columns).Select(c => new Rational(values[(c * 7) % 20] - 1, 2)).ToArray();
            for (var r = 0; r < rows; r++)
                for (var c = 0; c < columns; c++) a[r, c] = values[(r * columns) + c];
            var b = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Aggregate(Rational.Zero, (s, c) => s + (a[r, c] * z0[c]))).ToArray();
            var z = LinearSystem.Solve(a, b);
            return (z is not null && Enumerable.Range(0, rows).All(r =>
                Enumerable.Range(0, columns).Aggregate(Rational.Zero, (s, c) => s + (a[r, c] * z[c])) == b[r])).ToProperty();
        }).Check(Fuzz.Config.WithMaxTest(200));
    }
}
