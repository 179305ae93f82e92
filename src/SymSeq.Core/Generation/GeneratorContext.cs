using SymSeq.Expressions;
using SymSeq.Solving;

namespace SymSeq.Generation;

/// <summary>Settings and helpers shared by all problem generators.</summary>
public sealed class GeneratorContext(ExpressionOptions options, TimeSpan? stepBudget = null)
{
    public ExpressionOptions Options { get; } = options;
    public RandomExpressionGenerator Expressions { get; } = new(options);

    /// <summary>Time allowed for each symbolic step (simplify) of one example.</summary>
    public TimeSpan StepBudget { get; } = stepBudget ?? TimeSpan.FromMilliseconds(500);

    /// <summary>The CAS that FWD integrates with (maxima or sympy).</summary>
    public string Cas { get; init; } = "maxima";

    /// <summary>Time FWD gives the CAS for one integral; past it the draw is dropped and the CAS restarted.</summary>
    public TimeSpan CasBudget { get; init; } = TimeSpan.FromSeconds(5);

    public Expr Simplify(Expr e) => Simplifier.Simplify(e, StepBudget);

    /// <summary>Number of operators for a fresh random tree: uniform in [3, MaxOps] as in the paper.</summary>
    public int SampleOps(Random rng) => rng.Next(Math.Min(3, Options.MaxOps), Options.MaxOps + 1);

    /// <summary>Prefix length plus the two sequence delimiters fits the model's limit.</summary>
    public bool FitsLength(Expr e) => PrefixCodec.Encode(e).Length + 2 <= Options.MaxLen;

    /// <summary>
    /// The antiderivative an integration pair carries: its tidiest form (<see cref="AnswerForms"/>, without additive
    /// constants) that fits and passes <paramref name="check"/>, else the antiderivative as found when it does; null,
    /// with the rejection, when no form does. The model then learns the shortest answers its sources give.
    /// </summary>
    public Expr? TidiestAntiderivative(Expr integrand, Expr antiderivative, Func<Expr, bool> check, out string? rejection)
    {
        rejection = Rejection.TooLong;
        foreach (var form in AnswerForms.Tidier(integrand, antiderivative).Select(RemoveAdditiveConstants).Append(antiderivative))
        {
            if (!FitsLength(form)) continue;
            if (!check(form)) { rejection = Rejection.CheckFailed; continue; }
            rejection = null;
            return form;
        }
        return null;
    }

    /// <summary>True when e has a finite real value at some of a few sample points.</summary>
    public static bool HasFiniteValues(Expr e)
    {
        Span<double> slots = stackalloc double[Symbols.SlotCount];
        ReadOnlySpan<double> xs = [0.31, 0.73, 1.37, 2.9, -0.47, -1.61, 4.7, 0.05];
        foreach (var x in xs)
        {
            for (var i = 0; i < slots.Length; i++) slots[i] = 0.5 + 0.1 * i;
            slots[0] = x;
            if (double.IsFinite(Evaluator.Eval(e, slots))) return true;
        }
        return false;
    }

    /// <summary>Drops additive terms that do not depend on x: integrals are only defined up to them.</summary>
    public static Expr RemoveAdditiveConstants(Expr e)
    {
        if (e is not Op { Kind: Operator.Add } sum) return e;
        var kept = sum.Args.Where(t => ExprParts.Contains(t, "x")).ToArray();
        return kept.Length switch
        {
            0 => Expr.Zero,
            1 => kept[0],
            _ => new Op(Operator.Add, kept),
        };
    }
}
