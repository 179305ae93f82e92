namespace SymSeq.Tests.Cli;

/// <summary>The bundled models/default.symseq: what a newcomer's first command relies on.</summary>
[Collection("torch")]
public class DefaultModelTests
{
    [Theory]
    [InlineData("cos(x)*ln(x) + sin(x)/x")] // the README's main command
    [InlineData("x*cos(x)")]
    [InlineData("cos(x)*exp(sin(x))")]
    public void The_bundled_model_integrates_without_being_told_where_it_is(string integrand)
    {
        // No --model: the command must find models/default.symseq by itself; no CAS and no rules, so the answer is the
        // model's: a candidate as written, fixed by a constant factor (repair), or the model's answers to the parts.
        var r = CliRunner.Run("integrate", integrand, "--cas", "none", "--no-rules");
        Assert.True(r.Code == 0, $"exit {r.Code}: {r.Out} {r.Err}");
        Assert.Matches(@"by (model|repaired candidate|model after decomposition)", r.Err);
        var answer = InfixParser.Parse(r.Out.Trim().Split('\n')[0].Replace(" + C", ""));
        Assert.True(IntegralVerifier.Check(InfixParser.Parse(integrand), answer).Accepted, r.Out);
    }

    [Fact]
    public void Without_model_integrals_and_odes_each_get_their_bundled_model()
    {
        var dir = Path.Combine(TestPaths.Repo, "models");
        var integrals = File.Exists(Path.Combine(dir, "integration.symseq")) ? "integration.symseq" : "default.symseq";
        var r = CliRunner.Run("evaluate", "--data", Path.Combine(dir, "test", "bwd.test") + "," + Path.Combine(dir, "test", "ode1.test"),
            "--beam", "1", "--limit", "2");
        Assert.True(r.Code == 0, r.Err);
        Assert.Matches($@"bwd: model \S*/models/{integrals.Replace(".", @"\.")}", r.Err);
        Assert.Matches(@"ode1: model \S*/models/default\.symseq", r.Err);
    }

    [Theory]
    [InlineData("--no-grammar", "grammar")]
    [InlineData("--no-early-stopping", "early stopping")]
    public void An_evaluation_log_of_another_search_is_not_resumed_by_the_default_search(string other, string named)
    {
        var dir = Path.Combine(TestPaths.Repo, "models");
        var log = Path.Combine(Path.GetTempPath(), $"symseq-grammar-{Guid.NewGuid():N}.jsonl");
        try
        {
            string[] run = ["evaluate", "--data", Path.Combine(dir, "test", "bwd.test"), "--beam", "2", "--limit", "2", "--out", log, "--threads", "1"];
            var free = CliRunner.Run([.. run, other]);
            Assert.True(free.Code == 0, free.Err);
            Assert.Equal(2, File.ReadAllLines(log).Length);
            var kept = CliRunner.Run(run);
            Assert.NotEqual(0, kept.Code);
            Assert.Contains("another setup", kept.Err); // says why, names the search it would have run, leaves the log as it was
            Assert.Contains(named, kept.Err);
            Assert.Equal(2, File.ReadAllLines(log).Length);
            RobustnessTests.AssertCleanError(CliRunner.Run([.. run, "--threads", "0"]), "--threads");
        }
        finally { File.Delete(log); }
    }

    [Fact]
    public void An_evaluation_log_scores_the_reference_answers_and_breakdown_splits_the_misses()
    {
        var dir = Path.Combine(TestPaths.Repo, "models");
        var log = Path.Combine(Path.GetTempPath(), $"symseq-search-errors-{Guid.NewGuid():N}.jsonl");
        try
        {
            var r = CliRunner.Run("evaluate", "--data", Path.Combine(dir, "test", "fwd.test"), "--beam", "1,3", "--limit", "12", "--out", log, "--threads", "1");
            Assert.True(r.Code == 0, r.Err);
            var lines = File.ReadAllLines(log).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(24, lines.Count);
            var unsolved = 0;
            foreach (var line in lines)
            {
                // every reference of the shipped test set is in the paper's words, so each gets a score, a log-probability per token
                var reference = line.GetProperty("reference_score").GetDouble();
                Assert.True(reference < 0, line.ToString());
                var best = line.GetProperty("candidates").EnumerateArray().Max(c => c.GetProperty("score").GetDouble());
                var solved = line.GetProperty("solved").GetBoolean();
                if (!solved) unsolved++;
                // a search error: unsolved, and the reference above every hypothesis kept (scores are rounded to 4 places in the log)
                var searchError = line.GetProperty("search_error").GetBoolean();
                if (solved || reference < best - 1e-4) Assert.False(searchError, line.ToString());
                if (!solved && reference > best + 1e-4) Assert.True(searchError, line.ToString());
            }
            Assert.True(unsolved > 0, "the model solved all 12 at beams 1 and 3: nothing to split");
            var b = CliRunner.Run("breakdown", log, "--by", "search");
            Assert.True(b.Code == 0, b.Err);
            var rows = b.Out.Split('\n').Where(l => l.StartsWith("fwd")).ToList();
            Assert.Equal(2, rows.Count);
            var cells = rows.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..].Select(int.Parse).ToArray()).ToList();
            Assert.Equal(unsolved, cells.Sum(c => c[1]));
            Assert.All(cells, c => Assert.True(c[0] == 12 && c[2] == c[1] && c[3] + c[4] == c[2], string.Join(" ", c)));
        }
        finally { File.Delete(log); }
    }

    /// <summary>Every bundled model: models/default.symseq, and models/integration.symseq when there is one.</summary>
    public static TheoryData<string> BundledModels() =>
        [.. Directory.GetFiles(Path.Combine(TestPaths.Repo, "models"), "*.symseq").Select(f => Path.GetFileNameWithoutExtension(f)!).Order()];

    [Theory]
    [MemberData(nameof(BundledModels))]
    public void The_bundled_model_is_small_and_half_precision(string name)
    {
        var path = Path.Combine(TestPaths.Repo, "models", name + ".symseq");
        Assert.True(new FileInfo(path).Length < 50_000_000);
        var (info, tensors) = SymSeq.Checkpoints.SymSeqCheckpoint.Read(path);
        foreach (var t in tensors.Values) t.Dispose();
        Assert.True(info.Step > 0);
        Assert.DoesNotContain(tensors.Keys, k => k.StartsWith("adam.", StringComparison.Ordinal)); // shipped without optimizer state
    }

    [Theory]
    [MemberData(nameof(BundledModels))]
    public void Greedy_accuracy_on_the_shipped_test_sets_matches_the_model_card(string name)
    {
        // models/NAME.eval.json is what `symseq evaluate --model models/NAME.symseq` wrote for the model card; greedy
        // decoding is deterministic, so rerunning beam 1 on the shipped test sets must give the same counts.
        var dir = Path.Combine(TestPaths.Repo, "models");
        var card = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, name + ".eval.json"))).RootElement;
        var data = string.Join(',', card.EnumerateObject().Select(t => Path.Combine(dir, "test", t.Name + ".test")));
        var json = Path.Combine(Path.GetTempPath(), $"symseq-eval-{Guid.NewGuid():N}.json");
        var log = Path.ChangeExtension(json, ".jsonl");
        try
        {
            // The card's counts may cover the first N problems of each set (evaluate --limit N).
            var limit = card.EnumerateObject().Max(t => t.Value.GetProperty("beam1").GetProperty("total").GetInt32());
            var r = CliRunner.Run("evaluate", "--model", Path.Combine(dir, name + ".symseq"), "--data", data, "--beam", "1", "--json", json,
                "--limit", limit.ToString(), "--out", log);
            Assert.True(r.Code == 0, r.Err);
            var again = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json)).RootElement;
            foreach (var task in card.EnumerateObject())
                Assert.Equal(task.Value.GetProperty("beam1").GetProperty("solved").GetInt32(),
                             again.GetProperty(task.Name).GetProperty("beam1").GetProperty("solved").GetInt32());

            // The per-problem log: one line per problem, solved exactly when a candidate verified, the rank that of
            // the first verified candidate, and the same counts as the table.
            var lines = File.ReadAllLines(log).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).ToList();
            foreach (var task in card.EnumerateObject())
            {
                var rows = lines.Where(l => l.GetProperty("task").GetString() == task.Name).ToList();
                Assert.Equal(task.Value.GetProperty("beam1").GetProperty("total").GetInt32(), rows.Count);
                Assert.Equal(Enumerable.Range(0, rows.Count), rows.Select(l => l.GetProperty("index").GetInt32()));
                Assert.Equal(task.Value.GetProperty("beam1").GetProperty("solved").GetInt32(), rows.Count(l => l.GetProperty("solved").GetBoolean()));
                foreach (var row in rows)
                {
                    var candidates = row.GetProperty("candidates").EnumerateArray().ToList();
                    Assert.InRange(candidates.Count, 1, 1);
                    var verified = candidates.FirstOrDefault(c => c.GetProperty("verdict").GetString() == "verified");
                    Assert.Equal(row.GetProperty("solved").GetBoolean(), verified.ValueKind != System.Text.Json.JsonValueKind.Undefined);
                    if (row.GetProperty("solved").GetBoolean())
                        Assert.Equal(verified.GetProperty("rank").GetInt32(), row.GetProperty("rank").GetInt32());
                    Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("problem").GetString()));
                }
            }
        }
        finally { foreach (var f in new[] { json, log, log + ".lock", log + ".lock.owner" }) File.Delete(f); }
    }
}
