using System.Numerics;
using SymSeq.Expressions;

namespace SymSeq.Algebra;

/// <summary>
/// Quadratic factors with rational coefficients of a polynomial that has no rational roots, by Kronecker's method: a
/// factor g = g₂x² + g₁x + g₀ with integer coefficients (Gauss's lemma) has g(0), g(1) and g(−1) dividing f(0), f(1)
/// and f(−1), and those three values fix g. (x² + 1)(x² + 4) and x⁴ + x² + 1 = (x² + x + 1)(x² − x + 1) split this way;
/// x⁴ + 1 does not (its factors need √2).
/// </summary>
internal static class QuadraticFactors
{
    /// <summary>Candidate triples tried per factor; beyond it the polynomial is left whole.</summary>
    private const int MaxCandidates = 400_000;

    /// <summary>
    /// The monic quadratic factors found (each irreducible, since f has no rational roots) and the monic rest, for a
    /// polynomial of degree ≥ 1 with no rational root. The rest is f itself when no factor is found.
    /// </summary>
    public static (List<Polynomial> Quadratics, Polynomial Remaining) Split(Polynomial f)
    {
        var quadratics = new List<Polynomial>();
        var rest = f.Monic();
        while (rest.Degree >= 4 && Find(rest) is { } g)
        {
            quadratics.Add(g);
            rest = Polynomial.DivRem(rest, g).Quotient.Monic();
        }
        if (rest.Degree == 2) { quadratics.Add(rest); rest = Polynomial.One; }
        return (quadratics, rest);
    }

    /// <summary>A monic quadratic factor of f, or null when there is none (or the search would be too large).</summary>
    private static Polynomial? Find(Polynomial f)
    {
        var ints = f.IntegerCoefficients();
        var scaled = new Polynomial(ints.Select(c => new Rational(c)));
        var leadBig = BigInteger.Abs(ints[^1]);
        var values = new[] { 0, 1, -1 }.Select(x => BigInteger.Abs(scaled.At(x).Num)).ToArray();
        if (values.Any(v => v.IsZero || v > Polynomial.MaxTrialDivision) || leadBig > Polynomial.MaxTrialDivision) return null;
        var lead = (long)leadBig;
        var (d0, d1, dm) = (Polynomial.Divisors((long)values[0]), Polynomial.Divisors((long)values[1]), Polynomial.Divisors((long)values[2]));
        if ((long)d0.Count * d1.Count * dm.Count * 4 > MaxCandidates) return null;
        foreach (var g0 in d0)                      // g and −g are the same factor: take g(0) > 0
            foreach (var a in d1)
                foreach (var sa in new[] { 1, -1 })
                    foreach (var b in dm)
                        foreach (var sb in new[] { 1, -1 })
                        {
                            var (g1, gm) = (sa * a, sb * b);
                            // g(1) = g₂ + g₁ + g₀, g(−1) = g₂ − g₁ + g₀
                            if (((g1 + gm) & 1) != 0) continue;
                            var g2 = ((g1 + gm) / 2) - g0;
                            if (g2 == 0 || lead % g2 != 0) continue;
                            var g = new Polynomial([g0, new Rational((g1 - gm) / 2), g2]);
                            if (Polynomial.DivRem(f, g).Remainder.IsZero) return g.Monic();
                        }
        return null;
    }
}
