using SymSeq.Datasets;

namespace SymSeq;

/// <summary>The files one generation run wrote.</summary>
/// <param name="PrefixPath">TASK.prefix: the paper's format, "count|input\toutput" per line, duplicates merged.</param>
/// <param name="InfixPath">TASK.infix: the same pairs, readable.</param>
/// <param name="Examples">Examples generated in this run (before merging duplicates).</param>
public sealed record GeneratedDataset(string PrefixPath, string InfixPath, long Examples);

/// <summary>Generates training data as <c>symseq generate</c> does: same seed, same files; resumable; locked folders.</summary>
public static class DatasetBuilder
{
    /// <summary>The task names: bwd, bwds, fwd (needs a CAS), ibp, ode1, ode2, deriv.</summary>
    public static IReadOnlyList<string> Tasks => Generation.ProblemGenerators.Tasks;

    /// <summary>Generates <see cref="GenerateOptions.Count"/> examples of a task into <see cref="GenerateOptions.OutDir"/>.</summary>
    /// <returns>The files, or null when <paramref name="cancel"/> stopped the run (finished chunks are kept; call again to resume).</returns>
    /// <exception cref="ArgumentException">An unknown task or bad option.</exception>
    /// <exception cref="IOException">Another run holds the folder, or it holds chunks made with other settings.</exception>
    public static GeneratedDataset? Generate(GenerateOptions options, CancellationToken cancel = default, Action<string>? progress = null)
    {
        var gen = new DatasetGenerator(options);
        return gen.Run(cancel, progress) ? new GeneratedDataset(gen.PrefixPath, gen.InfixPath, gen.Stats.Examples) : null;
    }
}
