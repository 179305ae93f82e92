using SymSeq.Checkpoints;
using SymSeq.Model;

namespace SymSeq.Cli;

/// <summary>Finds and loads the model to use: --model, then $SYMSEQ_MODEL, then the bundled models/default.symseq (<see cref="ModelFiles"/>).</summary>
public static class ModelLocator
{
    public static string Resolve(string? explicitPath) => ModelFiles.Resolve(explicitPath);

    public static Seq2SeqTransformer Load(string? explicitPath, string? precision)
    {
        if (precision is not null) PrecisionExtensions.Parse(precision); // a bad option fails before the load
        var model = SymSeqCheckpoint.LoadAny(Resolve(explicitPath));
        model.Precision = precision is null ? Precision.Fp32 : PrecisionExtensions.Parse(precision);
        model.eval();
        return model;
    }
}
