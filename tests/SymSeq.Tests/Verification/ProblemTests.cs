namespace SymSeq.Tests.Verification;

/// <summary>The typed problem the solver takes, and the datasets' written form it keeps for the codec, the verifier and a CAS.</summary>
public class ProblemTests
{
    private static Expr P(string s) => InfixParser.ParseEquation(s);

    [Fact]
    public void The_datasets_form_reads_as_an_integral_or_an_ODE_and_writes_back_the_same()
    {
        var integral = Problem.Decode(Problems.Integration(P("x*cos(x)")));
        var f = Assert.IsType<Problem.Integral>(integral).Integrand;
        Assert.Equal(Simplifier.Simplify(P("x*cos(x)")), f);
        Assert.Equal(Problems.Kind.Integral, integral.Kind);
        Assert.Equal(integral, Problem.Decode(integral.Encoded));

        var ode = Problem.Decode(P("y'' + y"));
        Assert.IsType<Problem.Ode>(ode);
        Assert.Equal(P("y'' + y"), ode.Statement);
        Assert.Equal(ode.Statement, ode.Encoded);
        // y' - g(x) is the integral of g, as every front end reads it
        Assert.IsType<Problem.Integral>(Problem.Decode(P("y' - sin(x)")));
    }

    [Fact]
    public void Each_kind_is_checked_by_its_own_judge()
    {
        Assert.True(new Problem.Integral(P("cos(x)")).Verify(P("sin(x)")).Accepted);
        Assert.False(new Problem.Integral(P("cos(x)")).Verify(P("-sin(x)")).Accepted);
        Assert.True(new Problem.Ode(P("y'' + y")).Verify(P("a8*cos(x) + a9*sin(x)")).Accepted);
        Assert.False(new Problem.Ode(P("y'' + y")).Verify(P("a8*cos(x)")).Accepted); // one constant: not the general solution
        // right on part of the line only: ln(x) for 1/x is reported as ln|x|, verified everywhere
        var (answer, verdict) = new Problem.Integral(P("1/x")).VerifyEverywhere(P("ln(x)"));
        Assert.Equal(VerdictKind.Verified, verdict.Kind);
        Assert.Contains("abs", answer.ToString());
    }
}
