using SymSeq.Tests.Expressions;

namespace SymSeq.Tests.Cli;

/// <summary>
/// Random and mutated inputs through every command-level entry point (simplify, diff, verify, integrate with a tiny
/// model): only documented outcomes — exit 0, 1 (an error, one line), 2 (usage), 3 (no verified answer), 4 (verify
/// found pairs that do not verify) — and never a stack trace.
/// </summary>
[Collection("torch")]
public class FuzzTests
{
    private static readonly string Tiny = TestPaths.Fixture("reference/tiny.pth");
    private static readonly string[] Seeds =
    [
        "x*cos(x)", "sqrt(2*x+1)", "exp(x)*sin(x)", "1/(1+x^2)", "ln(x)^2", "asin(x)", "x^2*cos(x)", "(x+1)(x-1)",
        "y'' + y = 0", "2x", "-3^2", "atanh(x/2)", "1e5*x", "pi*E",
    ];
    /// <summary>How many inputs each property tries: SYMSEQ_FUZZ=N scales the run up (the README's figures).</summary>
    private static int Tests(int ci) => int.TryParse(Environment.GetEnvironmentVariable("SYMSEQ_FUZZ"), out var n) && n > 0 ? n : ci;

    private const string Alphabet = "x+-*/^()0123456789.,e sincoqrtlpahxyf'=E ";

    private static void Check(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.Code is >= 0 and <= 4, $"{string.Join(' ', args)}: exit {r.Code}\n{r.Err}");
        Assert.DoesNotContain("   at ", r.Err);
        Assert.DoesNotContain("Unhandled exception", r.Err);
        Assert.DoesNotContain("internal error", r.Err);
    }

    private static Gen<string> Mutated =>
        Gen.Elements(Seeds).SelectMany(s => Gen.Choose(0, s.Length).SelectMany(pos => Gen.Elements(Alphabet.ToCharArray()).SelectMany(c =>
            Gen.Choose(0, 2).Select(kind => kind switch
            {
                0 => s.Insert(pos, c.ToString()),
                1 when pos < s.Length => s.Remove(pos, 1),
                _ when pos < s.Length => s[..pos] + c + s[(pos + 1)..],
                _ => s + c,
            }))));

    private static Gen<string> RandomText =>
        Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray()), n).Select(cs => new string(cs)));

    private static Gen<string> Extreme => Gen.Elements(
        new string('9', 5000), "10^" + new string('9', 400), new string('(', 700) + "x" + new string(')', 700),
        string.Join("+", Enumerable.Repeat("sin(x)", 3000)), "x" + string.Concat(Enumerable.Repeat("^x", 300)), "", " ", "()",
        "\u00e9\u2212x", "x\0", "1/0", "x^(10^20)", "exp(exp(exp(exp(x))))", "0^0", "(-8)^(1/3)");

    [Fact]
    public void Simplify_and_diff_only_give_documented_outcomes() =>
        Prop.ForAll(Gen.OneOf(Mutated, RandomText, Extreme).ToArbitrary(), s =>
        {
            Check("simplify", s);
            Check("diff", s);
            Check("simplify", s, "--format", "latex");
        }).Check(Fuzz.Config.WithMaxTest(Tests(300)));

    [Fact]
    public void Random_trees_of_every_operator_print_parse_and_simplify() =>
        Prop.ForAll(ExprGen.Arb(ExprGen.Unary, maxOps: 12, allowNegative: true), e =>
        {
            var text = InfixPrinter.Readable.Print(e);
            Check("simplify", text);
            Check("diff", text);
        }).Check(Fuzz.Config.WithMaxTest(Tests(200)));

    [Fact]
    public void Integrate_and_solve_only_give_documented_outcomes() =>
        Prop.ForAll(Gen.OneOf(Mutated, Extreme).ToArbitrary(), s =>
        {
            Check("integrate", s, "--model", Tiny, "--beam", "2", "--time-limit", "2");
            Check("solve", s, "--model", Tiny, "--beam", "2", "--time-limit", "2");
        }).Check(Fuzz.Config.WithMaxTest(Math.Max(25, Tests(25) / 10)));

    [Fact]
    public void Verify_survives_garbage_lines()
    {
        var path = Path.Combine(Path.GetTempPath(), $"symseq-fuzz-{Guid.NewGuid():N}.prefix");
        var rng = new Random(5);
        var words = SymSeq.Model.Vocabulary.Paper.Words.ToArray();
        try
        {
            var lines = Enumerable.Range(0, 200).Select(_ =>
                string.Join(' ', Enumerable.Range(0, rng.Next(1, 30)).Select(_ => words[rng.Next(words.Length)])) + "\t" +
                string.Join(' ', Enumerable.Range(0, rng.Next(1, 30)).Select(_ => words[rng.Next(words.Length)])));
            File.WriteAllLines(path, ["sub Y' x\tmul div INT+ 1 INT+ 2 pow x INT+ 2", .. lines]);
            Check("verify", "--data", path);
            File.WriteAllLines(path, ["no tab here"]);
            Check("verify", "--data", path);
        }
        finally { File.Delete(path); }
    }
}
