namespace SymSeq.Tests.Solving;

/// <summary>The rationalizing substitution t = u^(1/n) for an affine u or a linear fraction u, through BasicIntegrals.</summary>
public class RadicalSubstitutionTests
{
    [Theory]
    [InlineData("exp(sqrt(x))")]
    [InlineData("sin(sqrt(x))")]
    [InlineData("exp(sqrt(2*x + 1))")]
    [InlineData("1/(1 + sqrt(x))")]
    [InlineData("sqrt(x)/(1 + x)")]
    [InlineData("x*sqrt(x + 1)")]
    [InlineData("1/(x*sqrt(x + 1))")]
    [InlineData("x^2*(x + 1)^(1/3)")]
    [InlineData("1/(sqrt(x) + x^(1/3))")]
    [InlineData("ln(sqrt(x) + 1)")]
    [InlineData("x/(3 - 2*x)^(3/2)")]
    public void Named_roots_of_affine_functions_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    [Theory]
    [InlineData("sqrt((1 + x)/(1 - x))")]
    [InlineData("x*sqrt((x - 1)/(x + 1))")]
    [InlineData("((x + 2)/(x - 1))^(1/3)")]
    [InlineData("1/sqrt(x/(x + 1))")]
    [InlineData("sqrt((2*x + 1)/(3 - x))/x")]
    public void Named_roots_of_linear_fractions_verify(string integrand) => RuleChecks.AssertIntegrated(integrand);

    /// <summary>xᵏ·((a·x + b)/(c·x + d))^(p/q) for random coefficients (q = 2, 3): whatever the rules answer verifies,
    /// and most of them are answered.</summary>
    [Fact]
    public void Powers_times_roots_of_linear_fractions_are_never_answered_wrong()
    {
        var c4 = Gen.Choose(-4, 4);
        var fraction = c4.SelectMany(a => c4.SelectMany(b => c4.SelectMany(c => c4.Select(d => (a, b, c, d)))))
            .Where(t => t.a * t.d != t.b * t.c && t.c != 0);
        var exponent = Gen.Elements(2, 3).SelectMany(q => Gen.Choose(-3, 4).Select(p => new Rational(p, q))).Where(r => !r.IsInteger);
        int answered = 0, tried = 0;
        Prop.ForAll(Gen.Choose(0, 2).ToArbitrary(), fraction.ToArbitrary(), exponent.ToArbitrary(), (k, abcd, r) =>
        {
            var (a, b, c, d) = abcd;
            var f = Simplifier.Simplify(InfixParser.Parse($"x^{k}*(({a}*x + {b})/({c}*x + {d}))^({r})"));
            tried++;
            var integral = RuleChecks.IntegrateLikeDecomposition(f);
            if (integral is null) return true.ToProperty();
            answered++;
            return (RuleChecks.NotWrong(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(120));
        // About half of these draws are integrated. A bound of one half failed by chance (60 of 120 in one run); a
        // third is more than 3 standard deviations below a rate of one half over 120 draws, and a rule that gave up
        // would answer none.
        Assert.True(answered * 3 > tried, $"answered {answered} of {tried}");
    }

    [Theory]
    [InlineData("sqrt(x)*(x + 1)^(1/3)")]        // two radicands
    [InlineData("sqrt((x^2 + 1)/(x + 1))")]      // a fraction that is not linear
    [InlineData("exp(sqrt(x^2 + 1))")]           // a radicand that is not affine
    [InlineData("x^(1/7)*exp(x^(1/7))")]         // a denominator past 6
    public void Roots_outside_the_substitution_are_declined(string integrand) =>
        Assert.Null(BasicIntegrals.TryIntegrateSum(RuleChecks.Canonical(integrand)));

    /// <summary>c·xᵏ·(a·x + b)^(p/q) for random k, a, b, p/q (q = 2, 3): always integrated, always verified.</summary>
    [Fact]
    public void Powers_times_roots_of_affine_functions_always_verify()
    {
        var affine = Gen.Choose(-5, 5).SelectMany(a => Gen.Choose(-5, 5).Select(b => (a, b)));
        var exponent = Gen.Elements(2, 3).SelectMany(q => Gen.Choose(-4, 7).Select(p => new Rational(p, q)));
        Prop.ForAll(Gen.Choose(0, 3).ToArbitrary(), affine.ToArbitrary(), exponent.ToArbitrary(), (k, ab, r) =>
        {
            var (a, b) = ab;
            if (a == 0 || b == 0 || r.IsInteger) return true.ToProperty();
            var f = Simplifier.Simplify(InfixParser.Parse($"x^{k}*({a}*x + {b})^({r})"));
            var integral = RuleChecks.IntegrateLikeDecomposition(f);
            return (integral is not null && RuleChecks.HoldsSomewhere(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(150));
    }

    /// <summary>Random rational functions of x, √(a·x + b) and e^√(a·x + b): whatever the rules answer is never rejected
    /// (uncheckable is allowed: ill-conditioned points).</summary>
    [Fact]
    public void Rational_functions_of_a_root_are_never_answered_wrong()
    {
        string[] parts = ["x", "s", "x*s", "s^3", "exp(s)", "2", "x^2", "1/s"];
        var term = Gen.Elements(parts).SelectMany(u => Gen.Choose(-3, 3).Select(c => $"{c}*{u}"));
        var sum = Gen.Choose(1, 3).SelectMany(n => Gen.ArrayOf(term, n)).Select(ts => "(" + string.Join(" + ", ts) + ")");
        var affine = Gen.Choose(1, 4).SelectMany(a => Gen.Choose(-3, 3).Select(b => $"sqrt({a}*x + {b})"));
        Prop.ForAll(sum.ToArbitrary(), sum.ToArbitrary(), affine.ToArbitrary(), (num, den, s) =>
        {
            Expr f;
            try { f = Simplifier.Simplify(InfixParser.Parse($"{num}/{den}".Replace("s", s))); }
            catch (ArithmeticException) { return true.ToProperty(); }
            var integral = RuleChecks.IntegrateLikeDecomposition(f);
            return (integral is null || RuleChecks.NotWrong(f, integral)).Label($"{f} -> {integral}");
        }).Check(Fuzz.Config.WithMaxTest(200));
    }

    /// <summary>
    /// t = √u is never negative where it is real, so a sign(t) or |t| in the integral in t is put back as 1 or √u, not
    /// as sign(√u): that is analytic nowhere off the real line, and beside |x| the answer could not be verified (a fuzz
    /// case, abs-free asin(−√(7/(2x))/8 − 3/8), was rejected before).
    /// </summary>
    [Theory]
    [InlineData("asin(-sqrt(7/(2*x))/8 - 3/8)")]
    [InlineData("1/(x*sqrt(x + 1))")]
    [InlineData("abs(x) + asin(sqrt(3/x)/4 + 1/4)")]
    public void Roots_put_back_carry_no_sign(string integrand)
    {
        RuleChecks.AssertIntegrated(integrand);
        var integral = BasicIntegrals.TryIntegrateSum(RuleChecks.Canonical(integrand))!;
        Assert.DoesNotContain(ExprParts.Nodes(integral), n => n is Op { Kind: Operator.Sign });
    }
}
