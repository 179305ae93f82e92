using SymSeq.Checkpoints;
using SymSeq.Evaluation;

namespace SymSeq.Tests.Evaluation;

[Collection("torch")]
public class RobustnessSuiteTests
{
    [Fact]
    public void Variants_are_the_five_perturbations_with_factors_from_2_to_10000()
    {
        var f = InfixParser.Parse("x*cos(x)");
        var g = InfixParser.Parse("exp(x)");
        var rng = new Random(1);
        for (var i = 0; i < 200; i++)
        {
            var vs = BrittlenessVariants.Of(f, g, rng).ToList();
            Assert.Equal(BrittlenessVariants.Kinds, vs.Select(v => v.Kind));
            var k = Assert.IsType<Num>(Assert.IsType<Op>(vs[0].Integrand)[0]).Value;
            Assert.InRange(k.ToDouble(), 2, 10_000);
            Assert.True(NumericEquivalence.Check(vs[4].Integrand, f + g).IsEqual);
        }
    }

    [Fact]
    public void Only_problems_the_model_solves_are_perturbed_and_the_hybrid_solves_their_variants()
    {
        var path = Path.Combine(Path.GetTempPath(), $"symseq-rob-{Guid.NewGuid():N}.test");
        try
        {
            // Two integrals the bundled integration model solves, one nobody solves, one ODE (skipped).
            string[] lines = ["x*cos(x)", "x*exp(x)", "exp(x^2)"];
            File.WriteAllLines(path, lines.Select(l => string.Join(' ', PrefixCodec.Encode(Problems.Integration(InfixParser.Parse(l)))) + "\tx")
                .Append(string.Join(' ', PrefixCodec.Encode(InfixParser.ParseEquation("y' = y"))) + "\tx"));
            using var model = SymSeqCheckpoint.LoadAny(Path.Combine(TestPaths.Repo, "models", "integration.symseq"));
            model.eval();
            var outcomes = new RobustnessSuite(model, new HybridOptions { Cas = "none", TimeLimit = TimeSpan.FromSeconds(30) }).Run([TestSet.Load(path)], default);
            Assert.Equal(10, outcomes.Count); // 2 solved problems × 5 variants
            Assert.All(outcomes, o => Assert.Contains(o.Index, new[] { 0, 1 }));
            Assert.All(outcomes, o => Assert.True(o.HybridSolved, $"{o.Kind}: {o.Integrand}"));
            var total = RobustnessSuite.Table(outcomes)[^1];
            Assert.Equal(("all", 10, outcomes.Count(o => o.ModelSolved), 10), total);
        }
        finally { File.Delete(path); }
    }
}
