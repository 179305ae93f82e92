using SymSeq.Datasets;
using SymSeq.Expressions;
using SymSeq.Generation;
using SymSeq.Verification;

namespace SymSeq.Tests.Datasets;

public sealed class InfixImporterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-import-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    private static string Input(InfixImporter.Result r) => string.Join(' ', r.Line!.Input);
    private static string Output(InfixImporter.Result r) => string.Join(' ', r.Line!.Output);

    [Theory]
    [InlineData("cos(x)")]                              // an integrand, as integrate takes it
    [InlineData("Derivative(f(x), x) - cos(x)")]        // generate's SymPy twin
    [InlineData("y' = cos(x)")]                         // an equation that is an integral
    [InlineData("f'(x) - cos(x) = 0")]
    public void Every_way_of_writing_an_integral_gives_the_one_canonical_problem(string problem)
    {
        var r = InfixImporter.Convert(problem, "sin(x)", Budget);
        Assert.Null(r.Reason);
        Assert.Equal("sub Y' cos x", Input(r));
        Assert.Equal("sin x", Output(r));
    }

    [Fact]
    public void Answers_are_simplified_and_lose_their_additive_constants_like_generated_ones()
    {
        var r = InfixImporter.Convert("2*x", "x**2 + 7 + ln(3)", Budget);
        Assert.Equal("pow x INT+ 2", Output(r));
        var sqrt = InfixImporter.Convert("1/(2*sqrt(x))", "x^(1/2)", Budget);
        Assert.Equal("sqrt x", Output(sqrt)); // the paper's sqrt token, as the generators write it
    }

    [Fact]
    public void Odes_keep_their_constants_and_second_derivatives_read_in_sympy_notation()
    {
        var r = InfixImporter.Convert("Derivative(f(x), (x, 2)) + f(x)", "a8*sin(x) + a9*cos(x)", Budget);
        Assert.Null(r.Reason);
        Assert.Contains("Y''", r.Line!.Input);
        Assert.Contains("a8", r.Line.Output);
        Assert.Contains("a9", r.Line.Output);
        Assert.Equal(Problems.Kind.Ode, Problems.KindOf(PrefixCodec.Decode(r.Line.Input)));
    }

    [Theory]
    [InlineData("exp(x)", "2*exp(x)", "rejected")]                  // wrong antiderivative
    [InlineData("y'' + y = 0", "a8*exp(x)", "rejected")]            // not a solution
    [InlineData("x*cos(x", "x*sin(x) + cos(x)", "problem: ")]       // unbalanced parenthesis
    [InlineData("x*cos(x)", "x*sin(x) +", "answer: ")]
    [InlineData("1/0", "x", "problem: ")]                           // undefined
    [InlineData("x", "f(x) + x", "unknown function")]               // an answer must not mention the unknown
    public void Wrong_or_malformed_pairs_are_dropped_with_the_reason(string problem, string answer, string reason)
    {
        var r = InfixImporter.Convert(problem, answer, Budget);
        Assert.Null(r.Line);
        Assert.Contains(reason, r.Reason);
    }

    [Fact]
    public void A_file_keeps_verified_pairs_merges_duplicates_and_reports_every_other_line_by_number()
    {
        var path = Path.Combine(_dir, "pairs.tsv");
        File.WriteAllLines(path,
        [
            "# my integrals",
            "x*cos(x)\tx*sin(x) + cos(x)",
            "",
            "exp(x)\t2*exp(x)",                     // line 4: wrong
            "x*cos(x)\tcos(x) + x*sin(x)",          // the same pair written otherwise
            "no tab here",                          // line 6
            "y' = y\ta8*exp(x)",
        ]);
        var report = InfixImporter.ImportFile(path, Budget, threads: 2);
        Assert.Equal(5, report.Pairs);
        Assert.Equal(3, report.Kept);
        Assert.Equal([4, 6], report.Dropped.Select(d => d.LineNumber));
        Assert.Contains("no tab", report.Dropped[1].Reason);
        Assert.Equal(2, report.Lines.Count);
        Assert.StartsWith("2|sub Y' mul x cos x\t", report.Lines[0]);
        foreach (var line in report.Lines)
            Assert.True(PairVerifier.Check(DatasetLine.Parse(line)).Accepted, line);
    }

    [Theory]
    [InlineData("bwd")]
    [InlineData("fwd")]
    [InlineData("ibp")]
    [InlineData("ode1")]
    [InlineData("ode2")]
    public void The_infix_twin_that_generate_writes_imports_back_whole_and_verified(string task)
    {
        var options = new GenerateOptions(task, 60, Path.Combine(_dir, task))
        {
            ChunkSize = 30, Threads = 2, Seed = 3, Cas = ForwardGenerator.Rules, Expressions = ExpressionOptions.Default with { MaxOps = 6 },
        };
        var generator = new DatasetGenerator(options);
        Assert.True(generator.Run(CancellationToken.None));
        var generated = File.ReadAllLines(generator.PrefixPath).Select(l => DatasetLine.Parse(l)).ToList();

        var report = InfixImporter.ImportFile(generator.InfixPath, Budget, threads: 2);
        // The generators keep the paper's convention (right on some interval); import keeps only what is right
        // everywhere the problem is real: a pair it drops is one the verifier finds right on part of the line only.
        foreach (var d in report.Dropped)
            Assert.True(PairVerifier.Check(generated[d.LineNumber - 1]).Kind == VerdictKind.Partial, d.Reason);
        Assert.Equal(generated.Count, report.Kept + report.Dropped.Count);
        Assert.True(report.Kept * 10 >= generated.Count * 7, $"only {report.Kept} of {generated.Count} kept");
        var imported = report.Lines.Select(l => DatasetLine.Parse(l)).ToList();
        foreach (var line in imported)
            Assert.True(PairVerifier.Check(line).Accepted, line.Format());
        generated = generated.Where((_, i) => report.Dropped.All(d => d.LineNumber != i + 1)).ToList();
        // The same problems, line by line: an integrand (y' = g(x) included) is the same function, an ODE the same
        // equation once both are in canonical form (printed forms may simplify differently).
        foreach (var (g, i) in generated.Zip(imported))
        {
            var (p, q) = (PrefixCodec.Decode(g.Input), PrefixCodec.Decode(i.Input));
            if (Problems.TryIntegrand(p, out var f))
            {
                Assert.True(Problems.TryIntegrand(q, out var h), $"{g.Format()}\n{i.Format()}");
                Assert.True(NumericEquivalence.AreEqual(f, h), $"{g.Format()}\n{i.Format()}");
            }
            else Assert.True(SameFunction(Problems.Canonical(p), Problems.Canonical(q)), $"{g.Format()}\n{i.Format()}");
        }
    }

    /// <summary>The same function of x, y, y' and y'' at random points where both are defined (printed and parsed back, a canonical form may be written another way).</summary>
    private static bool SameFunction(Expr a, Expr b)
    {
        var rng = new Random(1);
        var compared = 0;
        for (var i = 0; i < 40 && compared < 8; i++)
        {
            var slots = new double[Symbols.SlotCount];
            slots[0] = rng.NextDouble() * 4 - 2;
            for (var k = 0; k < 3; k++) slots[Symbols.UnknownSlot + k] = rng.NextDouble() * 4 - 2;
            double u = Evaluator.Eval(a, slots), v = Evaluator.Eval(b, slots);
            if (!double.IsFinite(u) || !double.IsFinite(v)) continue;
            if (Math.Abs(u - v) > 1e-7 * (1 + Math.Abs(u))) return false;
            compared++;
        }
        return compared >= 3;
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<FileNotFoundException>(() => InfixImporter.ImportFile(Path.Combine(_dir, "none.tsv"), Budget, 1));
        Assert.Contains("none.tsv", e.Message);
    }
}
