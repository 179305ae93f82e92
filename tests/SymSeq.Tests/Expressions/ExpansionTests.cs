namespace SymSeq.Tests.Expressions;

/// <summary>Multiplying out keeps every value, bounds its size, and brings forms the canonical form keeps apart together.</summary>
public class ExpansionTests
{
    private static Expr P(string s) => InfixParser.Parse(s);

    [Fact]
    public void Expansion_preserves_values_at_random_points()
    {
        var compared = 0;
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 10, allowNegative: true), e =>
        {
            var expanded = Expansion.Expand(e);
            var r = NumericEquivalence.Check(e, expanded, NumericEquivalence.RealValues);
            if (r.Verdict == Equivalence.Inconclusive) return;
            compared++;
            Assert.True(r.IsEqual, $"{e}  ->  {expanded}  ({r})");
        }).Check(Fuzz.Config.WithMaxTest(500));
        Assert.True(compared > 200, $"only {compared} comparisons were conclusive");
    }

    [Fact]
    public void Multiplied_out_canonical_forms_have_no_product_of_a_sum_left()
    {
        Prop.ForAll(ExprGen.Arb([Operator.Exp, Operator.Sin, Operator.Pow2, Operator.Pow3], maxOps: 8, allowNegative: true), e =>
        {
            // on canonical forms, as the verifier uses it
            if (!Simplifier.TrySimplify(e, out var c) || !Simplifier.TrySimplify(Expansion.Expand(c), out var s)) return;
            foreach (var node in Nodes(s))
            {
                if (node is Op { Kind: Operator.Mul } m && m.Args.Count(a => a is Op { Kind: Operator.Add }) > 0 && Size(node) < 200)
                    Assert.Fail($"{e} multiplied out is {s}: the product {node} still holds a sum");
            }
        }).Check(Fuzz.Config.WithMaxTest(300));
    }

    [Fact]
    public void Powers_of_sums_are_multiplied_out_with_like_terms_merged()
    {
        // CI's random property found it with a0: (x + 1)^3 and (2*exp(-4) + 9)^6 have 8 and 64 raw terms, 512 together, past
        // the bound; merged as they are made they have 4 and 7, 28 together, and the product is multiplied out.
        var e = P("(-x - 1)^3*(2*exp(-4) + 9)^6");
        var s = Simplifier.Simplify(Expansion.Expand(Simplifier.Simplify(e)));
        Assert.DoesNotContain(Nodes(s), n => n is Op { Kind: Operator.Mul } m && m.Args.Any(a => a is Op { Kind: Operator.Add }));
        // values: Expansion_preserves_values_at_random_points
        Assert.Contains("64*x^3*exp(-24)", InfixPrinter.Readable.Print(s));
    }

    private static IEnumerable<Expr> Nodes(Expr e) => e is Op op ? op.Args.SelectMany(Nodes).Prepend(e) : [e];
    private static int Size(Expr e) => Nodes(e).Count();

    [Theory]
    [InlineData("4*pi^2*(2*x + 6) - 8*pi^2*(x + 3)")]
    [InlineData("exp(4*pi^2*(x + 3)^2) - exp(4*pi^2*(x^2 + 6*x + 9))")]
    [InlineData("(x + 1)^3 - x^3 - 3*x^2 - 3*x - 1")]
    [InlineData("sin((a0 + x)*(x - a0)) - sin(x^2 - a0^2)")]
    public void Forms_the_canonical_form_keeps_apart_cancel(string difference)
    {
        Assert.NotEqual(Expr.Zero, Simplifier.Simplify(P(difference)));
        Assert.Equal(Expr.Zero, Simplifier.Simplify(Expansion.Expand(Simplifier.Simplify(P(difference)))));
    }

    [Fact]
    public void A_product_too_large_to_multiply_out_is_left_as_it_is()
    {
        // 2^9 = 512 distinct terms (no two alike, so none merge), over the bound: the product stays a product of its
        // (unchanged) sums. Nine factors (x + i) would merge into ten powers of x and be multiplied out.
        string[] parts = ["x", "sin(x)", "cos(x)", "exp(x)", "ln(x)", "a0", "tan(x)", "sqrt(x)", "a1"];
        var big = Simplifier.Simplify(P(string.Join("*", parts.Select((u, i) => $"({u} + {i + 1})"))));
        Assert.Equal(big, Expansion.Expand(big));
        var small = Simplifier.Simplify(P("(x + 1)*(x + 2)*(x + 3)"));
        Assert.Equal(Simplifier.Simplify(P("x^3 + 6*x^2 + 11*x + 6")), Simplifier.Simplify(Expansion.Expand(small)));
    }
}
