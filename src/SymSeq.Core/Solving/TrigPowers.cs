using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// ∫ gⁿ(u) du for an integer n and the functions whose powers the sine–cosine products (<see cref="TrigProducts"/>)
/// do not reach: tanⁿ, cotⁿ (tan⁻ⁿ), secⁿ (cos⁻ⁿ), cscⁿ (sin⁻ⁿ) and their hyperbolic twins, by the reduction formulas
/// of an integral table, each lowering n by 2:
/// <list type="bullet">
/// <item>∫tanⁿ = tanⁿ⁻¹/(n−1) − ∫tanⁿ⁻², ∫cotⁿ = −cotⁿ⁻¹/(n−1) − ∫cotⁿ⁻² (tan² = sec² − 1, cot² = csc² − 1);</item>
/// <item>∫secⁿ = sin·cos¹⁻ⁿ/(n−1) + (n−2)/(n−1)·∫secⁿ⁻², ∫cscⁿ = −cos·sin¹⁻ⁿ/(n−1) + (n−2)/(n−1)·∫cscⁿ⁻² (by parts);</item>
/// <item>∫tanhⁿ = −tanhⁿ⁻¹/(n−1) + ∫tanhⁿ⁻², ∫cothⁿ = −cothⁿ⁻¹/(n−1) + ∫cothⁿ⁻², and sechⁿ, cschⁿ as sec and csc
/// with the hyperbolic signs.</item>
/// </list>
/// The recursion ends at n = 0 (u), 1 or 2 (the table: ln|cos|, ln(sin), ln(sec + tan), tan, atan(sinh), ...). The
/// argument is the u of the table, an affine c·x + d; the caller divides by c. Every answer is verified by the
/// caller like any other.
/// </summary>
internal static class TrigPowers
{
    /// <summary>Largest |n| expanded: each step adds a term.</summary>
    private const int MaxPower = 12;

    /// <summary>∫ g(u)ⁿ du for g ∈ {tan, tanh} and any integer n ≠ 0, or g ∈ {cos, sin, cosh, sinh} and n &lt; 0; else null.</summary>
    public static Expr? Integrate(Operator g, Expr u, Rational n)
    {
        if (!n.IsInteger || n.IsZero || n.Abs() > new Rational(MaxPower)) return null;
        var k = (int)n.Num;
        return g switch
        {
            Operator.Tan or Operator.Tanh => Tangent(g == Operator.Tanh, u, k),
            Operator.Cos or Operator.Sin or Operator.Cosh or Operator.Sinh when k < 0 => Secant(g, u, -k),
            _ => null,
        };
    }

    /// <summary>∫ tanᵏ u du (cot⁻ᵏ for k &lt; 0), or the hyperbolic tanh and coth.</summary>
    private static Expr Tangent(bool hyperbolic, Expr u, int k)
    {
        var t = Expr.Call(hyperbolic ? Operator.Tanh : Operator.Tan, u);
        var m = Math.Abs(k);
        if (m == 1)
            return k > 0
                ? (hyperbolic ? Ln(Operator.Cosh, u) : -Ln(Operator.Cos, u))
                : Ln(hyperbolic ? Operator.Sinh : Operator.Sin, u);
        // The power m−1 of tan (k > 0) or of cot = tan⁻¹ (k < 0).
        var lead = Expr.Pow(t, Expr.Int(k > 0 ? m - 1 : -(m - 1))) / Expr.Int(m - 1);
        var rest = m == 2 ? u : Tangent(hyperbolic, u, k > 0 ? k - 2 : k + 2);
        // tan: lead − rest; cot: −lead − rest; tanh: −lead + rest; coth: −lead + rest
        if (hyperbolic) return rest - lead;
        return k > 0 ? lead - rest : -lead - rest;
    }

    /// <summary>∫ g(u)⁻ᵐ du for m ≥ 1: sec, csc, sech and csch to the m-th power.</summary>
    private static Expr Secant(Operator g, Expr u, int m)
    {
        var hyperbolic = g is Operator.Cosh or Operator.Sinh;
        var cosine = g is Operator.Cos or Operator.Cosh;
        switch (m)
        {
            case 1:
                return g switch
                {
                    Operator.Cos => Expr.Call(Operator.Ln, (Expr.One / Expr.Call(Operator.Cos, u)) + Expr.Call(Operator.Tan, u)),
                    Operator.Sin => Expr.Call(Operator.Ln, Expr.Call(Operator.Tan, Expr.Rat(1, 2) * u)),
                    Operator.Cosh => Expr.Call(Operator.Atan, Expr.Call(Operator.Sinh, u)),
                    _ => Expr.Call(Operator.Ln, Expr.Call(Operator.Tanh, Expr.Rat(1, 2) * u)),
                };
            case 2:
                var tangent = Expr.Call(hyperbolic ? Operator.Tanh : Operator.Tan, u);
                return cosine ? tangent : Expr.MinusOne / tangent;
        }
        // The other function of the pair times g^(1−m), over m − 1, and (m−2)/(m−1) of the integral two powers down.
        var other = Expr.Call(g switch
        {
            Operator.Cos => Operator.Sin,
            Operator.Sin => Operator.Cos,
            Operator.Cosh => Operator.Sinh,
            _ => Operator.Cosh,
        }, u);
        var lead = other * Expr.Pow(Expr.Call(g, u), Expr.Int(1 - m)) / Expr.Int(m - 1);
        var down = new Num(new Rational(m - 2, m - 1)) * Secant(g, u, m - 2);
        return g switch
        {
            Operator.Sinh => -lead - down,
            Operator.Sin => -lead + down,
            _ => lead + down,
        };
    }

    private static Expr Ln(Operator f, Expr u) => Expr.Call(Operator.Ln, Expr.Call(f, u));
}
