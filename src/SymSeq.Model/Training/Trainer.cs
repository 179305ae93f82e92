using SymSeq.Datasets;
using System.Diagnostics;
using System.Globalization;
using SymSeq.Checkpoints;
using SymSeq.Model;
using SymSeq.Search;
using TorchSharp;
using static TorchSharp.torch;

namespace SymSeq.Training;

/// <summary>Training produced a non-finite loss; the last good checkpoint is kept.</summary>
public sealed class TrainingDivergedException(string message) : ArithmeticException(message);

/// <summary>The outcome of a run.</summary>
public sealed record TrainResult(long Steps, double LastLoss, double? ValidAccuracy, string CheckpointPath, bool Interrupted);

/// <summary>
/// Trains <see cref="Seq2SeqTransformer"/> on prefix datasets: token-budget batches bucketed by length, Adam,
/// gradient clipping, periodic validation (greedy decodes, exact and verified, per validation file), and an atomic checkpoint of model,
/// optimizer, step and configuration at every evaluation and at the end. With Resume the run continues from
/// OUT/checkpoint.symseq exactly where it stopped. OUT/train_log.csv and OUT/loss.png record the curve.
/// </summary>
public sealed class Trainer(TrainOptions o)
{
    public string CheckpointPath => Path.Combine(o.OutDir, "checkpoint.symseq");
    public string LogPath => Path.Combine(o.OutDir, "train_log.csv");
    /// <summary>Validation per file at every evaluation: step, file, examples, exact match, verified.</summary>
    public string BySetLogPath => Path.Combine(o.OutDir, "valid_by_file.csv");

    /// <summary>Raised after each optimizer step with the step number.</summary>
    public event Action<long>? StepCompleted;

    public TrainResult Run(CancellationToken cancel, Action<string>? progress = null)
    {
        o.Validate();
        using var folderLock = FolderLock.Acquire(o.OutDir, "symseq train");
        RemoveLeftovers();
        set_num_threads(o.Threads);
        var device = ParseDevice(o.Device);
        var vocab = Vocabulary.Paper;
        var train = o.TrainFiles.SelectMany(f => TrainingData.Read(f, vocab, o.MaxLen, o.TrainLimit, o.CountWeight)).ToList();
        if (train.Count == 0) throw new ArgumentException($"no training examples in {string.Join(", ", o.TrainFiles)}");
        var valid = ValidationSets.Read(o.ValidFiles, vocab, o.MaxLen, o.ValidLimit);
        Directory.CreateDirectory(o.OutDir);

        manual_seed(o.Seed);
        // A resumed run and a warm start take their architecture from the checkpoint they start from: size options
        // may repeat that shape but not change it. Only the header is read here; the weights are read below.
        var resumeFrom = o.Resume && File.Exists(CheckpointPath) ? SymSeqCheckpoint.ReadInfo(CheckpointPath).Config : null;
        using var init = !o.Resume && o.InitFrom is not null ? SymSeqCheckpoint.LoadAny(o.InitFrom) : null;
        var shape = resumeFrom ?? init?.Config ?? o.Model;
        if (o.Model != new ModelConfig() && o.Model != shape)
            throw new ArgumentException(resumeFrom is not null
                ? $"--resume continues {CheckpointPath}, a model of its own shape ({Shape(shape)}): drop the size options (--emb-dim, --layers, --heads) or use another --out"
                : $"--init {o.InitFrom} is a model of its own shape ({Shape(shape)}), which a warm start keeps: drop the size options (--emb-dim, --layers, --heads), or deepen it first with export --deepen");
        using var model = new Seq2SeqTransformer(shape) { Precision = o.Precision };
        progress?.Invoke($"model: {Shape(model.Config)}, {model.parameters().Sum(p => p.numel()):N0} parameters, {o.Precision}");
        model.to(device);
        using var adam = new AdamOptimizer(model.named_parameters().Select(p => (p.name, (Tensor)p.parameter)), o.LearningRate);
        long step = 0;
        var history = new List<(long, double)>();
        var accuracy = new List<(long, double)>();
        if (o.Resume && File.Exists(CheckpointPath))
        {
            var (info, tensors) = SymSeqCheckpoint.Read(CheckpointPath);
            SymSeqCheckpoint.CopyInto(model, tensors, CheckpointPath);
            adam.LoadState(tensors, info.Step);
            foreach (var t in tensors.Values) t.Dispose();
            step = info.Step;
            (history, accuracy) = ReadLog(step);
            TruncateBySetLog(step);
            progress?.Invoke($"resumed from {CheckpointPath} at step {step}");
        }
        else
        {
            if (File.Exists(LogPath)) File.Delete(LogPath);
            if (File.Exists(BySetLogPath)) File.Delete(BySetLogPath);
            if (init is not null)
            {
                SymSeqCheckpoint.CopyInto(model, init.state_dict(), o.InitFrom!);
                progress?.Invoke($"warm start from {o.InitFrom} (fresh optimizer state)");
            }
        }

        var sw = Stopwatch.StartNew();
        long tokens = 0;
        double? lastAcc = accuracy.Count > 0 ? accuracy[^1].Item2 : null;
        var ema = double.NaN;
        var lastReport = TimeSpan.Zero;
        var startStep = step;
        // Batches of an epoch come from a stream seeded by (seed, epoch), so a resumed run sees the same order.
        // Their count is the same every epoch (boundaries depend only on the sorted lengths).
        List<TrainExample[]> EpochBatches(long epoch) => Batcher.Make(train, o.TokensPerBatch, new Random(StableSeed.Combine(o.Seed, epoch)));
        var first = EpochBatches(0);
        var perEpoch = first.Count;
        var startEpoch = step / perEpoch;
        if (startEpoch > 0) first = EpochBatches(startEpoch); // a resumed run continues in its own epoch
        // Built from epoch 0's batches whatever the step, so a run resumed mid-curriculum draws the same batches.
        var curriculum = new LengthCurriculum(step < o.CurriculumSteps && startEpoch > 0 ? EpochBatches(0) : first, o.CurriculumSteps, o.Seed);
        progress?.Invoke($"{train.Count:N0} training examples in {perEpoch:N0} batches of up to {o.TokensPerBatch} tokens " +
                         $"({(double)train.Count / perEpoch:F0} examples each, padding {Batcher.PaddingFraction(first):P1} of tokens); {valid.Count:N0} validation examples");
        while (step < o.MaxSteps && !cancel.IsCancellationRequested)
        {
            var epoch = (int)(step / perEpoch);
            var batches = epoch == startEpoch ? first : EpochBatches(epoch);
            for (var b = (int)(step % perEpoch); b < batches.Count && step < o.MaxSteps && !cancel.IsCancellationRequested; b++)
            {
                model.train();
                adam.LearningRate = LearningRateAt(step + 1);
                var batch = curriculum.Covers(step + 1) ? curriculum.Pick(step + 1) : batches[b];
                var (loss, norm) = Step(model, adam, batch, o.ClipNorm, device, o.LabelSmoothing);
                if (!double.IsFinite(loss) || !double.IsFinite(norm))
                    throw new TrainingDivergedException($"the loss became {loss} (gradient norm {norm}) at step {step + 1}; " +
                        $"nothing was saved after the last checkpoint ({(File.Exists(CheckpointPath) ? CheckpointPath : "none")}); lower --lr or raise --warmup");
                tokens += batch.Sum(e => e.Src.Length + e.Tgt.Length);
                step++;
                ema = double.IsNaN(ema) ? loss : 0.98 * ema + 0.02 * loss;
                history.Add((step, loss));
                var evalNow = step % o.EvalEvery == 0 || step == o.MaxSteps;
                double? verifiedAcc = null;
                if (evalNow && valid.Count > 0)
                {
                    var (pooled, bySet) = valid.Evaluate(model, maxLen: o.MaxLen, beam: o.ValidBeam); // decodes as long as training reads
                    (lastAcc, verifiedAcc) = (pooled.ExactMatch, pooled.Verified);
                    accuracy.Add((step, pooled.ExactMatch));
                    AppendBySetLog(step, bySet);
                    progress?.Invoke($"step {step}: valid exact match {pooled.ExactMatch:P1}, verified {pooled.Verified:P1}" +
                                     (pooled.BeamVerified is { } pb ? $", verified at beam {o.ValidBeam} {pb:P1}" : "") + $" ({valid.Count} examples)" +
                                     (bySet.Count > 1 ? $"; verified by file: {ValidationSets.Describe(bySet)}" : ""));
                }
                AppendLog(step, epoch, loss, norm, tokens / sw.Elapsed.TotalSeconds, evalNow ? lastAcc : null, verifiedAcc);
                if (evalNow) Save(model, adam, step, history, accuracy);
                StepCompleted?.Invoke(step);
                if (progress is not null && (sw.Elapsed - lastReport).TotalSeconds >= 1)
                {
                    lastReport = sw.Elapsed;
                    var rate = (step - startStep) / sw.Elapsed.TotalSeconds;
                    var eta = TimeSpan.FromSeconds((o.MaxSteps - step) / Math.Max(rate, 1e-9));
                    progress($"step {step}/{o.MaxSteps}  loss {ema:F4}  {tokens / sw.Elapsed.TotalSeconds:N0} tok/s  ETA {eta:hh\\:mm\\:ss}" +
                             (lastAcc is { } a ? $"  valid acc {a:P1}" : ""));
                }
            }
        }
        var interrupted = step < o.MaxSteps;
        if (step > startStep) Save(model, adam, step, history, accuracy);
        return new TrainResult(step, history.Count > 0 ? history[^1].Item2 : double.NaN, lastAcc, CheckpointPath, interrupted);
    }

    /// <summary>
    /// One optimizer step on one batch: forward, loss, backward in a dispose scope of its own (so memory stays
    /// flat however long the run), then Adam with clipping. Returns the loss (label-smoothed when
    /// <paramref name="labelSmoothing"/> &gt; 0) and the gradient norm.
    /// </summary>
    public static (double Loss, double GradNorm) Step(Seq2SeqTransformer model, AdamOptimizer adam, TrainExample[] batch, double clipNorm, Device device, double labelSmoothing = 0)
    {
        double loss;
        using (var scope = NewDisposeScope())
        {
            var pad = model.Config.PadIndex;
            var (x, xl) = SourceBatch.Make(batch.Select(e => e.Src).ToList(), pad, device);
            var (y, yl) = SourceBatch.Make(batch.Select(e => e.Tgt).ToList(), pad, device);
            var l = model.Loss(x, xl, y, yl, labelSmoothing);
            l.backward();
            loss = l.item<float>();
        }
        return (loss, adam.Step(clipNorm));
    }

    /// <summary>The rate of step <paramref name="step"/> (1-based): linear warm-up, then constant or cosine decay.</summary>
    public double LearningRateAt(long step)
    {
        if (o.WarmupSteps > 0 && step < o.WarmupSteps) return o.LearningRate * step / o.WarmupSteps;
        if (o.Schedule == LearningRateSchedule.Constant) return o.LearningRate;
        var span = Math.Max(1, o.MaxSteps - o.WarmupSteps);
        var progress = Math.Clamp((double)(step - o.WarmupSteps) / span, 0, 1);
        return o.LearningRate * (0.1 + 0.9 * 0.5 * (1 + Math.Cos(Math.PI * progress)));
    }

    /// <summary>Temporary files of a killed run (atomic writes that never finished); safe to drop under the lock.</summary>
    private void RemoveLeftovers()
    {
        foreach (var f in Directory.EnumerateFiles(o.OutDir, ".*.tmp"))
            try { File.Delete(f); } catch (IOException) { }
    }

    private static Device ParseDevice(string d)
    {
        if (d == "cpu") return CPU;
        if (d.StartsWith("cuda", StringComparison.Ordinal))
            return cuda.is_available() ? new Device(d) : throw new ArgumentException("--device cuda: no CUDA device is available (this build ships the CPU libtorch)");
        throw new ArgumentException($"--device must be cpu or cuda, got '{d}'");
    }

    private void Save(Seq2SeqTransformer model, AdamOptimizer adam, long step, List<(long, double)> history, List<(long, double)> accuracy)
    {
        SymSeqCheckpoint.Save(CheckpointPath, model, step, adam.State(),
            new Dictionary<string, string> { ["trained_on"] = string.Join(",", o.TrainFiles.Select(Path.GetFileName)), ["precision"] = o.Precision.ToString() });
        LossPlot.Write(Path.Combine(o.OutDir, "loss.png"), history, accuracy);
    }

    private void AppendLog(long step, int epoch, double loss, double norm, double tokPerSec, double? acc, double? verified)
    {
        var header = !File.Exists(LogPath);
        using var w = File.AppendText(LogPath);
        if (header) w.WriteLine("step,epoch,loss,grad_norm,tokens_per_s,valid_acc,valid_verified");
        static string F(double? v) => v is { } a ? a.ToString("F4", CultureInfo.InvariantCulture) : "";
        w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step},{epoch},{loss:G6},{norm:G4},{tokPerSec:F0},{F(acc)},{F(verified)}"));
    }

    private void AppendBySetLog(long step, IReadOnlyList<ValidationScore> scores)
    {
        var header = !File.Exists(BySetLogPath);
        using var w = File.AppendText(BySetLogPath);
        if (header) w.WriteLine(BySetHeader);
        foreach (var v in scores)
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step},{v.Name},{v.Examples},{v.ExactMatch:F4},{v.Verified:F4},{v.BeamVerified:F4}"));
    }

    /// <summary>The log up to the checkpoint's step; rows written after it (before a crash) are dropped.</summary>
    private (List<(long, double)>, List<(long, double)>) ReadLog(long upTo)
    {
        var loss = new List<(long, double)>();
        var acc = new List<(long, double)>();
        foreach (var f in KeepRowsUpTo(LogPath, upTo, fields: 6))
        {
            var s = long.Parse(f[0], CultureInfo.InvariantCulture);
            loss.Add((s, double.Parse(f[2], CultureInfo.InvariantCulture)));
            if (f[5].Length > 0) acc.Add((s, double.Parse(f[5], CultureInfo.InvariantCulture)));
        }
        return (loss, acc);
    }

    /// <summary>The per-file log's columns; valid_beam_verified is empty without a validation beam (--valid-beam).</summary>
    private const string BySetHeader = "step,file,examples,valid_acc,valid_verified,valid_beam_verified";

    /// <summary>
    /// Drops per-file rows written after the checkpoint's step, as <see cref="ReadLog"/> does for the step log, and
    /// gives a log of a run started before the beam column that column's header (its old rows keep five fields).
    /// </summary>
    private void TruncateBySetLog(long upTo) => KeepRowsUpTo(BySetLogPath, upTo, fields: 5, header: BySetHeader);

    /// <summary>
    /// Rewrites a CSV log (atomically) with its header and the rows up to <paramref name="upTo"/>: rows written after
    /// the checkpoint (before a crash) and partial rows (fewer than <paramref name="fields"/> fields) are dropped.
    /// With <paramref name="header"/>, the log's header line is written as that (a log of an older layout gets the new columns' names).
    /// Returns the kept rows, split; nothing when there is no log.
    /// </summary>
    private static List<string[]> KeepRowsUpTo(string path, long upTo, int fields, string? header = null)
    {
        var rows = new List<string[]>();
        if (!File.Exists(path)) return rows;
        var kept = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split(',');
            if (f.Length < fields || !long.TryParse(f[0], out var s)) { if (kept.Count == 0) kept.Add(header ?? line); continue; }
            if (s > upTo) continue;
            kept.Add(line);
            rows.Add(f);
        }
        Datasets.AtomicFile.WriteAllLines(path, kept);
        return rows;
    }

    private static string Shape(ModelConfig c) => $"emb {c.EmbDim}, {c.EncoderLayers}+{c.DecoderLayers} layers, {c.Heads} heads";
}
