using SymSeq.Model;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq;

/// <summary>
/// Where the models are: an explicit path (one model for every problem), then $SYMSEQ_MODEL, then the bundled ones
/// next to the program or above it: models/integration.symseq for integrals when it is there, and models/default.symseq
/// for ODEs and for integrals without an integration model.
/// </summary>
public static class ModelFiles
{
    /// <summary>The bundled model's path relative to the program (the package copies it there) or the repository: every task.</summary>
    public const string DefaultRelative = "models/default.symseq";

    /// <summary>The bundled integration model (BWD, FWD, IBP), which integrals use in place of the default model when it is there.</summary>
    public const string IntegrationRelative = "models/integration.symseq";

    /// <summary>The model file to load for any problem: <see cref="Resolve(string?, Problems.Kind)"/> for ODEs.</summary>
    /// <exception cref="FileNotFoundException">The given file, or any bundled model, does not exist; the message says what to do.</exception>
    public static string Resolve(string? explicitPath = null) => Resolve(explicitPath, Problems.Kind.Ode);

    /// <summary>The model file to load for this kind of problem.</summary>
    /// <exception cref="FileNotFoundException">The given file, or any bundled model, does not exist; the message says what to do.</exception>
    public static string Resolve(string? explicitPath, Problems.Kind kind)
    {
        if (explicitPath is not null)
            return File.Exists(explicitPath) ? explicitPath : throw SymSeq.Datasets.MissingFile.Error(explicitPath, "model");
        if (Environment.GetEnvironmentVariable("SYMSEQ_MODEL") is { Length: > 0 } env)
            return File.Exists(env) ? env : throw new FileNotFoundException($"SYMSEQ_MODEL points to '{env}', which does not exist", env);
        return Bundled(kind, AppContext.BaseDirectory) ?? throw new FileNotFoundException(
            $"no model given and no bundled {DefaultRelative} found; train one (symseq train) and pass its path, or set SYMSEQ_MODEL");
    }

    /// <summary>The bundled model for this kind in <paramref name="start"/> or the nearest folder above it that has one, or null.</summary>
    internal static string? Bundled(Problems.Kind kind, string start)
    {
        var wanted = kind == Problems.Kind.Integral ? new[] { IntegrationRelative, DefaultRelative } : [DefaultRelative];
        // the nearest folder with a bundle wins, so both kinds' models come from one bundle
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            foreach (var relative in wanted)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    /// <summary>Both kinds' models, each loaded on first use; an explicit path (or $SYMSEQ_MODEL) serves both.</summary>
    /// <exception cref="FileNotFoundException">As <see cref="Resolve(string?, Problems.Kind)"/>, before anything loads.</exception>
    public static SolverModels Open(string? explicitPath = null, Precision precision = Precision.Fp32) =>
        SolverModels.FromFiles(Resolve(explicitPath, Problems.Kind.Integral), Resolve(explicitPath, Problems.Kind.Ode), precision);
}
