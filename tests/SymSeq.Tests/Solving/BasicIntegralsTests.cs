using FsCheck;
using FsCheck.Fluent;
using SymSeq.Expressions;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq.Tests.Solving;

public class BasicIntegralsTests
{
    [Theory]
    [InlineData("1")]
    [InlineData("7")]
    [InlineData("pi")]
    [InlineData("x")]
    [InlineData("sqrt(x)")]
    [InlineData("1/x")]
    [InlineData("x^(-1)")]
    [InlineData("x^7")]
    [InlineData("x^(-3/2)")]
    [InlineData("exp(x)")]
    [InlineData("exp(-3*x)")]
    [InlineData("ln(x)")]
    [InlineData("ln(2*x)")]
    [InlineData("sin(x)")]
    [InlineData("cos(x/2)")]
    [InlineData("tan(x)")]
    [InlineData("sinh(5*x)")]
    [InlineData("cosh(x)")]
    [InlineData("tanh(x)")]
    [InlineData("asin(x/3)")]
    [InlineData("acos(x)")]
    [InlineData("atan(2*x)")]
    [InlineData("asinh(x)")]
    [InlineData("acosh(x)")]
    [InlineData("atanh(x/2)")]
    [InlineData("exp(pi*x)")]
    public void Every_rule_answer_verifies(string core)
    {
        var e = Simplifier.Simplify(InfixParser.Parse(core)); // cores come in canonical form
        var integral = BasicIntegrals.TryIntegrate(e);
        Assert.NotNull(integral);
        Assert.True(IntegralVerifier.Check(e, integral!).Accepted, $"{core}: {integral}");
    }

    [Fact]
    public void Powers_of_x_verify_for_any_rational_exponent() =>
        Prop.ForAll(Gen.Choose(-40, 40).ToArbitrary(), Gen.Choose(1, 12).ToArbitrary(), (p, q) =>
        {
            var core = Expr.Pow(Expr.X, new Num(new Rational(p, q)));
            var integral = BasicIntegrals.TryIntegrate(core);
            return integral is not null && IntegralVerifier.Check(core, integral).Accepted;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(100));

    [Theory]
    [InlineData("sin(x^2)")]
    [InlineData("exp(x + 1/x)")]
    [InlineData("x*exp(x)")]
    [InlineData("(x+1)^2")]
    public void Anything_else_is_left_to_the_model(string core) => Assert.Null(BasicIntegrals.TryIntegrate(Simplifier.Simplify(InfixParser.Parse(core))));

    [Fact]
    public void A_sum_of_basic_terms_integrates_and_one_other_term_stops_it()
    {
        var sum = Simplifier.Simplify(InfixParser.Parse("3*x^2 - 5/x + 2*sqrt(x) + 4"));
        var integral = BasicIntegrals.TryIntegrateSum(sum);
        Assert.NotNull(integral);
        Assert.True(IntegralVerifier.Check(sum, integral!).Accepted);
        Assert.Null(BasicIntegrals.TryIntegrateSum(Simplifier.Simplify(InfixParser.Parse("3*x^2 + x*sin(x)"))));
    }
}
