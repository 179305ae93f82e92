using SymSeq.Datasets;
using SymSeq.Generation;
using SymSeq.Solving;
using SymSeq.Tests.Cas;

namespace SymSeq.Tests.Generation;

public sealed class ForwardGeneratorTests
{
    [CasFact("maxima")]
    public void Every_fwd_pair_from_maxima_verifies()
    {
        var dir = TempDir();
        try
        {
            var gen = new DatasetGenerator(new GenerateOptions("fwd", 30, dir)
            {
                Threads = 2, ChunkSize = 10, Expressions = ExpressionOptions.Default with { MaxOps = 5 },
            });
            Assert.True(gen.Run(CancellationToken.None));
            AssertEveryPairVerifies(gen.PrefixPath);
            Assert.Equal(30, File.ReadAllLines(gen.PrefixPath).Sum(l => DatasetLine.Parse(l).Count));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Fwd_pairs_by_the_rules_verify_and_do_not_depend_on_the_thread_count()
    {
        string one = TempDir(), two = TempDir();
        try
        {
            GenerateOptions Options(string dir, int threads) => new("fwd", 400, dir)
            {
                Cas = ForwardGenerator.Rules, Seed = 5, Threads = threads, ChunkSize = 50,
            };
            var a = new DatasetGenerator(Options(one, 1));
            var b = new DatasetGenerator(Options(two, 2));
            Assert.True(a.Run(CancellationToken.None));
            Assert.True(b.Run(CancellationToken.None));
            AssertEveryPairVerifies(a.PrefixPath);
            Assert.Equal(File.ReadAllLines(a.PrefixPath), File.ReadAllLines(b.PrefixPath));
            Assert.Equal(400, File.ReadAllLines(a.PrefixPath).Sum(l => DatasetLine.Parse(l).Count));
            // The rules reach beyond the table: integration by parts, partial fractions, products of trigonometric functions.
            var outputs = File.ReadAllLines(a.PrefixPath).Select(l => PrefixCodec.Decode(DatasetLine.Parse(l).Output)).ToList();
            Assert.True(outputs.Count(o => ExprParts.OperatorCount(o) >= 8) >= 20, "few long antiderivatives: the rules made only table integrals");
            // Answers come in their tidiest form: none has a shorter multiplied-out form left.
            Assert.All(outputs, o => Assert.Null(AnswerForms.MultipliedOut(o)));
        }
        finally
        {
            foreach (var d in new[] { one, two }) if (Directory.Exists(d)) Directory.Delete(d, true);
        }
    }

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "symseq-fwd-" + Guid.NewGuid().ToString("N"));

    private static void AssertEveryPairVerifies(string prefixPath)
    {
        var lines = File.ReadAllLines(prefixPath);
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var d = DatasetLine.Parse(line);
            var problem = PrefixCodec.Decode(d.Input);
            Assert.True(Problems.TryIntegrand(problem, out var f), line);
            var verdict = IntegralVerifier.Check(f, PrefixCodec.Decode(d.Output));
            Assert.True(verdict.HoldsOnSomeInterval, $"{line}: {verdict.Reason}");
        }
    }

    [Fact]
    public void A_missing_cas_fails_the_run_before_any_work()
    {
        var dir = TempDir();
        var gen = new DatasetGenerator(new GenerateOptions("fwd", 10, dir) { Cas = "mathematica" });
        var e = Assert.Throws<ArgumentException>(() => gen.Run(CancellationToken.None));
        Assert.Contains("unknown CAS 'mathematica'", e.Message);
        Assert.False(File.Exists(gen.PrefixPath));
    }
}
