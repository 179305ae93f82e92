using SymSeq.Evaluation;

namespace SymSeq.Tests.Evaluation;

public class TestSetTests
{
    [Fact]
    public void A_plain_list_holds_integrands_and_equations_one_per_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"symseq-list-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "# a comment\n\nx*cos(x)\n  y'' + y = 0  \nsqrt(2*x + 1)\ny' = y\n");
        try
        {
            var set = TestSet.Load(path);
            Assert.Equal(Path.GetFileNameWithoutExtension(path), set.Task);
            Assert.Equal([Problems.Kind.Integral, Problems.Kind.Ode, Problems.Kind.Integral, Problems.Kind.Ode], set.Problems.Select(Problems.KindOf));
            Assert.True(Problems.Verify(set.Problems[0], InfixParser.Parse("x*sin(x) + cos(x)")).Accepted);
            Assert.False(Problems.Verify(set.Problems[0], InfixParser.Parse("x*sin(x)")).Accepted);
            Assert.Equal(2, TestSet.Load(path, limit: 2).Problems.Count);
            Assert.Null(set.AnswerTokens);   // a list of problems has no reference answers
            Assert.Null(set.AnswerLength(0));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_prefix_test_set_gives_each_problem_its_reference_answer_length()
    {
        var path = Path.Combine(TestPaths.Repo, "models", "test", "ibp.test");
        var set = TestSet.Load(path, limit: 30);
        var expected = File.ReadLines(path).Take(30).Select(l => l.Split('\t')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length).ToList();
        Assert.Equal(expected, set.AnswerTokens);
        Assert.Equal(expected[29], set.AnswerLength(29));
        Assert.Null(set.AnswerLength(30));
    }

    [Theory]
    [InlineData("x*cos(x)\nsin(x +\n", ":2:")]      // unfinished expression, on line 2
    [InlineData("# only\n\n", "holds no problems")]
    [InlineData("y*x\n", ":1:")]                     // an "integrand" with y: neither an integral nor an equation
    [InlineData("ln(0)\n", ":1:")]                   // undefined
    public void A_bad_line_is_named_by_file_and_line(string text, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"symseq-list-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        try
        {
            var e = Assert.Throws<FormatException>(() => TestSet.Load(path));
            Assert.Contains(expected, e.Message);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("samples/calculus-integrals.txt", Problems.Kind.Integral, 80)]
    [InlineData("samples/textbook-odes.txt", Problems.Kind.Ode, 25)]
    public void The_shipped_sample_lists_load(string relative, Problems.Kind kind, int count)
    {
        var set = TestSet.Load(Path.Combine(TestPaths.Repo, relative));
        Assert.Equal(count, set.Problems.Count);
        Assert.All(set.Problems, p => Assert.Equal(kind, Problems.KindOf(p)));
    }
}
