namespace SymSeq.Tests.Solving;

/// <summary>
/// What the property tests of the integration rules share: each integrand tried is counted, a declined one passes,
/// an answer must verify, and at the end enough of those tried must have been integrated.
/// </summary>
internal sealed class IntegrationTally(Func<Expr, Expr?> integrate)
{
    private int _tried, _solved;

    /// <summary>The rules on f: true when they decline, else whether the verifier accepts their answer.</summary>
    public Property Check(Expr f)
    {
        _tried++;
        var integral = integrate(f);
        if (integral is null) return true.Label("declined");
        _solved++;
        return RuleChecks.HoldsSomewhere(f, integral).Label($"{f} -> {integral}");
    }

    /// <summary>At least numerator/denominator of the integrands tried were integrated (integer division, as tried·n/d).</summary>
    public void AssertIntegratedAtLeast(int numerator, int denominator) =>
        Assert.True(_solved >= _tried * numerator / denominator, $"only {_solved} of {_tried} integrated");
}
