using SymSeq.Checkpoints;
using SymSeq.Datasets;
using SymSeq.Generation;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Training;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace SymSeq.Tests.Training;

[Collection("torch")]
public sealed class TrainerTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-train-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly ModelConfig Tiny = new() { EmbDim = 64, EncoderLayers = 2, DecoderLayers = 2, Heads = 4 };

    /// <summary>A small BWD dataset made with SymSeq's own generator.</summary>
    private string MakeData(int count, int seed = 3)
    {
        var gen = new DatasetGenerator(new GenerateOptions("bwd", count, Path.Combine(_dir, "data"))
        {
            Seed = seed, ChunkSize = 50,
            Expressions = ExpressionOptions.Default with { MaxOps = 3 },
        });
        Assert.True(gen.Run(CancellationToken.None));
        return gen.PrefixPath;
    }

    private TrainOptions Options(string data, long steps, string sub = "run") => new()
    {
        TrainFiles = [data], ValidFiles = [data], OutDir = Path.Combine(_dir, sub), Model = Tiny,
        TokensPerBatch = 1200, LearningRate = 1e-3, MaxSteps = steps, EvalEvery = 100, Seed = 1,
        Precision = Precision.Fp32, Threads = 2, ValidLimit = 200,
        MaxLen = 128, // the data's sequences are far shorter; validation of a young model decodes no further
    };

    [Fact]
    public void A_tiny_model_overfits_200_examples()
    {
        var data = MakeData(220);
        var examples = TrainingData.Read(data, Vocabulary.Paper).Take(200).ToList();
        File.WriteAllLines(data, File.ReadAllLines(data).Take(200));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var result = new Trainer(Options(data, 600)).Run(CancellationToken.None);
        output.WriteLine($"{examples.Count} examples, {result.Steps} steps, loss {result.LastLoss:F4}, accuracy {result.ValidAccuracy:P1}, {sw.Elapsed.TotalSeconds:F0} s");
        Assert.True(result.ValidAccuracy > 0.95, $"exact match {result.ValidAccuracy:P1}");
        Assert.True(File.Exists(Path.Combine(_dir, "run", "loss.png")));
        Assert.True(File.ReadAllLines(Path.Combine(_dir, "run", "train_log.csv")).Length > 500);
    }

    [Fact]
    public void Validation_is_reported_per_file_and_pooled()
    {
        var data = MakeData(120);
        var other = Path.Combine(_dir, "other", Path.GetFileName(data));
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.WriteAllLines(other, File.ReadAllLines(data).Take(30)); // same file name, another folder, fewer examples
        var lines = new List<string>();
        var t = new Trainer(Options(data, 40) with { ValidFiles = [data, other], EvalEvery = 20 });
        t.Run(CancellationToken.None, lines.Add);

        var rows = File.ReadAllLines(t.BySetLogPath).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["20", "20", "40", "40"], rows.Select(r => r[0]));
        var name = Path.GetFileName(data);
        Assert.Equal([$"data/{name}", $"other/{name}"], rows.Take(2).Select(r => r[1]));
        var sizes = rows.Take(2).Select(r => int.Parse(r[2])).ToArray();
        Assert.Equal(30, sizes[1]);
        // The pooled figure in train_log.csv weighs every example once.
        static double D(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var pooled = File.ReadLines(t.LogPath).Select(l => l.Split(',')).Single(r => r[0] == "40")[6];
        var last = rows.Skip(2).ToList();
        var weighted = (D(last[0][4]) * sizes[0] + D(last[1][4]) * sizes[1]) / (sizes[0] + sizes[1]);
        Assert.Equal(weighted, D(pooled), 3);
        Assert.Contains(lines, l => l.StartsWith("step 40: valid") && l.Contains($"verified by file: data/{name}"));
        Assert.All(rows, r => Assert.Equal("", r[5]));   // no validation beam asked for: its column stays empty
    }

    [Fact]
    public void Validation_at_a_beam_is_logged_per_file_as_the_search_scores_it()
    {
        var data = MakeData(120);
        var other = Path.Combine(_dir, "other", Path.GetFileName(data));
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.WriteAllLines(other, File.ReadAllLines(data).Skip(60).Take(25));
        var lines = new List<string>();
        var t = new Trainer(Options(data, 200) with { ValidFiles = [data, other], EvalEvery = 200, ValidBeam = 3 });
        t.Run(CancellationToken.None, lines.Add);

        var rows = File.ReadAllLines(t.BySetLogPath).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(2, rows.Count);
        static double D(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        // Each file's beam column is what the beam search of the saved weights finds on that file's examples.
        using var model = SymSeqCheckpoint.LoadModel(t.CheckpointPath);
        var files = new[] { data, other };
        for (var i = 0; i < 2; i++)
        {
            var examples = TrainingData.Read(files[i], Vocabulary.Paper, 128).Take(200).ToList();
            var expected = ValidationSets.ScoreAtBeam(model, examples, 3, maxLen: 128).Count(b => b) / (double)examples.Count;
            Assert.Equal(expected, D(rows[i][5]), 4);
        }
        Assert.True(D(rows[0][5]) > 0, "the search solved nothing, so the comparison says little");
        Assert.Contains(lines, l => l.StartsWith("step 200: valid") && l.Contains("verified at beam 3") && l.Contains(" / "));
    }

    [Fact]
    public void Validation_files_get_the_shortest_unique_names()
    {
        Assert.Equal(["bwd.valid", "ibp.valid"], ValidationSets.UniqueNames(["/d/s5/bwd.valid", "/d/s5/ibp.valid"]));
        Assert.Equal(["s5/ibp.valid", "s10/ibp.valid", "s5/bwd.valid"], ValidationSets.UniqueNames(["/d/s5/ibp.valid", "/d/s10/ibp.valid", "/d/s5/bwd.valid"]));
        Assert.Equal(["d/a.valid", "d/a.valid#2"], ValidationSets.UniqueNames(["/d/a.valid", "/d/a.valid"]));
    }

    [Fact]
    public void Save_then_load_gives_identical_logits()
    {
        manual_seed(5);
        using var model = new Seq2SeqTransformer(Tiny);
        model.eval();
        var path = Path.Combine(_dir, "m.symseq");
        SymSeqCheckpoint.Save(path, model, step: 7);
        using var loaded = SymSeqCheckpoint.LoadModel(path);
        var src = Vocabulary.Paper.Encode("sub Y' mul INT+ 2 x".Split(' '));
        var tgt = Vocabulary.Paper.Encode("pow x INT+ 2".Split(' '));
        var (x, xl) = SourceBatch.Make([src], Tiny.PadIndex);
        var (y, yl) = SourceBatch.Make([tgt], Tiny.PadIndex);
        using var _ = no_grad();
        Assert.True(model.DecoderLogits(x, xl, y, yl).equal(loaded.DecoderLogits(x, xl, y, yl)).all().item<bool>());
        Assert.Equal(7, SymSeqCheckpoint.Read(path).Info.Step);

        // Half-precision storage: half the size, logits within float16 rounding.
        var half = Path.Combine(_dir, "h.symseq");
        SymSeqCheckpoint.Save(half, model, 7, half: true);
        Assert.True(new FileInfo(half).Length < new FileInfo(path).Length * 0.6);
        using var h = SymSeqCheckpoint.LoadModel(half);
        Assert.True(model.DecoderLogits(x, xl, y, yl).allclose(h.DecoderLogits(x, xl, y, yl), rtol: 1e-2, atol: 1e-2));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(20)] // interrupted inside the curriculum by length
    public void An_interrupted_run_resumes_to_the_same_weights(long curriculum)
    {
        var data = MakeData(120);
        var straight = new Trainer(Options(data, 30, "straight") with { CurriculumSteps = curriculum }).Run(CancellationToken.None);

        using var cts = new CancellationTokenSource();
        var first = new Trainer(Options(data, 30, "resumed") with { CurriculumSteps = curriculum });
        first.StepCompleted += s => { if (s == 12) cts.Cancel(); }; // as if Ctrl-C came after step 12
        var r1 = first.Run(cts.Token);
        Assert.True(r1.Interrupted);
        Assert.Equal(12, r1.Steps);
        Assert.Equal(12, SymSeqCheckpoint.Read(first.CheckpointPath).Info.Step);
        var r2 = new Trainer(Options(data, 30, "resumed") with { Resume = true, CurriculumSteps = curriculum }).Run(CancellationToken.None);
        Assert.Equal(30, r2.Steps);
        Assert.Equal(straight.LastLoss, r2.LastLoss, 4);
        var a = SymSeqCheckpoint.Read(straight.CheckpointPath).Tensors;
        var b = SymSeqCheckpoint.Read(r2.CheckpointPath).Tensors;
        foreach (var k in a.Keys) Assert.True(a[k].allclose(b[k], rtol: 1e-4, atol: 1e-5), k);
    }

    [Fact]
    public void A_resumed_run_gives_a_per_file_log_of_the_older_layout_the_beam_column()
    {
        var data = MakeData(60);
        var first = new Trainer(Options(data, 20) with { EvalEvery = 10 });
        first.Run(CancellationToken.None);
        // As a run started before the beam column wrote it: five columns, a row past the checkpoint left by a crash.
        var oldRows = File.ReadAllLines(first.BySetLogPath).Skip(1).Select(l => string.Join(',', l.Split(',').Take(5))).ToList();
        File.WriteAllLines(first.BySetLogPath, ["step,file,examples,valid_acc,valid_verified", .. oldRows, "25,x,1,0,0"]);
        var resumed = new Trainer(Options(data, 30) with { EvalEvery = 10, Resume = true, ValidBeam = 2 });
        resumed.Run(CancellationToken.None);

        var lines = File.ReadAllLines(resumed.BySetLogPath);
        Assert.Equal("step,file,examples,valid_acc,valid_verified,valid_beam_verified", lines[0]);
        Assert.Equal([.. oldRows], lines.Skip(1).Take(oldRows.Count));   // the old rows kept as they were, the crash's row gone
        var last = lines[^1].Split(',');
        Assert.Equal("30", last[0]);
        Assert.InRange(double.Parse(last[5], System.Globalization.CultureInfo.InvariantCulture), 0, 1);
    }

    [Fact]
    public void Bf16_and_fp32_loss_curves_agree()
    {
        var data = MakeData(150);
        double[] Curve(Precision p, string sub)
        {
            var t = new Trainer(Options(data, 60, sub) with { Precision = p, EvalEvery = 1000 });
            t.Run(CancellationToken.None);
            return File.ReadLines(t.LogPath).Skip(1).Select(l => double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        }
        var fp32 = Curve(Precision.Fp32, "fp32");
        var bf16 = Curve(Precision.Bf16, "bf16");
        Assert.Equal(60, fp32.Length);
        Assert.True(fp32[^1] < fp32[0] * 0.5, "the loss should fall");
        // Same data order and initial weights: curves differ only by bf16 rounding of the matrix products.
        var worst = fp32.Zip(bf16).Max(p => Math.Abs(p.First - p.Second) / p.First);
        output.WriteLine($"fp32 {fp32[0]:F3} -> {fp32[^1]:F3}, bf16 {bf16[0]:F3} -> {bf16[^1]:F3}, worst relative gap {worst:P1}");
        Assert.True(worst < 0.1, $"curves differ by up to {worst:P1}");
        Assert.True(worst > 0, "bf16 should round differently from fp32 (is bf16 in effect?)");
    }
}
