using SymSeq.Datasets;
using SymSeq.Expressions;
using SymSeq.Generation;
using SymSeq.Tests.Cas;
using SymSeq.Verification;

namespace SymSeq.Tests.Generation;

public sealed class ForwardGeneratorTests
{
    [CasFact("maxima")]
    public void Every_fwd_pair_from_maxima_verifies()
    {
        var dir = Path.Combine(Path.GetTempPath(), "symseq-fwd-" + Guid.NewGuid().ToString("N"));
        try
        {
            var gen = new DatasetGenerator(new GenerateOptions("fwd", 30, dir)
            {
                Threads = 2, ChunkSize = 10, Expressions = ExpressionOptions.Default with { MaxOps = 5 },
            });
            Assert.True(gen.Run(CancellationToken.None));
            var lines = File.ReadAllLines(gen.PrefixPath);
            Assert.NotEmpty(lines);
            foreach (var line in lines)
            {
                var d = DatasetLine.Parse(line);
                var problem = PrefixCodec.Decode(d.Input);
                Assert.True(Problems.TryIntegrand(problem, out var f), line);
                var verdict = IntegralVerifier.Check(f, PrefixCodec.Decode(d.Output));
                Assert.True(verdict.Accepted, $"{line}: {verdict.Reason}");
            }
            Assert.Equal(30, lines.Sum(l => DatasetLine.Parse(l).Count));
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_missing_cas_fails_the_run_before_any_work()
    {
        var dir = Path.Combine(Path.GetTempPath(), "symseq-fwd-" + Guid.NewGuid().ToString("N"));
        var gen = new DatasetGenerator(new GenerateOptions("fwd", 10, dir) { Cas = "mathematica" });
        var e = Assert.Throws<ArgumentException>(() => gen.Run(CancellationToken.None));
        Assert.Contains("unknown CAS 'mathematica'", e.Message);
        Assert.False(File.Exists(gen.PrefixPath));
    }
}
