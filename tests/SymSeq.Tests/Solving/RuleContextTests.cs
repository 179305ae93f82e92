namespace SymSeq.Tests.Solving;

/// <summary>The rules' nesting guards and the memo of answers keyed on the integrand and the guards' depths.</summary>
public class RuleContextTests
{
    private static readonly Expr F = InfixParser.Parse("x*cos(x)");

    [Fact]
    public void Depths_count_per_rule_and_unwind()
    {
        Assert.Equal(0, RuleContext.Depth(RuleContext.Rule.ByParts));
        using (RuleContext.Enter(RuleContext.Rule.ByParts))
        {
            using (RuleContext.Enter(RuleContext.Rule.ByParts))
            using (RuleContext.Enter(RuleContext.Rule.ChangeOfVariable))
            {
                Assert.Equal(2, RuleContext.Depth(RuleContext.Rule.ByParts));
                Assert.Equal(1, RuleContext.Depth(RuleContext.Rule.ChangeOfVariable));
                Assert.Equal(0, RuleContext.Depth(RuleContext.Rule.TrigIdentities));
            }
            Assert.Equal(1, RuleContext.Depth(RuleContext.Rule.ByParts));
            Assert.Equal(0, RuleContext.Depth(RuleContext.Rule.ChangeOfVariable));
        }
        Assert.Equal(0, RuleContext.Depth(RuleContext.Rule.ByParts));
    }

    [Fact]
    public void An_answer_is_remembered_at_the_same_depths_only_and_only_inside_a_scope()
    {
        var calls = 0;
        Step? Count(Expr e) { calls++; return Step.Leaf("test", e, e); }
        using (RuleContext.Remember())
        {
            RuleContext.Remembered(F, Count);
            RuleContext.Remembered(F, Count);
            Assert.Equal(1, calls);
            using (RuleContext.Enter(RuleContext.Rule.TrigIdentities))
                RuleContext.Remembered(F, Count);   // inside a rule the answer may differ: asked again
            Assert.Equal(2, calls);
        }
        RuleContext.Remembered(F, Count);           // the scope has ended: forgotten
        Assert.Equal(3, calls);
    }

    [Fact]
    public void A_failure_by_exception_is_not_remembered()
    {
        var calls = 0;
        using var scope = RuleContext.Remember();
        Assert.Throws<SymbolicTimeoutException>(() => RuleContext.Remembered(F, _ => { calls++; throw new SymbolicTimeoutException("out of time"); }));
        Assert.Equal(F, RuleContext.Remembered(F, e => { calls++; return Step.Leaf("test", e, e); })!.Result);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void A_rule_that_gives_up_on_a_way_drops_the_steps_of_that_way()
    {
        using var frame = RuleContext.Open();
        RuleContext.Record(Step.Leaf("kept", F, F));
        var failed = RuleContext.Tentatively<Expr>(() =>
        {
            RuleContext.Record(Step.Leaf("dropped", F, F));
            RuleContext.Note("u = x");
            return null;
        });
        Assert.Null(failed);
        Assert.Equal(["kept"], frame.Steps.Select(s => s.Rule));
        Assert.Null(frame.Detail);
        RuleContext.Tentatively<Expr>(() => { RuleContext.Record(Step.Leaf("second", F, F)); return F; });
        Assert.Equal(["kept", "second"], frame.Steps.Select(s => s.Rule));
    }
}
