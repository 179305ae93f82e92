namespace SymSeq.Tests.Expressions;

/// <summary>One denominator, multiplied out: every value kept, and ways of writing one function that the canonical form keeps apart meet.</summary>
public class RationalFormTests
{
    private static Expr P(string s) => InfixParser.ParseEquation(s);
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    [Fact]
    public void The_form_keeps_every_value_at_random_points()
    {
        var compared = 0;
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 10, allowNegative: true), e =>
        {
            Expr form;
            try { if (RationalForm.Of(e, Budget) is not { } f) return; form = f; }
            catch (UndefinedExpressionException) { return; }
            var r = NumericEquivalence.Check(e, form, NumericEquivalence.RealValues);
            if (r.Verdict == Equivalence.Inconclusive) return;
            compared++;
            Assert.True(r.IsEqual, $"{e}  ->  {form}  ({r})");
        }).Check(Fuzz.Config.WithMaxTest(400));
        Assert.True(compared > 150, $"only {compared} comparisons were conclusive");
    }

    [Theory]
    // SymPy's way (left) and SymSeq's generator's way (right) of writing the right-hand side of one ODE
    [InlineData("y/(x*ln(x + 1) + ln(x + 1))", "y/((x + 1)*ln(x + 1))")]
    [InlineData("y*sin(x)/cos(x) - y^2*sin(x)/cos(x)", "(y - y^2)*sin(x)/cos(x)")]
    [InlineData("-f(x)/(tan(x)^2 + tan(x)) - f(x)*tan(x)^2/(tan(x)^2 + tan(x))", "-(f(x) + f(x)*tan(x)^2)/(tan(x)*(tan(x) + 1))")]
    [InlineData("y/(x + 4)", "y/(4*(x/4 + 1))")]
    [InlineData("sin(12*x + 5*x^2)/x", "sin(x*(5*x + 12))/x")]
    [InlineData("x/(x + 1)", "1/(1/x + 1)")]
    public void Forms_the_canonical_form_keeps_apart_meet(string sympy, string symseq)
    {
        var a = RationalForm.Of(Simplifier.Simplify(P(sympy)), Budget);
        var b = RationalForm.Of(Simplifier.Simplify(P(symseq)), Budget);
        Assert.NotNull(a);
        Assert.Equal(a, b);
    }

    [Fact]
    public void The_denominators_first_number_is_one_and_shared_factors_cancel()
    {
        Assert.Equal(RationalForm.Of(P("y/(2*x + 4)"), Budget), RationalForm.Of(P("(y/2)/(x + 2)"), Budget));
        Assert.Equal(RationalForm.Of(P("y/(x*sin(x))"), Budget), RationalForm.Of(P("x*y/(x^2*sin(x))"), Budget));
    }

    [Fact]
    public void An_ODE_reaches_the_model_over_one_denominator_too()
    {
        var forms = Problems.ModelInputs(P("y' = y/((x + 1)*ln(x + 1))"));
        Assert.Contains(forms, f => f.Equals(new Op(Operator.Sub, new Unknown(1), RationalForm.Of(P("y/(x*ln(x + 1) + ln(x + 1))"), Budget)!)));
        Assert.All(forms, f => Assert.True(Problems.Verify(f, P("a8*ln(x + 1)")).Accepted, $"{f}: every form has the solution"));
        // an unsolved ODE: its numerator, denominators cleared
        Assert.NotNull(Problems.OverOneDenominator(Problems.Canonical(P("y'^2 - y/(x + 1) = 0"))));
    }
}
