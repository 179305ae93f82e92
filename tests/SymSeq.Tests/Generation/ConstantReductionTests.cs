using SymSeq.Generation;

namespace SymSeq.Tests.Generation;

public class ConstantReductionTests
{
    private static string Reduce(string e) =>
        Simplifier.Simplify(ConstantReduction.Reduce(Simplifier.Simplify(InfixParser.Parse(e)), "a8")).ToString();

    [Theory]
    [InlineData("sqrt(3*a8)*x", "x*a8")]                   // the x-free subtree holding the constant becomes it
    [InlineData("cos(a8 + 1) + x", "x + a8")]
    [InlineData("a8 + x + 9", "x + a8")]                   // numbers beside it in its sum are dropped
    [InlineData("sqrt(10)*a8*x", "x*a8")]                  // and in its product
    [InlineData("exp(2*a8)/x", "a8/x")]
    [InlineData("sin(x*a8 + 1)", "sin(x*a8 + 1)")]         // its parent has no number beside it: as the paper, kept
    [InlineData("-x + a8 + 2*a8^2", "-x + a8")]             // the terms holding it, together, in a sum
    [InlineData("x*a8*exp(a8)", "x*a8")]                    // and in a product
    [InlineData("a8*(a8 + x)", "a8*(x + a8)")]              // beside x: kept
    [InlineData("x^2 + 5", "x^2 + 5")]                     // no constant: unchanged
    public void Folds_only_what_reparametrizes_the_constant(string solution, string reduced) =>
        Assert.Equal(reduced, Reduce(solution));

    [Fact]
    public void Generated_odes_keep_their_constant_and_solutions_as_short_as_the_papers()
    {
        var context = new GeneratorContext(ExpressionOptions.Default);
        var generator = new OdeGenerator(context, 1);
        var rng = new Random(21);
        var lengths = new List<int>();
        var several = 0;
        for (var i = 0; i < 3000 && lengths.Count < 200; i++)
            if (generator.TryGenerate(rng, out _) is { } ex)
            {
                var occurrences = ExprParts.Nodes(ex.Output).Count(n => n is Sym { Name: "a8" });
                Assert.InRange(occurrences, 1, 8);
                several += occurrences > 1 ? 1 : 0;
                lengths.Add(ex.OutputTokens.Length);
            }
        lengths.Sort();
        // The paper's ODE1 solutions (its generator, seed 7001): median 12 tokens, 90th percentile 25.
        Assert.InRange(lengths[lengths.Count / 2], 8, 16);
        // About a third of the paper's solutions hold their constant more than once (a8 + a8·x): SymPy solves them.
        Assert.InRange(several, lengths.Count / 10, lengths.Count / 2);
    }
}
