using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Generation;

/// <summary>
/// ODELIN: the textbook ODEs, linear with constant coefficients, that the paper's constant-elimination generator
/// (<see cref="OdeGenerator"/>) almost never produces: y' + p·y = f(x) and y'' + p·y' + q·y = f(x). The
/// characteristic roots are drawn first (distinct real, repeated, or complex α ± βi with small integers), which
/// gives the homogeneous solutions (e^{rx}, x·e^{rx}, e^{αx}·cos βx, e^{αx}·sin βx) and the coefficients; a
/// particular solution is zero (homogeneous equations) or a random expression yp, and f = L[yp]. The answer is
/// a8·u1 + a9·u2 + yp, checked by substitution like every ODE pair.
/// </summary>
public sealed class LinearOdeGenerator(GeneratorContext context) : IProblemGenerator
{
    public string Task => "odelin";

    public Example? TryGenerate(Random rng, out string? rejection)
    {
        try
        {
            Expr x = Expr.X, a8 = new Sym(Symbols.OdeConstants[0]), a9 = new Sym(Symbols.OdeConstants[1]);
            Expr Exp(Rational r) => r.IsZero ? Expr.One : Expr.Call(Operator.Exp, new Num(r) * x);
            var order = rng.Next(2) + 1;
            Rational p, q = Rational.Zero;
            Expr homogeneous;
            if (order == 1)
            {
                var k = rng.Next(-3, 4);
                p = -k;
                homogeneous = a8 * Exp(k);
            }
            else
            {
                switch (rng.Next(3))
                {
                    case 0: // distinct real roots
                    {
                        int r1 = rng.Next(-3, 4), r2;
                        do r2 = rng.Next(-3, 4); while (r2 == r1);
                        (p, q) = (-(r1 + r2), r1 * r2);
                        homogeneous = a8 * Exp(r1) + a9 * Exp(r2);
                        break;
                    }
                    case 1: // a repeated root
                    {
                        var r = rng.Next(-3, 4);
                        (p, q) = (-2 * r, r * r);
                        homogeneous = a8 * Exp(r) + a9 * x * Exp(r);
                        break;
                    }
                    default: // complex roots α ± βi
                    {
                        int alpha = rng.Next(-2, 3), beta = rng.Next(1, 4);
                        (p, q) = (-2 * alpha, alpha * alpha + beta * beta);
                        Expr bx = new Num(beta) * x;
                        homogeneous = Exp(alpha) * (a8 * Expr.Call(Operator.Cos, bx) + a9 * Expr.Call(Operator.Sin, bx));
                        break;
                    }
                }
            }
            Expr particular = Expr.Zero;
            if (rng.NextDouble() >= 0.35)
            {
                particular = context.Simplify(context.Expressions.Generate(rng.Next(1, 5), rng));
                if (!ExprParts.Contains(particular, "x")) { rejection = Rejection.Constant; return null; }
            }
            // L[u] = u^(order) + p·u^(order-1) [+ q·u]
            Expr Apply(Expr y1, Expr y2, Expr y0) => order == 1 ? y1 + new Num(p) * y0 : y2 + new Num(p) * y1 + new Num(q) * y0;
            var forcing = particular is Num { Value.IsZero: true } ? Expr.Zero
                : context.Simplify(Apply(Derivative.Of(particular), order == 2 ? Derivative.Of(Derivative.Of(particular)) : Expr.Zero, particular));
            var equation = Problems.Canonical(Apply(new Unknown(1), new Unknown(2), new Unknown(0)) - forcing, context.StepBudget);
            var solution = context.Simplify(homogeneous + particular);
            if (!context.FitsLength(equation) || !context.FitsLength(solution)) { rejection = Rejection.TooLong; return null; }
            if (!OdeVerifier.Check(equation, solution).HoldsOnSomeInterval) { rejection = Rejection.CheckFailed; return null; }
            rejection = null;
            return new Example(Task, equation, solution);
        }
        catch (UndefinedExpressionException) { rejection = Rejection.Invalid; return null; }
        catch (DivideByZeroException) { rejection = Rejection.Invalid; return null; }
        catch (NotSupportedException) { rejection = Rejection.Invalid; return null; }
        catch (SymbolicTimeoutException) { rejection = Rejection.Timeout; return null; }
    }
}
