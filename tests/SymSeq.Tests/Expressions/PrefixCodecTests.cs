using SymSeq.Datasets;

namespace SymSeq.Tests.Expressions;

public class PrefixCodecTests
{
    [Theory]
    [InlineData("sub Y' mul INT+ 2 x", "f'(x) - 2*x")]
    [InlineData("sub Y' exp x", "f'(x) - exp(x)")]
    [InlineData("mul INT+ 5 pow x INT+ 2", "5*x^2")]
    [InlineData("mul x add INT+ 1 x", "x*(1 + x)")]
    [InlineData("add INT- 1 2 mul INT+ 1 0 x", "-12 + 10*x")]
    [InlineData("div INT+ 1 INT+ 2", "1/2")]
    [InlineData("sub Y'' mul a0 Y", "f''(x) - a0*f(x)")]
    [InlineData("pow2 sin x", "sin(x)^2")]
    public void Decodes_paper_token_streams_and_writes_them_back_identically(string prefix, string infix)
    {
        var e = PrefixCodec.Decode(prefix);
        Assert.Equal(infix, InfixPrinter.Readable.Print(e));
        Assert.Equal(prefix, PrefixCodec.EncodeString(e));
    }

    [Fact]
    public void Reads_the_reference_fixtures_from_the_papers_generator()
    {
        var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(TestPaths.Fixture("reference/tiny_expected.json")));
        foreach (var c in json.RootElement.GetProperty("cases").EnumerateArray())
            foreach (var field in new[] { "src", "tgt" })
            {
                var tokens = c.GetProperty(field).GetString()!.Split(' ');
                Assert.Equal(tokens, PrefixCodec.Encode(PrefixCodec.Decode(tokens)));
            }
    }

    [Fact]
    public void Canonical_rationals_and_negative_integers_use_the_papers_encoding()
    {
        Assert.Equal("div INT- 3 INT+ 4", PrefixCodec.EncodeString(new Num(new Rational(-3, 4))));
        Assert.Equal("INT- 1 2 0", PrefixCodec.EncodeString(Expr.Int(-120)));
        // n-ary sums are right-nested like the paper's sympy_to_prefix
        var sum = new Op(Operator.Add, Expr.X, new Sym("y"), Expr.One);
        Assert.Equal("add x add y INT+ 1", PrefixCodec.EncodeString(sum));
    }

    [Theory]
    [InlineData("", 0, "end of input")]
    [InlineData("add x", 2, "end of input")]
    [InlineData("INT+", 1, "expected digits")]
    [InlineData("x y", 1, "expected end of expression")]
    [InlineData("mul x foo", 2, "unknown token 'foo'")]
    [InlineData("add 3 x", 1, "digit outside an integer")]
    public void Malformed_streams_get_errors_naming_the_token(string prefix, int index, string fragment)
    {
        var ex = Assert.Throws<PrefixFormatException>(() => PrefixCodec.Decode(prefix));
        Assert.Equal(index, ex.TokenIndex);
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Random_token_streams_never_crash_the_decoder()
    {
        var vocab = File.ReadAllLines(TestPaths.Fixture("reference/vocab.txt"));
        var rng = new Random(7);
        var decoded = 0;
        for (var i = 0; i < 20000; i++)
        {
            var tokens = Enumerable.Range(0, rng.Next(0, 12)).Select(_ => vocab[rng.Next(vocab.Length)]).ToArray();
            if (PrefixCodec.TryDecode(tokens, out var e, out var error))
            {
                decoded++;
                Assert.Equal(tokens, PrefixCodec.Encode(e!));
            }
            else Assert.StartsWith("at token", error);
        }
        Assert.True(decoded > 0);
    }

    [Fact]
    public void Very_deep_streams_are_rejected_not_overflowing_the_stack()
    {
        var tokens = Enumerable.Repeat("exp", 100_000).Append("x").ToArray();
        var ex = Assert.Throws<PrefixFormatException>(() => PrefixCodec.Decode(tokens));
        Assert.Contains("nested deeper", ex.Message);
    }

    [Theory]
    [InlineData("3|sub Y' x\tmul div INT+ 1 INT+ 2 pow x INT+ 2", 3L)]
    [InlineData("sub Y' x\tmul div INT+ 1 INT+ 2 pow x INT+ 2", 1L)]
    public void Dataset_lines_with_and_without_counts(string line, long count)
    {
        var d = DatasetLine.Parse(line);
        Assert.Equal(count, d.Count);
        Assert.Equal("1/2*x^2", PrefixCodec.Decode(d.Output).ToString());
        Assert.Equal("sub Y' x", string.Join(' ', d.Input));
    }

    [Theory]
    [InlineData("sub Y' x", "no tab")]
    [InlineData("x|sub Y' x\tx", "positive count")]
    [InlineData("2|\tx", "empty input")]
    public void Bad_dataset_lines_name_the_line(string line, string fragment)
    {
        var ex = Assert.Throws<FormatException>(() => DatasetLine.Parse(line, 17));
        Assert.StartsWith("line 17:", ex.Message);
        Assert.Contains(fragment, ex.Message);
    }
}
