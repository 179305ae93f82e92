namespace SymSeq.Tests.Cli;

/// <summary>`symseq breakdown` on logs that `symseq evaluate --out` wrote itself.</summary>
public sealed class BreakdownCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-breakdown-cli-").FullName;
    public void Dispose() => Directory.Delete(_dir, true);

    private string Evaluate(string name, string problems)
    {
        var set = Path.Combine(_dir, "calculus.txt");
        File.WriteAllText(set, problems);
        var log = Path.Combine(_dir, name);
        var r = CliRunner.Run("evaluate", "--data", set, "--no-model", "--hybrid", "--cas", "none", "--out", log);
        Assert.True(r.Code == 0, r.Err);
        return log;
    }

    [Fact]
    public void An_evaluate_log_is_broken_down_by_length_and_operator_and_set_against_another()
    {
        // the rules integrate the first two; x/(1 + x^5) is beyond them
        var log = Evaluate("a.jsonl", "x^2*cos(x)\n1/(x^2-1)\nx/(1+x^5)\n");
        var byLength = CliRunner.Run("breakdown", log, "--lengths", "8,100");
        Assert.True(byLength.Code == 0, byLength.Err);
        var row = byLength.Out.Split('\n').Single(l => l.StartsWith("calculus"));
        Assert.Contains("hybrid", row);
        // every problem lands in exactly one bucket: the solved counts add up to 2 of 3
        var cells = System.Text.RegularExpressions.Regex.Matches(row, @"(\d+)/(\d+)");
        Assert.Equal(2, cells.Sum(m => int.Parse(m.Groups[1].Value)));
        Assert.Equal(3, cells.Sum(m => int.Parse(m.Groups[2].Value)));

        var byOperator = CliRunner.Run("breakdown", log, "--by", "operator");
        Assert.True(byOperator.Code == 0, byOperator.Err);
        Assert.Matches(@"\n  cos +1/1 +100\.0%", byOperator.Out);   // only x^2*cos(x) has a cosine, and it is solved
        Assert.Matches(@"\n  pow +2/3 +66\.7%", byOperator.Out);   // all three have a power (1/u is u^-1)

        // another run that solves only the first problem (1/(x^2 - 1) swapped for exp(x^2), which has no elementary integral)
        var other = Evaluate("b.jsonl", "x^2*cos(x)\nexp(x^2)\nx/(1+x^5)\n");
        var against = CliRunner.Run("breakdown", log, "--against", other);
        Assert.True(against.Code == 0, against.Err);
        Assert.Matches(@"calculus +hybrid +3 +1 +1 +0 +1 +2 +1", against.Out);
        Assert.Contains("calculus hybrid, solved by A only: 1", against.Out);
    }

    [Fact]
    public void Bad_logs_and_options_get_a_clear_error()
    {
        RobustnessTests.AssertCleanError(CliRunner.Run("breakdown", Path.Combine(_dir, "absent.jsonl")), "does not exist");
        var foreign = Path.Combine(_dir, "foreign.jsonl");
        File.WriteAllText(foreign, "{\"verified\": 3}\n");
        RobustnessTests.AssertCleanError(CliRunner.Run("breakdown", foreign), "not an outcome of symseq evaluate");
        var log = Evaluate("a.jsonl", "x^2*cos(x)\n");
        RobustnessTests.AssertCleanError(CliRunner.Run("breakdown", log, "--lengths", "64,32"), "ascending");
        RobustnessTests.AssertCleanError(CliRunner.Run("breakdown", log, "--lengths", "ten"), "not a positive integer");
        RobustnessTests.AssertCleanError(CliRunner.Run("breakdown", log, "--by", "colour"), "colour");
        // a plain list has no reference answers to measure
        RobustnessTests.AssertCleanError(CliRunner.Run("breakdown", log, "--by", "answer"), "no reference answer lengths");
    }

    [Fact]
    public void A_log_of_a_prefix_test_set_is_broken_down_by_the_reference_answer_length()
    {
        // the first 12 FWD test problems: their reference answers, counted from the file, must land one per problem
        var lines = File.ReadLines(Path.Combine(TestPaths.Repo, "models", "test", "fwd.test")).Take(12).ToList();
        var set = Path.Combine(_dir, "fwd.test");
        File.WriteAllLines(set, lines);
        var log = Path.Combine(_dir, "fwd.jsonl");
        var r = CliRunner.Run("evaluate", "--data", set, "--no-model", "--hybrid", "--cas", "none", "--out", log);
        Assert.True(r.Code == 0, r.Err);

        var lengths = lines.Select(l => l.Split('\t')[^1].Split(' ').Length).ToList();
        var byAnswer = CliRunner.Run("breakdown", log, "--by", "answer", "--lengths", "20");
        Assert.True(byAnswer.Code == 0, byAnswer.Err);
        Assert.Contains("reference answer's length", byAnswer.Out);
        var row = byAnswer.Out.Split('\n').Single(l => l.StartsWith("fwd"));
        var totals = System.Text.RegularExpressions.Regex.Matches(row, @"(\d+)/(\d+)").Select(m => int.Parse(m.Groups[2].Value)).ToList();
        Assert.Equal([lengths.Count(n => n <= 20), lengths.Count(n => n > 20)], totals);
    }
}
