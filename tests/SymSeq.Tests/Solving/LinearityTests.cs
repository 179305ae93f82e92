using SymSeq.Tests.Expressions;

namespace SymSeq.Tests.Solving;

public class LinearityTests
{
    [Fact]
    public void Coefficients_and_constant_terms_are_taken_out()
    {
        var terms = Linearity.Split(Simplifier.Simplify(InfixParser.Parse("1000*x*cos(x) - 3*exp(x)/2 + pi*sqrt(2)*sin(x) + 7")));
        Assert.Equal(4, terms.Count);
        Assert.Contains(terms, t => t.Core == InfixParser.Parse("x*cos(x)") && t.Factor == new Num(1000));
        Assert.Contains(terms, t => t.Core == InfixParser.Parse("exp(x)") && t.Factor == new Num(new Rational(-3, 2)));
        Assert.Contains(terms, t => t.Core == InfixParser.Parse("sin(x)") && !ExprParts.Contains(t.Factor, "x") && t.Factor is Op);
        Assert.Contains(terms, t => t.IsConstant && t.Factor == new Num(7));
    }

    [Fact]
    public void Terms_of_one_derivative_group_together_and_an_unrelated_term_stays_apart()
    {
        // d/dx [sin(x^2+1) ln x] = 2x cos(x^2+1) ln x + sin(x^2+1)/x: its two terms share x^2 + 1 (and ln x / 1/x do not
        // matter); exp(3x) shares nothing with them, and 5x^2 only a power of x.
        var terms = Linearity.Split(Simplifier.Simplify(InfixParser.Parse("2*x*cos(x^2+1)*ln(x) + sin(x^2+1)/x + exp(3*x) + 5*x^2")));
        var groups = Linearity.Groups(terms);
        Assert.Equal(3, groups.Count);
        Assert.Contains(groups, g => g.Count == 2 && g.All(t => ExprParts.Nodes(t.Core).Contains(InfixParser.Parse("x^2 + 1"))));
        Assert.Equal(Simplifier.Simplify(InfixParser.Parse("2*x*cos(x^2+1)*ln(x) + sin(x^2+1)/x")), Linearity.Sum(groups.Single(g => g.Count == 2)));
    }

    [Fact]
    public void Groups_partition_the_terms() =>
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 9, allowNegative: true), e =>
        {
            if (!Simplifier.TrySimplify(OnlyX(e), out var s)) return true;
            var terms = Linearity.Split(s);
            var grouped = Linearity.Groups(terms).SelectMany(g => g).ToList();
            return grouped.Count == terms.Count && terms.All(t => grouped.Contains(t));
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void Splitting_and_recombining_keeps_the_value() =>
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 9, allowNegative: true), e =>
        {
            if (!Simplifier.TrySimplify(OnlyX(e), out var s)) return true;
            var terms = Linearity.Split(s);
            foreach (var t in terms)
            {
                if (ExprParts.Contains(t.Factor, "x")) return false;
                if (!t.IsConstant && !ExprParts.Contains(t.Core, "x")) return false;
            }
            var back = Linearity.Combine(terms.Select(t => (t.Factor, t.Core)));
            return NumericEquivalence.Check(back, s).Verdict != Equivalence.Different;
        }).Check(Fuzz.Config.WithMaxTest(300));

    [Fact]
    public void Products_of_sums_are_multiplied_out_into_terms()
    {
        var e = Simplifier.Simplify(InfixParser.Parse("x*(x/atan(x) + 1) + (9 - x)*ln(x)"));
        var terms = Linearity.Split(Simplifier.Simplify(Linearity.Distribute(e)));
        Assert.Equal(4, terms.Count); // x^2/atan(x), x, 9 ln(x), -x ln(x)
        Assert.Contains(terms, t => t.Core == Simplifier.Simplify(InfixParser.Parse("x*ln(x)")) && t.Factor == new Num(-1));
        // The cap keeps a product of many sums from exploding: (x+1)^... as 2^6 terms is refused past 16.
        var big = Simplifier.Simplify(InfixParser.Parse("(x+1)*(x+2)*(x+3)*(x+4)*(x+5)*(x+6)*sin(x)"));
        Assert.True(Linearity.Split(Linearity.Distribute(big)).Count <= 16);
    }

    [Fact]
    public void Small_powers_of_sums_are_expanded_and_large_ones_kept()
    {
        var terms = Linearity.Split(Simplifier.Simplify(Linearity.Distribute(Simplifier.Simplify(InfixParser.Parse("(x + exp(x))^3")))));
        Assert.Equal(4, terms.Count);   // x³, 3x²eˣ, 3xe²ˣ, e³ˣ
        Assert.Contains(terms, t => t.Core == Simplifier.Simplify(InfixParser.Parse("x*exp(2*x)")) && t.Factor == new Num(3));
        var high = Simplifier.Simplify(InfixParser.Parse("(x + exp(x))^9"));
        Assert.Equal(high, Linearity.Distribute(high));
    }

    [Fact]
    public void Multiplying_out_keeps_the_value() =>
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 9, allowNegative: true), e =>
        {
            if (!Simplifier.TrySimplify(OnlyX(e), out var s)) return true;
            return NumericEquivalence.Check(Linearity.Distribute(s), s).Verdict != Equivalence.Different;
        }).Check(Fuzz.Config.WithMaxTest(300));

    /// <summary>The tree with its other symbols replaced by numbers, so x is the only variable.</summary>
    public static Expr OnlyX(Expr e) => ExprParts.Substitute(e, n => n is Sym { Name: not "x" and not "pi" and not "E" } ? new Num(2) : null);
}
