using SymSeq.Model;

namespace SymSeq.Training;

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
    public int MaxLen { get; init; } = 512;
    public int Seed { get; init; }
    public int Threads { get; init; } = Environment.ProcessorCount;
    public Precision Precision { get; init; } = PrecisionExtensions.Default();
    public string Device { get; init; } = "cpu";
    public bool Resume { get; init; }
    public long TrainLimit { get; init; } = long.MaxValue;
}
