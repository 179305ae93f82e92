namespace SymSeq.Tests.Solving;

public class DecompositionTests
{
    private static Expr P(string s) => Simplifier.Simplify(InfixParser.Parse(s));

    [Fact]
    public void Groups_are_asked_whole_first_and_their_terms_only_in_the_second_round()
    {
        // f = d/dx[sin(x^2+1) ln x] (two terms sharing x^2 + 1), g = exp(3x) (a table integral), and 7x (a rule).
        var f = "2*x*cos(x^2+1)*ln(x) + sin(x^2+1)/x";
        var plan = Decomposition.Of(P($"{f} + exp(3*x) + 7*x"))!;
        Assert.Equal(4, plan.Terms.Count);
        Assert.Equal(3, plan.Groups.Count);
        Assert.Null(plan.ByRules);
        // exp(3x) and 7x need no model, f is asked whole; its first term (sin(x^2+1)/x) has factor 1, so no rescaling.
        Assert.Equal([P(f)], plan.FirstRound);
        Assert.Null(plan.Lead);
        Assert.Equal(2, plan.Ways(2).Single().Count);   // f's two terms, one by one
        Assert.Null(plan.Answer);
        Assert.Equal(1, plan.Unsolved);

        plan.Solved(P(f), P("sin(x^2+1)*ln(x)"));
        Assert.Empty(plan.FirstRound);
        Assert.Empty(plan.Ways(1));
        Assert.Empty(plan.Ways(2));
        Assert.True(Problems.Verify(Problems.Integration(P($"{f} + exp(3*x) + 7*x")), plan.Answer!).Accepted);
    }

    [Fact]
    public void A_group_solved_term_by_term_counts_as_solved()
    {
        var plan = Decomposition.Of(P("(1 + cos(x))^(3/2) + (1 - cos(x))^(3/2)"))!;  // share cos(x): one group of two, neither a rule's
        Assert.Single(plan.Groups);
        // One group is the whole problem (asked anyway), so its terms are asked at once, and not again.
        Assert.Equal(2, plan.FirstRound.Count);
        Assert.Equal(plan.FirstRound, plan.Ways(2).Single());   // the same terms: once failed, not asked again
        plan.Solved(P("(1 + cos(x))^(3/2)"), P("2*sin(x)*(5 + cos(x))/(3*sqrt(1 + cos(x)))"));
        Assert.Null(plan.Answer);
        plan.Solved(P("(1 - cos(x))^(3/2)"), P("-2*sin(x)*(5 - cos(x))/(3*sqrt(1 - cos(x)))"));
        Assert.NotNull(plan.Answer);
    }

    [Fact]
    public void A_scaled_integrand_is_rescaled_back_and_rules_alone_need_nothing_else()
    {
        var plan = Decomposition.Of(P("((1 + cos(x))^(3/2) + tan(x)^3)/2818"))!;
        Assert.NotNull(plan.Rescaled);
        Assert.DoesNotContain(plan.Rescaled!, plan.FirstRound);
        Assert.Contains(plan.Ways(1), way => way.SequenceEqual([plan.Rescaled!]));   // a way of its own
        plan.Solved(plan.Rescaled!, P("2*sin(x)*(5 + cos(x))/(3*sqrt(1 + cos(x))) + tan(x)^2/2 + ln(cos(x))"));
        // the half-angle form and ln(cos x) hold on intervals only; the point here is the rescaling
        Assert.True(Problems.Verify(Problems.Integration(P("((1 + cos(x))^(3/2) + tan(x)^3)/2818")), plan.RescaledAnswer!).HoldsOnSomeInterval);
        // its derivation: the factor taken out, then the rescaled integrand's own integral as the sub-step
        var step = plan.RescaledDerivation((f, g) => Step.Leaf("model", f, g))!;
        Assert.Equal("the constant factor 1/2818 taken out", step.Detail);
        var sub = Assert.Single(step.SubSteps);
        Assert.Equal(plan.Rescaled, sub.Problem);
        Assert.True(Problems.Verify(Problems.Integration(sub.Problem), sub.Result).HoldsOnSomeInterval);
        Assert.True(Problems.Verify(Problems.Integration(step.Problem), step.Result).HoldsOnSomeInterval);

        var rules = Decomposition.Of(P("3*x^2 + exp(2*x) - sin(x)"))!;
        Assert.True(Problems.Verify(Problems.Integration(P("3*x^2 + exp(2*x) - sin(x)")), rules.ByRules!).Accepted);
        Assert.Null(Decomposition.Of(P("x/(1 + x^5)")));  // one term, factor 1, no rule: nothing to decompose
        // --no-rules: the terms are there for the model, none integrated by a rule
        var noRules = Decomposition.Of(P("3*x^2 + exp(2*x) - sin(x)"), rules: false)!;
        Assert.Null(noRules.ByRules);
        Assert.Null(Decomposition.Of(P("exp(2*x)"), rules: false));
        Assert.All(Decomposition.Plans(P("x*cos(x) + 3*x^2"), rules: false), plan => Assert.Null(plan.ByRules));
    }

    [Fact]
    public void A_factored_integrand_gets_a_second_multiplied_out_plan()
    {
        var plans = Decomposition.Plans(P("x*(x/atan(x) + 1) + (9 - x)*ln(x)"));
        Assert.Equal(2, plans.Count);
        Assert.True(plans[1].Terms.Count > plans[0].Terms.Count);
        Assert.Single(Decomposition.Plans(P("x*cos(x) + ln(x)")));  // nothing to multiply out
        Assert.Empty(Decomposition.Plans(P("x/(1 + x^5)")));
    }

    [Fact]
    public void A_sum_written_as_f_plus_g_is_cut_where_it_was_written_even_when_grouping_cannot_part_them()
    {
        // f = d/dx[x tan x] and g = d/dx[ln(x) tan x] share tan(x), so the canonical form's terms make one group.
        const string f = "x*tan(x)^2 + x + tan(x)";
        const string g = "tan(x)/x + ln(x)*(tan(x)^2 + 1)";
        var written = InfixParser.Parse($"{f} + ({g})");
        Assert.Equal(4, Linearity.WrittenParts(written).Count);   // three of f's, and g in parentheses
        var plans = Decomposition.Plans(written);
        Assert.DoesNotContain(plans[0].Groups, group => group.Count == 1 && group[0].Core.Equals(P(g)));

        var cuts = Decomposition.AsWritten(written);
        Assert.Equal(3, cuts.Count);
        Assert.Equal(cuts.Select(c => c.Describe()), plans.Skip(plans.Count - 3).Select(p => p.Describe()));
        var atG = Assert.Single(cuts, c => c.FirstRound.ToHashSet().SetEquals([P(f), P(g)]));
        atG.Solved(P(f), P("x*tan(x)"));
        Assert.Null(atG.Answer);
        atG.Solved(P(g), P("ln(x)*tan(x)"));
        Assert.True(Problems.Verify(Problems.Integration(written), atG.Answer!).Accepted);
        Assert.StartsWith("as written", atG.Describe());

        // Subtraction keeps its sign in the part; canonical input and single terms are not cut.
        Assert.Equal([P("x"), P("-(sin(x) + x^2)")], Linearity.WrittenParts(InfixParser.Parse("x - (sin(x) + x^2)")).Select(e => Simplifier.Simplify(e)));
        Assert.Equal(Decomposition.Plans(P($"{f} + ({g})")).Count, Decomposition.Plans(P($"{f} + ({g})")).Count(p => !p.Describe().StartsWith("as written")));
        Assert.Empty(Decomposition.AsWritten(InfixParser.Parse("x*cos(x)")));

        // A long f + (g): only the cuts next to the parenthesized sum, so the one between f and g is among them.
        const string longF = "x*tan(x)^2 + x + tan(x) + x^3*tan(x) + exp(x)*tan(x) + x^5 + sin(x)*tan(x)";
        var longSum = InfixParser.Parse($"{longF} + ({g})");
        var longCuts = Decomposition.AsWritten(longSum);
        Assert.Equal(8, Linearity.WrittenParts(longSum).Count);
        Assert.Single(longCuts);
        Assert.True(longCuts[0].FirstRound.ToHashSet().SetEquals([P(longF), P(g)]));
    }
}
