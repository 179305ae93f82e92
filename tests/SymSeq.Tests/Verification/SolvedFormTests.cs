using SymSeq.Expressions;
using SymSeq.Generation;
using SymSeq.Verification;

namespace SymSeq.Tests.Verification;

/// <summary>
/// The canonical form of an ODE does not depend on how the equation is written: scaled by a number, by e^u, by a
/// positive polynomial, negated, or with a denominator cleared, it reads the same, so the model sees one problem.
/// </summary>
public sealed class SolvedFormTests
{
    private static Expr P(string s) => InfixParser.ParseEquation(s);

    [Theory]
    [InlineData("(x^2 + 1)*y' - 2*x*y", "y' - 2*x*y/(x^2+1)")]
    [InlineData("3*exp(x)*y' - 6*x*exp(x)*y/(x^2 + 1)", "y' - 2*x*y/(x^2+1)")]
    [InlineData("-750*y' + 750*y*cos(x)", "y' - y*cos(x)")]
    [InlineData("exp(-x*(1+x))*(y' - x) ", "y' - x")]
    [InlineData("x^2*y'' + x*y' - y", "y'' + y'/x - y/x^2")]
    public void Rewritings_of_one_equation_have_one_canonical_form(string written, string reference)
    {
        Assert.Equal(Problems.Canonical(P(reference)), Problems.Canonical(P(written)));
    }

    [Fact]
    public void The_solved_form_has_the_same_solutions()
    {
        // y = a8*(x^2 + 1) solves (x^2+1)*y' - 2*x*y = 0, and so its solved form.
        var solved = SolvedForm.TryOf(P("(x^2 + 1)*y' - 2*x*y"));
        Assert.NotNull(solved);
        Assert.True(OdeVerifier.Check(solved, InfixParser.Parse("a8*(x^2 + 1)")).Accepted);
        Assert.False(OdeVerifier.Check(solved, InfixParser.Parse("a8*(x^2 + 2)")).Accepted);
    }

    [Theory]
    [InlineData("y'^2 - x")]          // not linear in y'
    [InlineData("y''^2 - y")]         // not linear in y''
    [InlineData("sin(y') - x")]       // not linear in y'
    [InlineData("y' - t")]            // uses the placeholder's name
    public void Equations_not_linear_in_the_highest_derivative_keep_the_old_form(string written)
    {
        Assert.Null(SolvedForm.TryOf(P(written)));
        Assert.NotNull(Problems.Canonical(P(written))); // still canonical, by dropping non-vanishing factors
    }

    /// <summary>Generated ODEs under random non-vanishing rewritings: the share that keeps its canonical form.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Generated_odes_keep_their_canonical_form_under_rewriting(int order)
    {
        var context = new GeneratorContext(ExpressionOptions.Default with { MaxOps = 8 });
        var generator = new OdeGenerator(context, order);
        Expr[] factors = [new Num(3), new Num(-750), P("exp(x^2)"), P("x^2 + 1"), P("exp(y)"), P("2*exp(-x*(1 + x))")];
        var rng = new Random(3);
        int same = 0, total = 0;
        for (var draws = 0; total < 60 && draws < 20000; draws++)
        {
            if (generator.TryGenerate(rng, out _) is not { } ex) continue;
            var canonical = Problems.Canonical(ex.Input);
            Assert.Equal(canonical, ex.Input); // the generator writes the canonical form
            var factor = factors[rng.Next(factors.Length)];
            var rewritten = rng.Next(2) == 0 ? factor * ex.Input : ex.Input / factor;
            total++;
            if (Problems.Canonical(rewritten) == canonical) same++;
        }
        Assert.Equal(60, total);
        Assert.True(same >= 54, $"only {same} of {total} rewritten equations kept their canonical form");
    }
}
