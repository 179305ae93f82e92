using System.Collections.Immutable;
using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Generation;

/// <summary>
/// ODE1 and ODE2: a random solution F(x, c1[, c2]) with each constant appearing once; solving F = Y for the
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
    }

    public string Task => _order == 1 ? "ode1" : "ode2";

    /// <summary>The paper's names: its ODE data writes the constants a8 and a9.</summary>
    public static readonly string[] ConstantNames = ["a8", "a9"];

    public Example? TryGenerate(Random rng, out string? rejection)
    {
        try
        {
            var ops = _context.SampleOps(rng);
            var F = _context.Simplify(WithConstants(_context.Expressions.Generate(ops, rng), rng));
            if (!ExprParts.Contains(F, "x") || ConstantNames.Take(_order).Any(c => PathInverter.Occurrences(F, c) != 1))
            { rejection = Rejection.Constant; return null; }
            if (!_context.FitsLength(F)) { rejection = Rejection.TooLong; return null; }

            // Eliminate a8 first, as the paper does: F = Y  →  a8 = g(x, Y, a9)  →  d/dx g = 0, then a9 likewise.
            Expr equation = new Num(0);
            Expr lhs = F, rhs = new Unknown(0);
            for (var k = 0; k < _order; k++)
            {
                var solved = PathInverter.SolveFor(lhs, ConstantNames[k], rhs);
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

    /// <summary>Replaces distinct random leaves with the constants a8 (and a9).</summary>
    private Expr WithConstants(Expr tree, Random rng)
    {
        var leaves = ExprParts.Nodes(tree).Count(n => n is not Op);
        var picks = Enumerable.Range(0, leaves).OrderBy(_ => rng.Next()).Take(_order).ToArray();
        if (picks.Length < _order) // a single-leaf tree: combine the constants with it
            return ConstantNames.Take(_order).Aggregate(tree, (e, c) => e + new Sym(c));
        var index = 0;
        return Replace(tree, picks, ref index);
    }

    private static Expr Replace(Expr e, int[] picks, ref int index)
    {
        if (e is not Op op)
        {
            var at = Array.IndexOf(picks, index++);
            return at >= 0 ? new Sym(ConstantNames[at]) : e;
        }
        var args = ImmutableArray.CreateBuilder<Expr>(op.Args.Length);
        foreach (var a in op.Args) args.Add(Replace(a, picks, ref index));
        return new Op(op.Kind, args.MoveToImmutable());
    }

    private static bool HasOrder(Expr e, int order) =>
        ExprParts.Nodes(e).Any(n => n is Unknown u && u.Order == order);
}
