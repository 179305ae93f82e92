using SymSeq.Model;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq.Cli;

/// <summary>
/// Finds and loads the models to use: --model (one model for every problem), then $SYMSEQ_MODEL, then the bundled
/// models/integration.symseq for integrals (when it is there) and models/default.symseq (<see cref="ModelFiles"/>).
/// </summary>
public static class ModelLocator
{
    public static string Resolve(string? explicitPath, Problems.Kind kind) => ModelFiles.Resolve(explicitPath, kind);

    /// <summary>The model for one kind of problem, loaded now.</summary>
    public static Seq2SeqTransformer Load(string? explicitPath, string? precision, Problems.Kind kind)
    {
        var p = ParsePrecision(precision); // a bad option fails before the load
        return SolverModels.Load(Resolve(explicitPath, kind), p);
    }

    /// <summary>
    /// One file's model for every kind, loaded when first asked for (a problem the rules answer never loads libtorch);
    /// a bad precision or a damaged file is reported now, before any work.
    /// </summary>
    public static SolverModels OpenOne(string file, string? precision)
    {
        var p = ParsePrecision(precision);
        SymSeq.Checkpoints.SymSeqCheckpoint.CheckAny(file);
        return SolverModels.FromFiles(file, file, p);
    }

    /// <summary>Both kinds' models, each loaded when first asked for; missing files are reported now.</summary>
    public static SolverModels Open(string? explicitPath, string? precision) => ModelFiles.Open(explicitPath, ParsePrecision(precision));

    private static Precision ParsePrecision(string? precision) => precision is null ? Precision.Fp32 : PrecisionExtensions.Parse(precision);
}
