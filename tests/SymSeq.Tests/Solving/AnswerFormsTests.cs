using SymSeq.Tests.Expressions;
namespace SymSeq.Tests.Solving;

/// <summary>Tidier forms of verified answers: exponential pairs written back as sinh and cosh, products multiplied out when shorter.</summary>
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
        }).Check(Fuzz.Config.WithMaxTest(100));
    }
    /// <summary>
    /// By parts leaves x·(x + 3/8·x² + sin(x)/4) beside −x²/2 − x³/8; the solver gives the collected form, which has no
    /// shorter multiplied-out form left and still verifies.
    /// </summary>
    [Theory]
    [InlineData("x*(3/4*x + 1/4*cos(x) + 1)")]
    [InlineData("(x + 1)*(2*x*atan(x) + 1)")]
    public void Answers_by_parts_come_multiplied_out_when_that_is_shorter(string f)
    {
        using var solver = new HybridSolver(SolverModels.None, new HybridOptions { Cas = "none" });
        var o = solver.Solve(Integral(f));
        Assert.True(o.Solved, f);
        Assert.True(o.Verdict!.Accepted);
        Assert.Null(AnswerForms.MultipliedOut(o.Answer!));
    }

    /// <summary>
    /// Random a·(b + c) + k·a·b + d, the shape integration by parts leaves (a, b, c, d random trees, k = −1, 1 or 2):
    /// a multiplied-out form, when there is one, is shorter and has the same value.
    /// </summary>
    [Fact]
    public void Multiplied_out_forms_are_shorter_and_keep_the_value()
    {
        var shortened = 0;
        var tree = Gen.Choose(0, 3).SelectMany(n => ExprGen.Tree(n, ExprGen.Unary, allowNegative: true)).Select(LinearityTests.OnlyX);
        var gen = from a in tree from b in tree from c in tree from d in tree from k in Gen.Elements(-1, 1, 2)
                  select a * (b + c) + new Num(k) * a * b + d;
        Prop.ForAll(gen.ToArbitrary(), e =>
        {
            if (!Simplifier.TrySimplify(e, out var a) || AnswerForms.MultipliedOut(a) is not { } m) return true.ToProperty();
            shortened++;
            var shorter = PrefixCodec.Encode(m).Length < PrefixCodec.Encode(a).Length;
            return (shorter && NumericEquivalence.Check(a, m).Verdict != Equivalence.Different).Label($"{a} -> {m}");
        }).Check(Fuzz.Config.WithMaxTest(300));
        Assert.True(shortened > 30, $"only {shortened} shortened");
    }
}
