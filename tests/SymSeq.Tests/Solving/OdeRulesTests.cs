namespace SymSeq.Tests.Solving;

public class OdeRulesTests
{
    [Theory]
    [InlineData("y'' + y = 0", OdeRules.Linear)]
    [InlineData("x^2*y'' + x*y' - y = 0", OdeRules.Linear)]
    [InlineData("y' = y^2", OdeRules.Separable)]
    [InlineData("y' = exp(x - y)", OdeRules.Separable)]
    [InlineData("y' + y = x*y^2", OdeRules.Bernoulli)]
    [InlineData("y' = y/x + tan(y/x)", OdeRules.Homogeneous)]
    [InlineData("y'' + y = tan(x)", OdeRules.Linear)]
    [InlineData("y*y'' = y'^2", OdeRules.ReducedOrder)]
    [InlineData("2*x*y + (x^2 + 2*y)*y' = 0", OdeRules.Exact)]
    [InlineData("x*y'' = y' + x^2", OdeRules.ReducedOrder)]   // not Cauchy–Euler: p = y' is linear
    public void The_first_rule_that_applies_answers_and_its_answer_verifies(string equation, string method)
    {
        var problem = InfixParser.ParseEquation(equation);
        var (found, answer) = OdeRules.Solve(problem, TimeSpan.FromSeconds(5)).First();
        Assert.Equal(method, found);
        Assert.True(Problems.Verify(problem, answer).Accepted, $"{equation}: {answer}");
    }

    [Fact]
    public void An_equation_no_rule_covers_gets_nothing() =>
        Assert.Empty(OdeRules.Solve(InfixParser.ParseEquation("y'' + y^2 = sin(x)"), TimeSpan.FromSeconds(5)));
}
