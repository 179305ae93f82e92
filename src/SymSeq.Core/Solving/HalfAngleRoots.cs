using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Square roots that the half-angle formulas open: √(k(1 ± cos u)) = √(2k)·|cos(u/2)| or √(2k)·|sin(u/2)|, and
/// √(k(1 ± sin u)) likewise, for k &gt; 0 and an affine u = a·x + b. Their antiderivatives change sign with the
/// absolute value, but one closed form holds on every interval between the zeros of the radicand:
/// ∫√(k(1 + s·cos u)) = 2s·k·sin u/(a·√(k(1 + s·cos u))) and ∫√(k(1 + s·sin u)) = −2s·k·cos u/(a·√(k(1 + s·sin u)))
/// for s = ±1 (differentiated, either gives back the root). Every answer is verified by the caller like any other.
/// </summary>
internal static class HalfAngleRoots
{
    public static Expr? TryIntegrate(Expr core)
    {
        var radicand = core switch
        {
            Op { Kind: Operator.Sqrt, Args: [var r] } => r,
            Op { Kind: Operator.Pow, Args: [var r, Num { Value: var half }] } when half == Rational.Half => r,   // the canonical form's √
            _ => null,
        };
        if (radicand is null || Linearity.Split(radicand) is not [var t1, var t2]) return null;
        var (constant, trig) = t1.Core is Num { Value.IsOne: true } ? (t1, t2) : (t2, t1);
        if (constant.Core is not Num { Value.IsOne: true } || constant.Factor is not Num { Value: var k } || k.Sign <= 0
            || trig.Factor is not Num { Value: var beta } || beta.Abs() != k
            || trig.Core is not Op { Kind: Operator.Sin or Operator.Cos, Args: [var u] } f
            || BasicIntegrals.Slope(u) is not { } a) return null;
        var s = beta.Sign;
        // cos: 2s·k·sin u; sin: −2s·k·cos u; both over a·√radicand
        var (numerator, sign) = f.Kind == Operator.Cos ? (Expr.Call(Operator.Sin, u), s) : (Expr.Call(Operator.Cos, u), -s);
        return Simplifier.SimplifyOrKeep(new Num(new Rational(2 * sign) * k) * numerator / (a * core));
    }
}
