using System.Collections.Immutable;
using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Generation;

/// <summary>
/// ODE1 and ODE2: a random solution F(x, c1[, c2]) — a random tree whose variable leaves are x and the constants alike,
/// as in the paper, with what only reparametrizes a constant folded into it (<see cref="ConstantReduction"/>) — kept
/// when each constant then appears once; solving F = Y for the
/// constants by inverting the path to them and differentiating eliminates them, which leaves an ODE that F
/// solves for every value of the constants. The constants are written a8 and a9, as in the paper's data. The equation
/// is written in its canonical, solved form "Y^(n) - R" (<see cref="Problems.Canonical"/>), and every emitted pair is
/// checked by substituting F into the equation.
/// </summary>
public sealed class OdeGenerator : IProblemGenerator
{
    private readonly GeneratorContext _context;
    private readonly int _order;

    public OdeGenerator(GeneratorContext context, int order)
    {
        if (order is not (1 or 2)) throw new ArgumentOutOfRangeException(nameof(order), "first or second order");
        _context = context;
        _order = order;
        _withConstants = new RandomExpressionGenerator(context.Options with { Variables = ["x", .. ConstantNames.Take(order)] });
    }

    private readonly RandomExpressionGenerator _withConstants;

    public string Task => _order == 1 ? "ode1" : "ode2";

    /// <summary>The paper's names: its ODE data writes the constants a8 and a9 (<see cref="Symbols.OdeConstants"/>).</summary>
    public static readonly string[] ConstantNames = Symbols.OdeConstants;

    public Example? TryGenerate(Random rng, out string? rejection)
    {
        try
        {
            var ops = _context.SampleOps(rng);
            // As the paper does: the constants are variables of the random tree, as likely as x at each variable leaf,
            // and what only reparametrizes a constant is folded into it (sqrt(3*a8) → a8, a8 + x + 9 → a8 + x).
            var F = _context.Simplify(_withConstants.Generate(ops, rng));
            if (!ConstantNames.Take(_order).All(c => ExprParts.Contains(F, c))) { rejection = Rejection.Constant; return null; }
            F = Reduced(F);
            // Multiplied out, a solution may fold further ((x*a8 + 27/a8)/a8 → x + 27/a8^2 → x + a8): the shorter is kept.
            if (Expansion.Multiplied(F, _context.StepBudget, _context.StepBudget) is { } expanded && (expanded = Reduced(expanded)).Size < F.Size) F = expanded;
            if (!ExprParts.Contains(F, "x") || ConstantNames.Take(_order).Any(c => !ExprParts.Contains(F, c)))
            { rejection = Rejection.Constant; return null; }
            if (!_context.FitsLength(F)) { rejection = Rejection.TooLong; return null; }

            // Eliminate a8 first, as the paper does: F = Y  →  a8 = g(x, Y, a9)  →  d/dx g = 0, then a9 likewise.
            Expr equation = new Num(0);
            Expr lhs = F, rhs = new Unknown(0);
            for (var k = 0; k < _order; k++)
            {
                var solved = ConstantSolver.Solve(lhs, ConstantNames[k], rhs, rng, _context.Simplify);
                if (solved is null) { rejection = Rejection.NotInvertible; return null; }
                equation = Problems.DropNonvanishingFactors(_context.Simplify(Derivative.Of(_context.Simplify(solved))));
                (lhs, rhs) = (equation, Expr.Zero);
            }
            // The form every front end feeds the model, so that an ODE written any other way reads the same.
            equation = Problems.Canonical(equation, _context.StepBudget);
            if (!HasOrder(equation, _order)) { rejection = Rejection.Invalid; return null; }
            if (!_context.FitsLength(equation)) { rejection = Rejection.TooLong; return null; }
            // The same judge as every front end (an ODE y' = g(x) is checked as the integral of g).
            if (!Problems.Verify(equation, F).HoldsOnSomeInterval) { rejection = Rejection.CheckFailed; return null; }
            rejection = null;
            return new Example(Task, equation, F);
        }
        catch (UndefinedExpressionException) { rejection = Rejection.Invalid; return null; }
        catch (DivideByZeroException) { rejection = Rejection.Invalid; return null; }
        catch (NotSupportedException) { rejection = Rejection.Invalid; return null; }
        catch (SymbolicTimeoutException) { rejection = Rejection.Timeout; return null; }
    }

    /// <summary>F with what only reparametrizes a constant folded in, to a fixed point (simplifying may expose more: 2*a8 + x after a fold).</summary>
    private Expr Reduced(Expr F)
    {
        for (var round = 0; round < 3; round++)
        {
            var before = F;
            foreach (var c in ConstantNames.Take(_order)) F = _context.Simplify(ConstantReduction.Reduce(F, c));
            if (F.Equals(before)) break;
        }
        return F;
    }

    private static bool HasOrder(Expr e, int order) =>
        ExprParts.Nodes(e).Any(n => n is Unknown u && u.Order == order);
}
