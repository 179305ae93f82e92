namespace SymSeq.Tests.Solving;

/// <summary>Tidier forms of verified answers: exponential pairs written back as sinh and cosh.</summary>
public class AnswerFormsTests
{
    private static Expr Integral(string f) => InfixParser.ParseEquation($"y' = {f}");

    [Theory]
    [InlineData("sinh(x)*cosh(x)")]
    [InlineData("cosh(x)^2")]
    [InlineData("sinh(x)^3")]
    [InlineData("x*cosh(3*x)^2")]
    [InlineData("sinh(2*x)*cosh(x)")]
    public void Hyperbolic_integrands_get_hyperbolic_answers(string f)
    {
        using var solver = new HybridSolver(SolverModels.None, new HybridOptions { Cas = "none" });
        var o = solver.Solve(Integral(f));
        Assert.True(o.Solved, f);
        Assert.True(o.Verdict!.Accepted);
        Assert.DoesNotContain("exp", o.Answer!.ToString());
    }

    [Fact]
    public void Integrands_written_with_exponentials_keep_them()
    {
        var answer = RuleChecks.Canonical("exp(2*x)/8 + exp(-2*x)/8");
        Assert.Null(AnswerForms.InHyperbolicFunctions(RuleChecks.Canonical("exp(2*x)/4 - exp(-2*x)/4"), answer));
        Assert.Equal("cosh(2*x)/4", AnswerForms.InHyperbolicFunctions(RuleChecks.Canonical("sinh(x)*cosh(x)"), answer)!.ToString());
    }

    /// <summary>a·e^(k·x) + b·e^(−k·x) + c·x for random a, b, c, k: the hyperbolic form has no exponential pair left and
    /// the same derivative (so the same value up to a constant).</summary>
    [Fact]
    public void The_hyperbolic_form_keeps_the_value()
    {
        var gen = Gen.Choose(-5, 5).SelectMany(a => Gen.Choose(-5, 5).SelectMany(b => Gen.Choose(1, 4).SelectMany(k => Gen.Choose(-2, 2).Select(c => (a, b, k, c)))));
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (a, b, k, c) = t;
            if (a == 0 || b == 0) return true.ToProperty();
            var answer = RuleChecks.Canonical($"{a}*exp({k}*x) + {b}*exp(-{k}*x) + {c}*x");
            var tidy = AnswerForms.InHyperbolicFunctions(RuleChecks.Canonical("sinh(x)"), answer);
            var ok = tidy is not null && !tidy.ToString().Contains("exp")
                && IntegralVerifier.Check(Simplifier.Simplify(Derivative.Of(answer)), tidy).Accepted;
            return ok.Label($"{answer} -> {tidy}");
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));
    }
}
