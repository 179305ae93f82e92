namespace SymSeq;

/// <summary>Where the bundled model is: an explicit path, then $SYMSEQ_MODEL, then models/default.symseq next to the program or above it.</summary>
public static class ModelFiles
{
    /// <summary>The bundled model's path relative to the program (the package copies it there) or the repository.</summary>
    public const string DefaultRelative = "models/default.symseq";

    /// <summary>The model file to load.</summary>
    /// <exception cref="FileNotFoundException">The given file, or any bundled model, does not exist; the message says what to do.</exception>
    public static string Resolve(string? explicitPath = null)
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
            $"no model given and no bundled {DefaultRelative} found; train one (symseq train) and pass its path, or set SYMSEQ_MODEL");
    }
}
