using SymSeq.Checkpoints;
using SymSeq.Model;

namespace SymSeq.Cli;

/// <summary>Finds the model to use: --model, then $SYMSEQ_MODEL, then models/default.symseq of the repository.</summary>
public static class ModelLocator
{
    public const string DefaultRelative = "models/default.symseq";

    public static string Resolve(string? explicitPath)
    {
        if (explicitPath is not null)
            return File.Exists(explicitPath) ? explicitPath : throw new FileNotFoundException($"model '{explicitPath}' does not exist", explicitPath);
        if (Environment.GetEnvironmentVariable("SYMSEQ_MODEL") is { Length: > 0 } env)
            return File.Exists(env) ? env : throw new FileNotFoundException($"SYMSEQ_MODEL points to '{env}', which does not exist", env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, DefaultRelative);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException(
            $"no model given and no bundled {DefaultRelative} found; train one (symseq train) and pass --model PATH, or set SYMSEQ_MODEL");
    }

    public static Seq2SeqTransformer Load(string? explicitPath, string? precision)
    {
        if (precision is not null) PrecisionExtensions.Parse(precision); // a bad option fails before the load
        var model = SymSeqCheckpoint.LoadAny(Resolve(explicitPath));
        model.Precision = precision is null ? Precision.Fp32 : PrecisionExtensions.Parse(precision);
        model.eval();
        return model;
    }
}
