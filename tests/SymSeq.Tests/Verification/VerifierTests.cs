using SymSeq.Expressions;
using SymSeq.Verification;

namespace SymSeq.Tests.Verification;

public class VerifierTests
{
    private static Verdict Integral(string f, string h) => IntegralVerifier.Check(InfixParser.Parse(f), InfixParser.Parse(h));
    private static Verdict Ode(string eq, string y) => OdeVerifier.Check(InfixParser.ParseEquation(eq), InfixParser.Parse(y));

    [Theory]
    [InlineData("x*cos(x)", "x*sin(x) + cos(x)")]
    [InlineData("x*cos(x)", "x*sin(x) + cos(x) + 17")]          // up to a constant
    [InlineData("sin(x)*cos(x)", "-cos(x)^2/2")]                 // differs from sin(x)^2/2 by a constant
    [InlineData("1/x", "ln(abs(x))")]
    [InlineData("1/x", "ln(x)")]                                 // defined on x > 0 only: still right there
    [InlineData("1/sqrt(1-x^2)", "asin(x)")]                     // domain [-1, 1]
    [InlineData("1/(1+x^2)", "-acot(x)")]                        // branch jump of acot at 0, derivative agrees
    [InlineData("1/(x^2 - 1)", "atanh(x)*(-1)")]                 // real only on (-1, 1)
    public void Right_answers_are_accepted(string f, string h) => Assert.True(Integral(f, h).Accepted, Integral(f, h).Reason);

    [Theory]
    [InlineData("x*cos(x)", "x*sin(x) - cos(x)")]
    [InlineData("x*cos(x)", "x^2*sin(x)/2")]
    [InlineData("1/x", "ln(x)^2")]
    [InlineData("exp(x)", "exp(x) + x/1000")]
    public void Wrong_answers_are_rejected(string f, string h) => Assert.False(Integral(f, h).Accepted);

    [Fact]
    public void Answers_mentioning_the_unknown_are_rejected() =>
        Assert.False(IntegralVerifier.Check(InfixParser.Parse("x"), new Unknown(0)).Accepted);

    [Theory]
    [InlineData("y'' + y = 0", "a0*sin(x) + a1*cos(x)", true)]
    [InlineData("y' = y", "a0*exp(x)", true)]
    [InlineData("x*y' - y = 0", "a0*x", true)]
    [InlineData("y'' + y = 0", "a0*sin(x) + a1*cos(2*x)", false)]
    [InlineData("y' = y", "exp(x) + a0", false)]
    public void Ode_solutions(string eq, string y, bool ok) => Assert.Equal(ok, Ode(eq, y).Accepted);
}
