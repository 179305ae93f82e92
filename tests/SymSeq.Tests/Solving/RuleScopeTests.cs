namespace SymSeq.Tests.Solving;

/// <summary>The rules' scope: nesting depths per rule, the memo keyed on the integrand and those depths, the step frames.</summary>
public class RuleScopeTests
{
    private static readonly Expr F = InfixParser.Parse("x*cos(x)");

    [Fact]
    public void Depths_count_per_rule_and_unwind()
    {
        var scope = new RuleScope();
        Assert.Equal(0, scope.Depth(RuleScope.Rule.ByParts));
        using (scope.Enter(RuleScope.Rule.ByParts))
        {
            using (scope.Enter(RuleScope.Rule.ByParts))
            using (scope.Enter(RuleScope.Rule.ChangeOfVariable))
            {
                Assert.Equal(2, scope.Depth(RuleScope.Rule.ByParts));
                Assert.Equal(1, scope.Depth(RuleScope.Rule.ChangeOfVariable));
                Assert.Equal(0, scope.Depth(RuleScope.Rule.TrigIdentities));
            }
            Assert.Equal(1, scope.Depth(RuleScope.Rule.ByParts));
            Assert.Equal(0, scope.Depth(RuleScope.Rule.ChangeOfVariable));
        }
        Assert.Equal(0, scope.Depth(RuleScope.Rule.ByParts));
        Assert.Equal(0, new RuleScope().Depth(RuleScope.Rule.ByParts));   // scopes share nothing
    }

    /// <summary>A rule passed over at the top is not tried on the outermost integrand, and is on the integrals the others make.</summary>
    [Fact]
    public void A_rule_passed_over_at_the_top_still_answers_the_inner_integrals()
    {
        var f = Simplifier.Simplify(InfixParser.Parse("asin(sqrt(x))^2"));
        var first = BasicIntegrals.TryDerive(f, new RuleScope());
        Assert.Equal("by parts", first!.Rule);
        var other = BasicIntegrals.TryDerive(f, new RuleScope(passOverAtTop: new HashSet<string> { "by parts" }));
        Assert.NotNull(other);
        Assert.NotEqual("by parts", other!.Rule);
        Assert.Contains(other.Flatten(), s => s.Depth > 0 && s.Step.Rule == "by parts");
        Assert.True(RuleChecks.VerifiesEverywhere(f, other.Result), other.Result.ToString());
        // nothing passed over: the memo of one scope never hands the passed-over search's answer to another
        Assert.Equal("by parts", BasicIntegrals.TryDerive(f, new RuleScope())!.Rule);
    }

    [Fact]
    public void An_answer_is_remembered_at_the_same_depths_only_and_only_in_its_scope()
    {
        var calls = 0;
        Step? Count(Expr e) { calls++; return Step.Leaf("test", e, e); }
        var scope = new RuleScope();
        scope.Remembered(F, Count);
        scope.Remembered(F, Count);
        Assert.Equal(1, calls);
        using (scope.Enter(RuleScope.Rule.TrigIdentities))
            scope.Remembered(F, Count);   // inside a rule the answer may differ: asked again
        Assert.Equal(2, calls);
        new RuleScope().Remembered(F, Count);   // another scope: asked again
        Assert.Equal(3, calls);
    }

    [Fact]
    public void A_failure_by_exception_is_not_remembered()
    {
        var calls = 0;
        var scope = new RuleScope();
        Assert.Throws<SymbolicTimeoutException>(() => scope.Remembered(F, _ => { calls++; throw new SymbolicTimeoutException("out of time"); }));
        Assert.Equal(F, scope.Remembered(F, e => { calls++; return Step.Leaf("test", e, e); })!.Result);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_rule_that_gives_up_on_a_way_drops_the_steps_of_that_way()
    {
        var scope = new RuleScope();
        using var frame = scope.Open();
        scope.Record(Step.Leaf("kept", F, F));
        var failed = scope.Tentatively<Expr>(() =>
        {
            scope.Record(Step.Leaf("dropped", F, F));
            scope.Note("u = x");
            return null;
        });
        Assert.Null(failed);
        Assert.Equal(["kept"], frame.Steps.Select(s => s.Rule));
        Assert.Null(frame.Detail);
        scope.Tentatively<Expr>(() => { scope.Record(Step.Leaf("second", F, F)); return F; });
        Assert.Equal(["kept", "second"], frame.Steps.Select(s => s.Rule));
    }

    [Fact]
    public void Integrations_on_many_threads_at_once_each_keep_their_own_scope()
    {
        // no state is shared between integrations: the same integrands on 4 threads give the same answers and steps
        string[] integrands = ["x*exp(x^2) + x^2*ln(x)", "x*asin(x)^2", "1/(x^3 - x)", "sin(3*x)*cos(2*x)", "x*tan(x)^2"];
        var once = integrands.Select(i => BasicIntegrals.TryDeriveSum(RuleChecks.Canonical(i))!).ToList();
        var parallel = Enumerable.Range(0, 40).AsParallel().WithDegreeOfParallelism(4)
            .Select(k => (k % integrands.Length, BasicIntegrals.TryDeriveSum(RuleChecks.Canonical(integrands[k % integrands.Length]))!)).ToList();
        foreach (var (i, step) in parallel)
        {
            Assert.Equal(once[i].Result, step.Result);
            Assert.Equal(once[i].Chain, step.Chain);
        }
    }

    [Fact]
    public void Past_its_budget_a_scope_lets_no_rule_start()
    {
        var spent = new RuleScope(TimeSpan.Zero);
        Thread.Sleep(5);
        Assert.True(spent.OutOfTime);
        Assert.Null(BasicIntegrals.TryIntegrate(RuleChecks.Canonical("x*cos(x)"), spent));
        Assert.NotNull(BasicIntegrals.TryIntegrate(RuleChecks.Canonical("x*cos(x)"), new RuleScope()));
    }
}
