using SymSeq.Generation;

namespace SymSeq.Tests.Generation;

public class RandomExpressionGeneratorTests
{
    [Fact]
    public void Shape_counts_follow_the_papers_recurrence()
    {
        var d = new TreeShapeCounts(6);
        // With one empty slot and n operators, unary-binary trees are counted by the large Schröder numbers.
        Assert.Equal([1, 2, 6, 22, 90, 394, 1806], Enumerable.Range(0, 7).Select(n => d[1, n]).ToArray());
        Assert.Equal(0, d[0, 3]);
    }

    [Fact]
    public void Trees_have_exactly_the_requested_number_of_operators()
    {
        var g = new RandomExpressionGenerator(ExpressionOptions.Default);
        var rng = new Random(3);
        for (var n = 0; n <= 15; n++)
            for (var k = 0; k < 50; k++)
                Assert.Equal(n, ExprParts.OperatorCount(g.Generate(n, rng)));
    }

    [Fact]
    public void Shapes_are_uniform()
    {
        // With one unary and one binary operator of equal weight, the 6 shapes with 2 operators are equally likely.
        var o = ExpressionOptions.Default with { Operators = ExpressionOptions.ParseOperators("add:1,exp:1"), LeafProbs = [1, 0, 0, 0] };
        var g = new RandomExpressionGenerator(o);
        var rng = new Random(5);
        var counts = Enumerable.Range(0, 60000).Select(_ => PrefixCodec.EncodeString(g.Generate(2, rng)))
            .GroupBy(s => s).ToDictionary(x => x.Key, x => x.Count());
        // Shapes: unary-unary, unary-binary, binary with unary left or right, and two binary-binary trees.
        // Operator choice is by weight, so each of the 6 shapes has probability 1/6 only after summing over
        // operator assignments; check the six shapes each get about a sixth.
        Assert.Equal(6, counts.Count);
        Assert.All(counts.Values, c => Assert.InRange(c, 9000, 11000));
    }

    [Fact]
    public void Bad_operator_specs_name_the_entry()
    {
        var ex = Assert.Throws<FormatException>(() => ExpressionOptions.ParseOperators("add:10,foo:3"));
        Assert.Contains("'foo:3'", ex.Message);
        Assert.Throws<FormatException>(() => ExpressionOptions.ParseOperators("sin:1"));
        Assert.Throws<FormatException>(() => ExpressionOptions.ParseLeafProbs("1,2"));
    }
}
