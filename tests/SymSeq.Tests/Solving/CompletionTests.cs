namespace SymSeq.Tests.Solving;

public class CompletionTests
{
    private static Expr P(string s) => InfixParser.Parse(s);

    [Fact]
    public void A_candidate_that_misses_a_term_is_completed_by_that_terms_integral()
    {
        var f = Simplifier.Simplify(P("x*cos(x) + ln(x)"));
        var c = Completion.Residual(f, P("x*sin(x) + cos(x)"), rank: 3);
        Assert.NotNull(c);
        Assert.Equal(Simplifier.Simplify(P("ln(x)")), c.Integrand);
        Assert.Equal(Engine.Repair, c.Engine);
        Assert.Contains("candidate 3", c.What);
        var answer = c.With(P("x*ln(x) - x"));
        Assert.True(Problems.Verify(Problems.Integration(f), answer).Accepted);
    }

    [Fact]
    public void Residuals_that_are_no_simpler_or_constant_are_not_offered()
    {
        var f = Simplifier.Simplify(P("x*cos(x)"));
        Assert.Null(Completion.Residual(f, P("exp(x^2)*tan(x)"), 1));   // misses more than f itself
        Assert.Null(Completion.Residual(f, P("x*sin(x) + cos(x) + 3*x"), 1)); // the rest is a constant (the polynomial repair's case)
        Assert.Null(Completion.Residual(f, P("-1/x"), 1));            // the rest, x cos(x) - 1/x^2, is longer than f
    }

    [Fact]
    public void The_unsolved_pieces_are_offered_together_next_to_the_solved_ones()
    {
        var a = P("x*cos(x^2)");
        var b = P("2*x^2*sin(x^2)");
        var c = Completion.RestOfSum([(a, null), (b, null), (P("ln(x)"), P("x*ln(x) - x"))]);
        Assert.NotNull(c);
        Assert.Equal(Simplifier.Simplify(a + b), c.Integrand);
        Assert.Equal(Engine.Decomposition, c.Engine);
        Assert.Equal(Simplifier.Simplify(P("x*ln(x) - x + x^3")), c.With(P("x^3")));
        Assert.Null(Completion.RestOfSum([(a, null), (b, null)]));                 // nothing solved: that is the whole problem again
        Assert.Null(Completion.RestOfSum([(a, null), (P("ln(x)"), P("x*ln(x) - x"))])); // one piece left: already asked on its own
    }
}
