using FsCheck.Xunit;
using SymSeq.Checkpoints;
using SymSeq.Datasets;
using SymSeq.Generation;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Tests.Cli;
using SymSeq.Training;
using static TorchSharp.torch;

namespace SymSeq.Tests.Training;

/// <summary>`symseq select`: the hardest share of a dataset under a model, resumable, never mixing another model's scores.</summary>
[Collection("torch")]
public sealed class HardestSelectionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-select-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A tiny untrained model saved to a file (its positions end at 48, so long pairs cannot be scored).</summary>
    private (Seq2SeqTransformer Model, string Path) TinyModel(int seed)
    {
        manual_seed(seed);
        var m = new Seq2SeqTransformer(new ModelConfig { EmbDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1, MaxPositions = 48 });
        var path = Path.Combine(_dir, $"tiny{seed}.symseq");
        SymSeqCheckpoint.Save(path, m, step: 1);
        m.eval();
        return (m, path);
    }

    /// <summary>Generated BWD pairs, then one with a word the model lacks and one longer than its positions.</summary>
    private string Data()
    {
        var gen = new DatasetGenerator(new GenerateOptions("bwd", 120, Path.Combine(_dir, "data")) { Seed = 3, ChunkSize = 60, Expressions = ExpressionOptions.Default with { MaxOps = 4 } });
        Assert.True(gen.Run(CancellationToken.None));
        var path = Path.Combine(_dir, "pairs.train");
        File.WriteAllLines(path, File.ReadAllLines(gen.PrefixPath).Concat([
            "1|sub Y' x\tmul zeta x",
            "1|sub Y' " + string.Join(' ', Enumerable.Repeat("add x", 30)) + " x\tx",
        ]));
        return path;
    }

    /// <summary>Each line's score when scored alone (null where the tiny model cannot score it: a word it lacks, or longer than its positions).</summary>
    private static double?[] ScoresAlone(Seq2SeqTransformer model, IEnumerable<string> lines)
    {
        var vocab = Vocabulary.Paper;
        return [.. lines.Select(l => DatasetLine.Parse(l)).Select(p => p.Input.Length + 2 <= 48 && p.Input.All(vocab.Contains)
            ? SequenceScore.Of(model, [vocab.Encode(p.Input)], [p.Output])[0] : (double?)null)];
    }

    [Fact]
    public void The_kept_pairs_are_the_lowest_scored_share_in_the_file_s_order()
    {
        var (model, modelPath) = TinyModel(1);
        var data = Data();
        var lines = File.ReadAllLines(data);
        var output = Path.Combine(_dir, "hard.train");
        var r = HardestSelection.Run(model, modelPath, data, 0.25, output, tokensPerBatch: 300)!;

        // every pair scored alone, as beam search would score its answer; batching must not change it
        var alone = ScoresAlone(model, lines);
        Assert.Null(alone[^2]);   // a word outside the vocabulary
        Assert.Null(alone[^1]);   // longer than the positions
        var scored = Enumerable.Range(0, lines.Length).Where(i => alone[i] is not null).ToList();
        Assert.Equal(lines.Length, r.Lines);
        Assert.Equal(scored.Count, r.Scored);
        var expectedKept = (int)Math.Ceiling(0.25 * scored.Count);
        Assert.Equal(expectedKept, r.Kept);
        var kept = File.ReadAllLines(output);
        Assert.Equal(expectedKept, kept.Length);
        var keptIndices = kept.Select(k => Array.IndexOf(lines, k)).ToList();
        Assert.Equal(keptIndices.Order(), keptIndices);                       // the file's order
        var worstKept = keptIndices.Max(i => alone[i]!.Value);
        var bestLeft = scored.Except(keptIndices).Min(i => alone[i]!.Value);
        Assert.True(worstKept <= bestLeft + 1e-4, $"kept a pair scored {worstKept} while one scored {bestLeft} was left");
        Assert.Equal(worstKept, r.Threshold, 4);
        Assert.True(keptIndices.Distinct().Count() > 1 && alone.Where(a => a is not null).Distinct().Count() > scored.Count / 2);
    }

    [Fact]
    public void An_interrupted_run_resumes_and_a_torn_score_is_made_again()
    {
        var (model, modelPath) = TinyModel(2);
        var data = Data();
        var once = Path.Combine(_dir, "once.train");
        HardestSelection.Run(model, modelPath, data, 0.5, once, tokensPerBatch: 300);

        var twice = Path.Combine(_dir, "twice.train");
        using var cancel = new CancellationTokenSource();
        var reports = 0;
        Assert.Null(HardestSelection.Run(model, modelPath, data, 0.5, twice, 300, cancel.Token, _ => { if (++reports == 3) cancel.Cancel(); }));
        Assert.False(File.Exists(twice));
        var scores = HardestSelection.ScoresPath(twice);
        var text = File.ReadAllText(scores);
        File.WriteAllText(scores, text[..^4]);   // a crash in the middle of the last line
        var written = text.Split('\n').Length - 2;   // score lines whole before the tear
        var r = HardestSelection.Run(model, modelPath, data, 0.5, twice, 300)!;
        Assert.Equal(written - 1, r.Resumed);
        Assert.Equal(File.ReadAllLines(once), File.ReadAllLines(twice));
        // another share reuses every score
        var again = HardestSelection.Run(model, modelPath, data, 0.1, twice, 300)!;
        Assert.Equal(r.Lines, again.Resumed);
        Assert.True(File.ReadAllLines(twice).Length < File.ReadAllLines(once).Length);
    }

    [Fact]
    public void Scores_of_another_model_are_refused_and_bad_options_get_a_clear_error()
    {
        var (model, modelPath) = TinyModel(3);
        var (_, otherPath) = TinyModel(4);
        var data = Data();
        var output = Path.Combine(_dir, "hard.train");
        HardestSelection.Run(model, modelPath, data, 0.3, output, 300);
        var e = Assert.Throws<ScoresMismatchException>(() => HardestSelection.Run(model, otherPath, data, 0.3, output, 300));
        Assert.Contains("another model, precision or dataset", e.Message);
        // bf16 scores differ from fp32 ones in their last digits: the two are never mixed in one ranking
        model.Precision = Precision.Bf16;
        e = Assert.Throws<ScoresMismatchException>(() => HardestSelection.Run(model, modelPath, data, 0.3, output, 300));
        Assert.Contains("fp32", e.Message);
        model.Precision = Precision.Fp32;
        Assert.NotNull(HardestSelection.Run(model, modelPath, data, 0.3, output, 300));

        RobustnessTests.AssertCleanError(CliRunner.Run("select", "--model", otherPath, "--data", data, "--out", output), "another model, precision or dataset");
        RobustnessTests.AssertCleanError(CliRunner.Run("select", "--model", modelPath, "--data", data, "--out", output, "--precision", "bf16"), "another model, precision or dataset");
        RobustnessTests.AssertCleanError(CliRunner.Run("select", "--model", modelPath, "--data", data, "--out", output, "--precision", "fp16"), "--precision");
        RobustnessTests.AssertCleanError(CliRunner.Run("select", "--model", modelPath, "--data", data, "--out", output, "--hardest", "0"), "--hardest");
        RobustnessTests.AssertCleanError(CliRunner.Run("select", "--model", modelPath, "--data", data, "--out", output, "--hardest", "1.5"), "--hardest");
        RobustnessTests.AssertCleanError(CliRunner.Run("select", "--model", modelPath, "--data", data, "--out", data), "must not be the dataset");
        RobustnessTests.AssertCleanError(CliRunner.Run("select", "--model", Path.Combine(_dir, "absent.symseq"), "--data", data, "--out", output), "does not exist");
        RobustnessTests.AssertCleanError(CliRunner.Run("select", "--model", modelPath, "--data", Path.Combine(_dir, "absent.train"), "--out", output), "does not exist");

        var fresh = Path.Combine(_dir, "cli.train");
        var ok = CliRunner.Run("select", "--model", modelPath, "--data", data, "--out", fresh, "--hardest", "0.2", "--threads", "1");
        Assert.True(ok.Code == 0, ok.Err);
        Assert.Matches(@"of \d+ scored pairs kept", ok.Out);
        var vocab = Vocabulary.Paper;
        var unscorable = File.ReadAllLines(data).Select(l => DatasetLine.Parse(l))
            .Count(p => p.Input.Length + 2 > 48 || p.Output.Length + 2 > 48 || !p.Input.Concat(p.Output).All(vocab.Contains));
        Assert.True(unscorable >= 2);
        Assert.Contains($"; {unscorable} of {File.ReadAllLines(data).Length} not scored", ok.Out);
    }

    [Fact]
    public void With_length_bands_the_hardest_share_is_taken_within_each_band()
    {
        var (model, modelPath) = TinyModel(5);
        var data = Data();
        var lines = File.ReadAllLines(data);
        var output = Path.Combine(_dir, "banded.train");
        var r = HardestSelection.Run(model, modelPath, data, 0.3, output, tokensPerBatch: 300, lengthBands: 3)!;

        var pairs = lines.Select(l => DatasetLine.Parse(l)).ToArray();
        var alone = ScoresAlone(model, lines);
        var kept = File.ReadAllLines(output).Select(k => Array.IndexOf(lines, k)).ToHashSet();
        Assert.Equal(3, r.Bands.Count);
        Assert.Equal(r.Scored, r.Bands.Sum(b => b.Scored));
        Assert.Equal(kept.Count, r.Kept);
        Assert.Equal(r.Kept, r.Bands.Sum(b => b.Kept));
        for (var b = 0; b < r.Bands.Count; b++)
        {
            var band = r.Bands[b];
            if (b > 0) Assert.True(band.MinTokens > r.Bands[b - 1].MaxTokens, "bands overlap");
            var members = Enumerable.Range(0, lines.Length)
                .Where(i => alone[i] is not null && pairs[i].Output.Length >= band.MinTokens && pairs[i].Output.Length <= band.MaxTokens).ToList();
            Assert.Equal(band.Scored, members.Count);
            var inBand = members.Where(kept.Contains).ToList();
            Assert.Equal((int)Math.Ceiling(0.3 * members.Count), inBand.Count);
            Assert.Equal(band.Kept, inBand.Count);
            // within the band, every kept pair scores no higher than every pair left
            var worstKept = inBand.Max(i => alone[i]!.Value);
            Assert.True(worstKept <= members.Except(inBand).Min(i => alone[i]!.Value) + 1e-4);
            Assert.Equal(worstKept, band.Threshold, 4);
        }
        // the same scores serve both choices: one band is the whole-file selection
        var whole = HardestSelection.Run(model, modelPath, data, 0.3, output, 300, lengthBands: 1)!;
        Assert.Equal(r.Lines, whole.Resumed);
        Assert.Single(whole.Bands);

        var cli = CliRunner.Run("select", "--model", modelPath, "--data", data, "--out", Path.Combine(_dir, "cli-banded.train"), "--length-bands", "3", "--threads", "1");
        Assert.True(cli.Code == 0, cli.Err);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(cli.Out, @"answers of \d+-\d+ tokens: \d+ of \d+ kept").Count);
        RobustnessTests.AssertCleanError(CliRunner.Run("select", "--model", modelPath, "--data", data, "--out", output, "--length-bands", "0"), "--length-bands");
    }

    /// <summary>Bands: every item once, shortest first, one length never split, at most the count asked, nearly equal when lengths allow.</summary>
    [Property(MaxTest = 300)]
    public bool Bands_cover_every_item_once_in_length_order_and_never_split_a_length(int[] lengths, byte count)
    {
        var n = count % 12 + 1;
        var len = lengths.Select(l => Math.Abs(l % 40)).ToArray();
        var items = Enumerable.Range(0, len.Length).ToList();
        var bands = HardestSelection.Bands(items, i => len[i], n);
        var all = bands.SelectMany(b => b).Order().ToList();
        if (!all.SequenceEqual(items) || bands.Count > n || bands.Any(b => b.Count == 0)) return false;
        for (var b = 1; b < bands.Count; b++)
            if (bands[b].Min(i => len[i]) <= bands[b - 1].Max(i => len[i])) return false;
        // with distinct lengths the bands are as equal as whole items allow
        if (len.Distinct().Count() == len.Length && len.Length >= n)
            return bands.Count == n && bands.Max(b => b.Count) - bands.Min(b => b.Count) <= 1;
        return true;
    }
}
