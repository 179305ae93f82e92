using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Tidier equivalent forms of a verified answer. In the functions the problem was written in: the rules integrate
/// sinh and cosh through exponentials, so ∫ sinh x·cosh x comes out as e^(2x)/8 + e^(−2x)/8; written back,
/// it is cosh(2x)/4. Multiplied out when that is shorter: integration by parts leaves x·(x·atan x − …) + … beside
/// terms that cancel, and multiplied out and collected the answer is often half as long. A form is only a proposal:
/// the solver and the FWD and IBP generators verify it like any answer and keep the original when it does not verify.
/// </summary>
public static class AnswerForms
{
    private static readonly Operator[] Hyperbolic = [Operator.Sinh, Operator.Cosh, Operator.Tanh];

    /// <summary>The answer's tidier forms for the problem (an integrand or an ODE), best first; none when it is tidy.</summary>
    public static IEnumerable<Expr> Tidier(Expr problem, Expr answer)
    {
        if (InHyperbolicFunctions(problem, answer) is { } h)
        {
            if (MultipliedOut(h) is { } hm) yield return hm;
            yield return h;
        }
        if (MultipliedOut(answer) is { } m) yield return m;
    }

    /// <summary>
    /// The answer multiplied out (<see cref="Expansion"/>) and collected (<see cref="Simplifier"/>) when that has fewer
    /// prefix tokens than the answer; null when it has as many or more, or the steps run out of their budget.
    /// </summary>
    internal static Expr? MultipliedOut(Expr answer, TimeSpan? budget = null)
    {
        if (answer is not Op) return null;
        try
        {
            using var cancel = new CancellationTokenSource(budget ?? Simplifier.DefaultBudget);
            var expanded = Expansion.Expand(answer, cancel.Token);
            if (!Simplifier.TrySimplify(expanded, out var collected, budget)) return null;
            return PrefixCodec.Encode(collected).Length < PrefixCodec.Encode(answer).Length ? collected : null;
        }
        catch (OperationCanceledException) { return null; }
    }

    /// <summary>
    /// a·g·eᵘ + b·g·e⁻ᵘ written (a + b)·g·cosh u + (a − b)·g·sinh u, for every such pair of terms of the answer, when the problem
    /// has sinh, cosh or tanh and no exponential; null when there is no pair.
    /// </summary>
    internal static Expr? InHyperbolicFunctions(Expr problem, Expr answer)
    {
        var kinds = ExprParts.Nodes(problem).OfType<Op>().Select(o => o.Kind).ToHashSet();
        if (kinds.Contains(Operator.Exp) || !Hyperbolic.Any(kinds.Contains)) return null;
        var terms = Linearity.Split(answer).Select(t => (t.Factor, t.Core, Parts: ExponentialFactor(t.Core))).ToArray();
        var paired = new bool[terms.Length];
        var result = new List<(Expr Factor, Expr Core)>();
        for (var i = 0; i < terms.Length; i++)
        {
            if (paired[i]) continue;
            var partner = Partner(terms, paired, i);
            if (partner < 0)
            {
                result.Add((terms[i].Factor, terms[i].Core));
                continue;
            }
            paired[i] = paired[partner] = true;
            // u is the argument whose constant factor is positive: cosh(2x), not cosh(−2x)
            var (plus, minus) = IsNegative(terms[i].Parts.U!) ? (terms[partner], terms[i]) : (terms[i], terms[partner]);
            var (g, u) = (plus.Parts.G, plus.Parts.U!);
            var cosh = Simplifier.SimplifyOrKeep(plus.Factor + minus.Factor);
            var sinh = Simplifier.SimplifyOrKeep(plus.Factor - minus.Factor);
            if (cosh is not Num { Value.IsZero: true }) result.Add((cosh, g * Expr.Call(Operator.Cosh, u)));
            if (sinh is not Num { Value.IsZero: true }) result.Add((sinh, g * Expr.Call(Operator.Sinh, u)));
        }
        return paired.Any(p => p) ? Simplifier.SimplifyOrKeep(Linearity.Combine(result)) : null;
    }

    /// <summary>A core g·eᵘ as (g, u) (g = 1 for a lone eᵘ); (core, null) when it has no single exponential factor.</summary>
    private static (Expr G, Expr? U) ExponentialFactor(Expr core)
    {
        if (core is Op { Kind: Operator.Exp } e) return (Expr.One, e[0]);
        if (core is not Op { Kind: Operator.Mul } m || m.Args.Count(a => a is Op { Kind: Operator.Exp }) != 1) return (core, null);
        var exp = (Op)m.Args.First(a => a is Op { Kind: Operator.Exp });
        var rest = m.Args.Where(a => !ReferenceEquals(a, exp)).ToArray();
        return (rest.Length == 1 ? rest[0] : new Op(Operator.Mul, rest), exp[0]);
    }

    /// <summary>The first unpaired term after i that is g·e^v for the same g as term i's g·eᵘ and v = −u, or −1.</summary>
    private static int Partner((Expr Factor, Expr Core, (Expr G, Expr? U) Parts)[] terms, bool[] paired, int i)
    {
        if (terms[i].Parts.U is not { } u) return -1;
        for (var j = i + 1; j < terms.Length; j++)
            if (!paired[j] && terms[j].Parts.U is { } v && terms[j].Parts.G.Equals(terms[i].Parts.G)
                && Simplifier.TrySimplify(u + v, out var sum) && sum is Num { Value.IsZero: true })
                return j;
        return -1;
    }

    private static bool IsNegative(Expr u) => Linearity.SplitTerm(u).Factor is Num { Value.Sign: < 0 };
}
