using SymSeq.Model;

namespace SymSeq.Training;

public enum LearningRateSchedule { Constant, Cosine }

/// <summary>Everything a training run needs; a plain record, like nanoGPT's config.</summary>
public sealed record TrainOptions
{
    public required IReadOnlyList<string> TrainFiles { get; init; }
    public IReadOnlyList<string> ValidFiles { get; init; } = [];
    public required string OutDir { get; init; }
    public ModelConfig Model { get; init; } = new();
    public int TokensPerBatch { get; init; } = 4000;
    public double LearningRate { get; init; } = 1e-4;
    /// <summary>Steps of linear learning-rate warm-up from 0 (0: none, the paper's constant rate).</summary>
    public int WarmupSteps { get; init; }
    public double ClipNorm { get; init; } = 5.0;
    public long MaxSteps { get; init; } = 10_000;
    public int EvalEvery { get; init; } = 500;
    public int ValidLimit { get; init; } = 500;
    public int MaxLen { get; init; } = ModelConfig.MaxSequenceTokens;
    public int Seed { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    public Precision Precision { get; init; } = PrecisionExtensions.Default();
    public string Device { get; init; } = "cpu";
    public bool Resume { get; init; }
    /// <summary>Start again over a run folder that already holds a checkpoint (its checkpoint and log are replaced).</summary>
    public bool Restart { get; init; }
    /// <summary>Warm start: weights from this model (SymSeq checkpoint or the paper's .pth), fresh optimizer, step 0.</summary>
    public string? InitFrom { get; init; }
    /// <summary>After warm-up: constant (the paper's) or cosine decay to a tenth of the rate at MaxSteps.</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Constant;
    public long TrainLimit { get; init; } = long.MaxValue;
    /// <summary>How often each training pair is shown per pass, from its line's count (<see cref="Training.CountWeight"/>).</summary>
    public CountWeight CountWeight { get; init; } = CountWeight.One;
    /// <summary>Steps at the start of the run that draw their batches shortest first (<see cref="LengthCurriculum"/>); 0: none.</summary>
    public long CurriculumSteps { get; init; }
    /// <summary>Label smoothing ε of the loss (<see cref="Seq2SeqTransformer.Loss"/>); 0, the paper's, trains on one-hot targets.</summary>
    public double LabelSmoothing { get; init; }
    /// <summary>With K &gt; 0, validation also runs integrate's beam search of width K and reports the verified share (slower; 0: greedy only).</summary>
    public int ValidBeam { get; init; }

    /// <summary>Rejects settings no run can use, before any data or model is loaded.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || LearningRate > 1) throw new ArgumentException($"the learning rate must be in (0, 1], got {LearningRate}");
        if (!(ClipNorm > 0)) throw new ArgumentException($"gradient clipping must be positive, got {ClipNorm}");
        if (TokensPerBatch < 16) throw new ArgumentException($"the token budget of a batch must be at least 16, got {TokensPerBatch}");
        if (ValidBeam < 0 || ValidBeam > 100) throw new ArgumentException($"the validation beam must be between 0 (none) and 100, got {ValidBeam}");
        if (!(LabelSmoothing >= 0 && LabelSmoothing < 1)) throw new ArgumentException($"label smoothing must be in [0, 1), got {LabelSmoothing}");
        if (CurriculumSteps < 0 || CurriculumSteps > MaxSteps) throw new ArgumentException($"the curriculum must last between 0 and --steps ({MaxSteps}) steps, got {CurriculumSteps}");
        if (Resume && InitFrom is not null) throw new ArgumentException("--resume continues a run, --init starts one from a model's weights: give one of them");
        foreach (var f in TrainFiles.Concat(ValidFiles))
            if (!File.Exists(f)) throw SymSeq.Datasets.MissingFile.Error(f, "data file");
        if (InitFrom is not null && !File.Exists(InitFrom)) throw SymSeq.Datasets.MissingFile.Error(InitFrom, "--init: model");
        if (Resume && Restart) throw new ArgumentException("--resume continues a run, --restart starts it again: give one of them");
        var checkpoint = System.IO.Path.Combine(OutDir, "checkpoint.symseq");
        if (Resume && !File.Exists(checkpoint))
            throw new FileNotFoundException($"--resume: there is no checkpoint in {OutDir} (drop --resume to start a new run)");
        // A run folder's checkpoint and log are work: never overwritten without being asked.
        if (!Resume && !Restart && File.Exists(checkpoint))
            throw new ArgumentException($"{OutDir} already holds a run (checkpoint.symseq): give --resume to continue it, --restart to start it again over it, or another --out");
        Model.Validate();
    }
}
