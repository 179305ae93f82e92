using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// What linearity makes of one form of an integrand (see <see cref="Plans"/>), and what has been solved of it so far.
/// The integrand splits into terms (<see cref="Linearity.Split"/>) that fall into groups
/// sharing sub-expressions (<see cref="Linearity.Groups"/>). Sub-integrals are asked in two rounds (see
/// <see cref="Ways"/>), cheapest first: the <see cref="FirstRound"/> has one entry per group (a lone term's core, or
/// a group's sum), and the integrand rescaled to a leading factor of 1 is a way of its own; the second round has the
/// terms of the groups not solved whole, one by one. Basic-rule terms never need asking. The answer is the sum of the
/// groups' integrals.
/// </summary>
public sealed class Decomposition
{
    private readonly Dictionary<LinearTerm, Step?> _rules;
    private readonly Dictionary<IReadOnlyList<LinearTerm>, Expr> _groupSums;
    private readonly Dictionary<Expr, Expr> _solved = [];
    private readonly string? _split;

    public IReadOnlyList<LinearTerm> Terms { get; }
    public IReadOnlyList<IReadOnlyList<LinearTerm>> Groups { get; }

    /// <summary>The factor of the first term that needs the model, when it is not 1 (and there are several terms), else null.</summary>
    public Expr? Lead { get; }

    /// <summary>The integrand divided by <see cref="Lead"/>: f/2818 becomes f again when f's first coefficient was 1.</summary>
    public Expr? Rescaled { get; }

    /// <param name="split">Null: the terms of one form, grouped by what they share. Else the terms are the parts of
    /// the sum as written (see <see cref="AsWritten"/>), each its own group, and this says where it was cut.</param>
    /// <param name="rules">False: no term is integrated by the basic rules (--no-rules); the model gets every one.</param>
    private Decomposition(IReadOnlyList<LinearTerm> terms, RuleScope scope, string? split = null, bool rules = true)
    {
        Terms = terms;
        _split = split;
        // the terms' steps stay with the plan (a frame of its own keeps them out of any rule's steps)
        using (scope.Open())
            _rules = terms.Distinct().ToDictionary(t => t, t => rules ? BasicIntegrals.TryDerive(t.Core, scope) : null);
        Groups = split is null ? Linearity.Groups(terms) : terms.Select(t => (IReadOnlyList<LinearTerm>)[t]).ToList();
        _groupSums = Groups.Count > 1 ? Groups.Where(g => g.Count > 1).ToDictionary(g => g, Linearity.Sum) : [];
        // The factor of the first term the rules cannot do (a rule term's coefficient says nothing about f's).
        if (split is null && terms.Count > 1 && terms.FirstOrDefault(t => _rules[t] is null) is { Factor: not Num { Value.IsOne: true } } first)
        {
            Lead = first.Factor;
            Rescaled = Linearity.Sum(terms.Select(t => t with { Factor = Simplifier.SimplifyOrKeep(t.Factor / Lead) }).ToList());
        }
    }

    /// <summary>
    /// The plans for an integrand: one from its canonical form's terms and, when multiplying out products of sums
    /// (<see cref="Linearity.Distribute"/>) gives other terms, one from those. The canonical form keeps a sub-integral
    /// in the shape the model was trained on (the f of f + ln(x)); the multiplied-out one finds terms that the
    /// canonical form keeps factored, x·(a + b) + c. Then, when the integrand is not written in canonical form, the
    /// cuts of the sum as written (<see cref="AsWritten"/>). Empty when linearity does not change the problem.
    /// </summary>
    /// <param name="rules">False: the plans integrate no term by the basic rules (--no-rules).</param>
    /// <param name="scope">The rules' scope, shared by the plans (they share most of their terms); null for a new one.</param>
    public static IReadOnlyList<Decomposition> Plans(Expr integrand, bool rules = true, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        if (!Simplifier.TrySimplify(integrand, out var canonical)) return [];
        var forms = new List<Expr> { canonical };
        if (Simplifier.TrySimplify(Linearity.Distribute(canonical), out var distributed) && !distributed.Equals(canonical)) forms.Add(distributed);
        var plans = forms.Select(f => Of(f, rules, scope)).OfType<Decomposition>().ToList();
        if (!integrand.Equals(canonical)) plans.AddRange(AsWritten(integrand, rules, scope));
        return plans;
    }

    /// <summary>At most this many cuts of a sum as written are tried.</summary>
    public const int MaxWrittenCuts = 5;

    /// <summary>
    /// Plans that keep the sum's order as written: for a sum of parts p₁ + … + pₙ (a parenthesized sum is one part),
    /// a cut p₁ + … + pₖ | pₖ₊₁ + … + pₙ gives two sub-integrals. Someone adding two integrands writes f + (g), and
    /// the canonical form sorts and merges their terms; when f and g share functions (tan(x) in both), grouping
    /// cannot part them again, but one of these cuts does. Every cut when there are at most
    /// <see cref="MaxWrittenCuts"/>; else the cuts next to a parenthesized sum (the writer's own grouping), at most
    /// that many. Empty for fewer than 2 parts.
    /// </summary>
    public static IReadOnlyList<Decomposition> AsWritten(Expr integrand, bool rules = true, RuleScope? scope = null)
    {
        scope ??= new RuleScope();
        var parts = Linearity.WrittenParts(integrand);
        var cuts = Enumerable.Range(1, Math.Max(parts.Count - 1, 0));
        if (parts.Count - 1 > MaxWrittenCuts) cuts = cuts.Where(k => IsSum(parts[k - 1]) || IsSum(parts[k])).Take(MaxWrittenCuts);
        var plans = new List<Decomposition>();
        foreach (var cut in cuts)
        {
            var halves = new[] { parts.Take(cut), parts.Skip(cut) }
                .Select(h => Linearity.SplitTerm(Simplifier.SimplifyOrKeep(h.Aggregate((a, b) => a + b)))).ToList();
            if (halves.All(h => h.Core is Num)) continue;
            plans.Add(new Decomposition(halves, scope, $"as written, cut after part {cut} of {parts.Count}", rules));
        }
        return plans;
    }

    /// <summary>A part that is a sum itself, or minus one (a − (b + c)): a parenthesized sum.</summary>
    private static bool IsSum(Expr part) =>
        part is Op { Kind: Operator.Add or Operator.Sub } || part is Op { Kind: Operator.Mul, Args.Length: 2 } m && m[0] is Num && IsSum(m[1]);

    /// <summary>The plan for one form of an integrand, or null when linearity does not change the problem (one term, factor 1, no rule).</summary>
    public static Decomposition? Of(Expr canonical, bool rules = true, RuleScope? scope = null)
    {
        var terms = Linearity.Split(canonical);
        scope ??= new RuleScope();
        if (terms.Count == 1 && terms[0].Factor is Num { Value.IsOne: true } && (!rules || Quietly(scope, () => BasicIntegrals.TryIntegrate(terms[0].Core, scope)) is null)) return null;
        return new Decomposition(terms, scope, rules: rules);
    }

    /// <summary>f() with the steps it records kept out of any open frame.</summary>
    private static Expr? Quietly(RuleScope scope, Func<Expr?> f)
    {
        using (scope.Open()) return f();
    }

    /// <summary>The whole integral by basic rules alone (3x² + 5, exp(2x) − sin(x)), or null.</summary>
    public Expr? ByRules => ByRulesStep?.Result;

    /// <summary>The whole integral by basic rules alone as a step: linearity over the terms' own steps (a lone term with factor 1: its step), or null.</summary>
    public Step? ByRulesStep => Terms.All(t => _rules[t] is not null) ? Combined(Terms.Select(t => (t.Factor, _rules[t]!)).ToList()) : null;

    private Step Combined(IReadOnlyList<(Expr Factor, Step Step)> parts) => Step.OfSum(Linearity.Sum(Terms), parts, _split);

    /// <summary>
    /// The derivation of <see cref="Answer"/> once every group is solved: linearity over each group's step (a basic
    /// rule's, or <paramref name="solvedBy"/>'s for a sub-integral recorded with <see cref="Solved"/>), or null.
    /// </summary>
    public Step? Derivation(Func<Expr, Expr, Step> solvedBy)
    {
        if (Unsolved > 0) return null;
        var parts = new List<(Expr, Step)>();
        foreach (var g in Groups)
            if (_groupSums.TryGetValue(g, out var sum) && _solved.TryGetValue(sum, out var whole)) parts.Add((Expr.One, solvedBy(sum, whole)));
            else parts.AddRange(g.Select(t => (t.Factor, _rules[t] ?? solvedBy(t.Core, _solved[t.Core]))));
        return Combined(parts);
    }

    /// <summary>
    /// The derivation of <see cref="RescaledAnswer"/>: <see cref="Lead"/> taken out, and <paramref name="solvedBy"/>'s
    /// step for the rescaled integrand's own integral; null until that is solved.
    /// </summary>
    public Step? RescaledDerivation(Func<Expr, Expr, Step> solvedBy) =>
        Rescaled is not null && _solved.TryGetValue(Rescaled, out var r) ? Combined([(Lead!, solvedBy(Rescaled, r))]) : null;

    /// <summary>
    /// One entry per group not yet solved (a lone term's core, or the group's sum). When all terms form one group,
    /// that group is the whole problem (asked anyway), so its terms' cores come here instead.
    /// </summary>
    public IReadOnlyList<Expr> FirstRound =>
        Groups.Where(g => GroupIntegral(g) is null)
            .SelectMany(g => _groupSums.TryGetValue(g, out var sum) ? [sum] : g.Where(t => _rules[t] is null).Select(t => t.Core))
            .Where(e => !_solved.ContainsKey(e)).Distinct().ToList();

    /// <summary>
    /// The ways still open to finish this plan in a round, each the unsolved sub-integrals that together would.
    /// Round 1: the <see cref="FirstRound"/>, and the rescaled integrand alone. Round 2: every group's unsolved
    /// terms, one by one, and the lone terms the first round did not solve.
    /// </summary>
    public IEnumerable<IReadOnlyList<Expr>> Ways(int round)
    {
        if (round == 1)
        {
            if (FirstRound is { Count: > 0 } first) yield return first;
            if (Rescaled is not null && !_solved.ContainsKey(Rescaled)) yield return [Rescaled];
        }
        else if (Unsolved > 0)
            yield return Groups.Where(g => GroupIntegral(g) is null)
                .SelectMany(g => g.Where(t => TermIntegral(t) is null).Select(t => t.Core)).Distinct().ToList();
    }

    /// <summary>Records a verified antiderivative of one of the sub-integrands asked.</summary>
    public void Solved(Expr subIntegrand, Expr integral) => _solved[subIntegrand] = integral;

    /// <summary>Lead times the rescaled integrand's integral, once that is solved.</summary>
    public Expr? RescaledAnswer => Rescaled is not null && _solved.TryGetValue(Rescaled, out var r) ? Simplifier.SimplifyOrKeep(Lead! * r) : null;

    public int Unsolved => Groups.Count(g => GroupIntegral(g) is null);

    /// <summary>The sum of every group's integral, once each group is solved (whole, or term by term).</summary>
    public Expr? Answer => Unsolved == 0 ? Linearity.Combine(Groups.Select(g => ((Expr)Expr.One, GroupIntegral(g)!))) : null;

    /// <summary>Each group as (its integrand, its integral or null): what <c>Completion.RestOfSum</c> works from.</summary>
    public IReadOnlyList<(Expr Integrand, Expr? Integral)> Pieces =>
        Groups.Select(g => (_groupSums.TryGetValue(g, out var sum) ? sum : Linearity.Sum(g), GroupIntegral(g))).ToList();

    public string Describe() => _split ?? (Groups.Count == Terms.Count ? $"{Terms.Count} terms" : $"{Terms.Count} terms in {Groups.Count} groups");

    private Expr? TermIntegral(LinearTerm t) => _rules[t]?.Result ?? _solved.GetValueOrDefault(t.Core);

    private Expr? GroupIntegral(IReadOnlyList<LinearTerm> g) =>
        _groupSums.TryGetValue(g, out var sum) && _solved.TryGetValue(sum, out var whole) ? whole
        : g.All(t => TermIntegral(t) is not null) ? Linearity.Combine(g.Select(t => (t.Factor, TermIntegral(t)!))) : null;

}
