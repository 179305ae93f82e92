namespace SymSeq.Tests.Solving;

/// <summary>∫ P/(l^k·q^(m + ½)) by undetermined coefficients: the algebraic part B·q^(½ − m)/l^(k − 1), then 1/√q and 1/(l·√q).</summary>
public class AlgebraicPartTests
{
    /// <summary>The rules answer in the textbook's closed form (no larger than it, give or take a few nodes), and it verifies.</summary>
    [Theory]
    [InlineData("1/(x^2*sqrt(x^2+1))", "-sqrt(x^2+1)/x")]
    [InlineData("1/(4+x^2)^(3/2)", "x/(4*sqrt(x^2+4))")]
    [InlineData("1/(1-x^2)^(3/2)", "x/sqrt(1-x^2)")]
    [InlineData("sqrt(4-x^2)/x^2", "-sqrt(4-x^2)/x - asin(x/2)")]
    [InlineData("1/((x+1)^2*sqrt(x^2+2*x+5))", "-sqrt(x^2+2*x+5)/(4*(x+1))")]
    [InlineData("x^3/(x^2+1)^(5/2)", "-(3*x^2+2)/(3*(x^2+1)^(3/2))")]
    [InlineData("sqrt(1-x)/sqrt(1+x)", "sqrt(1-x^2) + asin(x)")]
    public void Textbook_integrals_come_out_in_closed_form(string integrand, string textbook) =>
        RuleChecks.AssertIntegratedInClosedForm(integrand, textbook, 4);

    [Theory]
    [InlineData("1/(x*sqrt(x^2+1))")]                  // the 1/(l·√q) part, with t = 1/x
    [InlineData("sqrt(x^2-1)/x")]
    [InlineData("(x+1)/((x-2)*sqrt(x^2+1))")]
    [InlineData("1/((x-1)*sqrt(x^2-1))")]              // l divides q: Q(t) is linear
    [InlineData("x^2/(x^2+2*x+2)^(3/2)")]
    [InlineData("sqrt(x)*sqrt(x+3)")]                  // two affine roots made one
    public void Integrals_with_a_logarithmic_part_verify(string integrand)
    {
        var f = RuleChecks.Canonical(integrand);
        var integral = AlgebraicPart.TryIntegrate(f);
        Assert.True(integral is not null, $"{integrand} (canonical {f}) was declined");
        Assert.True(RuleChecks.VerifiesEverywhere(f, integral!), $"{integrand}: {integral}");
    }

    /// <summary>
    /// Two affine roots made one for the method, √u·√v = √(u·v), agree only where u, v &gt; 0; the answer's √(u·v) is
    /// split back, so it holds wherever the integrand is defined on principal branches.
    /// </summary>
    [Theory]
    [InlineData("sqrt(x-1)*sqrt(x+1)")]
    [InlineData("x^2/(sqrt(x-1)*sqrt(x+1))")]
    [InlineData("1/(sqrt(x-1)*sqrt(x+1))")]
    [InlineData("sqrt(1-x)/sqrt(1+x)")]
    [InlineData("sqrt(2-x)*sqrt(x+3)")]
    [InlineData("x/(sqrt(x-1)*sqrt(x+1))^3")]
    public void Answers_over_two_affine_roots_hold_on_the_whole_line(string integrand) => RuleChecks.AssertIntegratedOnTheWholeLine(integrand);

    [Theory]
    [InlineData("1/((x-1)*(x+1)*sqrt(x^2+4))")]       // two linear factors
    [InlineData("1/sqrt(x^2+2*x+1)")]                  // a square under the root: |x + 1|
    [InlineData("sqrt(x^3+1)")]                        // not a quadratic
    [InlineData("sqrt(x)*sqrt(x+1)*sqrt(x+2)")]        // three roots
    [InlineData("1/(sqrt(-x)*sqrt(x-1))")]             // two roots never real together
    [InlineData("exp(x)/sqrt(x^2+1)")]                 // not rational outside the root
    public void Integrands_outside_the_method_are_declined(string integrand) =>
        Assert.Null(AlgebraicPart.TryIntegrate(RuleChecks.Canonical(integrand)));

    /// <summary>
    /// P(x)/((x − a)^k·q^(m + ½)) for random P, a, k, m and quadratics q with distinct roots: whatever the method
    /// answers is never rejected by the verifier, and it answers most of them (it declines only when the table has no
    /// real ∫ 1/√Q to give).
    /// </summary>
    [Fact]
    public void Random_integrands_are_never_answered_wrong_and_mostly_answered()
    {
        var c3 = Gen.Choose(-3, 3);
        var quadratic = c3.SelectMany(a => c3.SelectMany(b => c3.Select(c => (a, b, c))))
            .Where(t => t.a != 0 && t.b * t.b - (4 * t.a * t.c) != 0);
        var numerator = c3.SelectMany(p0 => c3.SelectMany(p1 => c3.Select(p2 => (p0, p1, p2)))).Where(p => p != (0, 0, 0));
        var shape = Gen.Choose(0, 3).SelectMany(k => Gen.Choose(-1, 2).SelectMany(m => c3.Select(a => (k, m, a))));
        int answered = 0, tried = 0;
        Prop.ForAll(quadratic.ToArbitrary(), numerator.ToArbitrary(), shape.ToArbitrary(), (q, p, s) =>
        {
            var e = new Rational(-(2 * s.m) - 1, 2);
            var f = Simplifier.Simplify(InfixParser.Parse(
                $"({p.p2}*x^2 + {p.p1}*x + {p.p0})/(x - ({s.a}))^{s.k}*({q.a}*x^2 + {q.b}*x + {q.c})^({e})"));
            tried++;
            var integral = AlgebraicPart.TryIntegrate(f);
            if (integral is null) return true.ToProperty();
            answered++;
            return (RuleChecks.NotWrong(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(150));
        Assert.True(answered * 2 > tried, $"answered {answered} of {tried}");
    }
}
