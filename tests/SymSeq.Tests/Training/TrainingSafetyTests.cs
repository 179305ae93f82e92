using SymSeq.Checkpoints;
using SymSeq.Datasets;
using SymSeq.Generation;
using SymSeq.Model;
using SymSeq.Tests.Cli;
using SymSeq.Training;
using static TorchSharp.torch;

namespace SymSeq.Tests.Training;

/// <summary>Training never starts on bad settings, never saves a diverged model, and never shares a run folder.</summary>
[Collection("torch")]
public sealed class TrainingSafetyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("symseq-safety-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Data()
    {
        var gen = new DatasetGenerator(new GenerateOptions("bwd", 100, Path.Combine(_dir, "data"))
            { Seed = 2, ChunkSize = 50, Expressions = ExpressionOptions.Default with { MaxOps = 3 } });
        Assert.True(gen.Run(CancellationToken.None));
        return gen.PrefixPath;
    }

    [Theory]
    [InlineData("--lr", "-1", "learning rate")]
    [InlineData("--lr", "0", "learning rate")]
    [InlineData("--clip", "-2", "clipping")]
    [InlineData("--curriculum", "20000", "curriculum")]
    [InlineData("--label-smoothing", "1", "--label-smoothing")]
    [InlineData("--valid-beam", "101", "--valid-beam")]
    [InlineData("--label-smoothing", "-0.1", "--label-smoothing")]
    public void Bad_settings_are_refused_before_any_work(string option, string value, string mentions)
    {
        var r = CliRunner.Run("train", "--train", Data(), "--out", Path.Combine(_dir, "run"), option, value);
        RobustnessTests.AssertCleanError(r, mentions);
        Assert.False(File.Exists(Path.Combine(_dir, "run", "checkpoint.symseq")));
    }

    [Fact]
    public void Resume_without_a_checkpoint_is_an_error_not_a_fresh_start() =>
        RobustnessTests.AssertCleanError(CliRunner.Run("train", "--train", Data(), "--out", Path.Combine(_dir, "empty"), "--resume"), "no checkpoint");

    [Fact]
    public void A_nan_loss_stops_the_run_and_saves_nothing()
    {
        // Weights with a NaN in them make the very first loss NaN.
        var init = Path.Combine(_dir, "nan.symseq");
        var config = new ModelConfig { EmbDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1 };
        using (var m = new Seq2SeqTransformer(config))
        {
            using (no_grad()) m.named_parameters().First(p => p.name.Contains("embeddings")).parameter.fill_(float.NaN);
            SymSeqCheckpoint.Save(init, m, 0);
        }
        var run = Path.Combine(_dir, "nanrun");
        var r = CliRunner.Run("train", "--train", Data(), "--out", run, "--init", init, "--steps", "5", "--eval-every", "2", "--precision", "fp32");
        RobustnessTests.AssertCleanError(r, "the loss became NaN");
        Assert.False(File.Exists(Path.Combine(run, "checkpoint.symseq")));
    }

    [Fact]
    public void A_warm_start_trains_the_shape_of_its_model_and_says_so()
    {
        // A deepened model (2+3 layers) trains as such, not as the default shape the size options describe.
        var config = new ModelConfig { EmbDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1 };
        var init = Path.Combine(_dir, "deep.symseq");
        using (var m = new Seq2SeqTransformer(config))
        using (var deep = ModelDeepening.Deepen(m, 2, 3))
            SymSeqCheckpoint.Save(init, deep, 0);
        var run = Path.Combine(_dir, "deeprun");
        var r = CliRunner.Run("train", "--train", Data(), "--out", run, "--init", init, "--steps", "2", "--eval-every", "2", "--precision", "fp32");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("emb 16, 2+3 layers, 2 heads", r.Err);
        var (info, tensors) = SymSeqCheckpoint.Read(Path.Combine(run, "checkpoint.symseq"));
        foreach (var t in tensors.Values) t.Dispose();
        Assert.Equal((2, 3), (info.Config.EncoderLayers, info.Config.DecoderLayers));
        // Size options that would change the warm start's shape are refused, not ignored.
        RobustnessTests.AssertCleanError(CliRunner.Run("train", "--train", Data(), "--out", Path.Combine(_dir, "other"), "--init", init,
            "--layers", "6", "--steps", "2", "--precision", "fp32"), "drop the size options");
    }

    [Fact]
    public void A_resumed_run_continues_in_the_shape_of_its_checkpoint()
    {
        // The run was started from a 2+3 model; --resume without size options continues it as 2+3 (the size options'
        // defaults describe 4+4), and size options that contradict the checkpoint are refused.
        var config = new ModelConfig { EmbDim = 16, Heads = 2, EncoderLayers = 1, DecoderLayers = 1 };
        var init = Path.Combine(_dir, "deep-resume.symseq");
        using (var m = new Seq2SeqTransformer(config))
        using (var deep = ModelDeepening.Deepen(m, 2, 3))
            SymSeqCheckpoint.Save(init, deep, 0);
        var run = Path.Combine(_dir, "resumerun");
        Assert.Equal(0, CliRunner.Run("train", "--train", Data(), "--out", run, "--init", init, "--steps", "2", "--eval-every", "2", "--precision", "fp32").Code);
        var r = CliRunner.Run("train", "--train", Data(), "--out", run, "--resume", "--steps", "4", "--eval-every", "2", "--precision", "fp32");
        Assert.True(r.Code == 0, r.Err);
        Assert.Contains("emb 16, 2+3 layers, 2 heads", r.Err);
        Assert.Contains("resumed from", r.Err);
        var info = SymSeqCheckpoint.ReadInfo(Path.Combine(run, "checkpoint.symseq"));
        Assert.Equal((4L, 2, 3), (info.Step, info.Config.EncoderLayers, info.Config.DecoderLayers));
        RobustnessTests.AssertCleanError(CliRunner.Run("train", "--train", Data(), "--out", run, "--resume", "--layers", "6",
            "--steps", "6", "--precision", "fp32"), "a model of its own shape");
    }

    [Fact]
    public void A_run_folder_has_one_user_at_a_time()
    {
        var run = Path.Combine(_dir, "locked");
        using (FolderLock.Acquire(run, "a test holding the folder"))
        {
            var r = CliRunner.Run("train", "--train", Data(), "--out", run, "--steps", "2");
            RobustnessTests.AssertCleanError(r, "in use by");
            Assert.Contains("a test holding the folder", r.Err);
        }
        using (FolderLock.Acquire(run, "free again")) { } // released with its holder
    }

    [Fact]
    public void Leftover_temporary_files_of_a_killed_run_are_removed()
    {
        var run = Path.Combine(_dir, "leftovers");
        Directory.CreateDirectory(run);
        var tmp = Path.Combine(run, ".checkpoint.symseq.123.abc.tmp");
        File.WriteAllText(tmp, "half a checkpoint");
        var r = CliRunner.Run("train", "--train", Data(), "--out", run, "--steps", "1", "--emb-dim", "16", "--heads", "2", "--layers", "1", "--precision", "fp32");
        Assert.True(r.Code == 0, r.Err);
        Assert.False(File.Exists(tmp));
    }

    [Fact]
    public void A_run_folder_with_a_checkpoint_is_continued_or_restarted_only_when_asked()
    {
        var run = Path.Combine(_dir, "existing");
        string[] tiny = ["--emb-dim", "16", "--heads", "2", "--layers", "1", "--precision", "fp32", "--eval-every", "2"];
        Assert.Equal(0, CliRunner.Run(["train", "--train", Data(), "--out", run, "--steps", "2", .. tiny]).Code);
        var checkpoint = Path.Combine(run, "checkpoint.symseq");
        var before = File.ReadAllBytes(checkpoint);
        RobustnessTests.AssertCleanError(CliRunner.Run(["train", "--train", Data(), "--out", run, "--steps", "2", .. tiny]), "--resume");
        Assert.Equal(before, File.ReadAllBytes(checkpoint));   // untouched
        RobustnessTests.AssertCleanError(CliRunner.Run(["train", "--train", Data(), "--out", run, "--resume", "--restart", "--steps", "2"]), "one of them");
        var r = CliRunner.Run(["train", "--train", Data(), "--out", run, "--restart", "--steps", "1", .. tiny]);
        Assert.True(r.Code == 0, r.Err);
        Assert.Equal(1L, SymSeqCheckpoint.ReadInfo(checkpoint).Step);
    }
}
