using SymSeq.Model;
using SymSeq.Search;

namespace SymSeq.Solving;

/// <summary>How <see cref="HybridSolver"/> searches. The defaults are the command line's.</summary>
public sealed record HybridOptions
{
    /// <summary>Beam of the first model pass.</summary>
    public int Beam { get; init; } = 10;

    /// <summary>Beam of the second pass, run when nothing verified and time is left; 0 or ≤ Beam turns it off.</summary>
    public int WideBeam { get; init; } = 50;

    /// <summary>Budget of one problem across all engines; the CAS gets what the model leaves.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>auto (every CAS installed here, in the order of <see cref="Cas.ComputerAlgebraSystem.Known"/>), maxima, giac, sympy or none.</summary>
    public string Cas { get; init; } = "auto";

    public bool Decompose { get; init; } = true;

    /// <summary>
    /// The basic rules, everywhere the solver reaches them: before the model (the table of integrals term by term, the
    /// ODE methods of <see cref="OdeRules"/>), for the terms of a decomposition, for what completion leaves and for the
    /// part a repair adds. False (--no-rules): the model, its plain fixes and the CAS only.
    /// </summary>
    public bool Rules { get; init; } = true;
    public bool Repair { get; init; } = true;

    /// <summary>How each model pass searches (the grammar, early stopping).</summary>
    public SearchSettings Search { get; init; } = SearchSettings.Default;

    /// <summary>Longest sequence the model may write, in tokens with its end markers (the length training allows).</summary>
    public int MaxAnswerTokens { get; init; } = ModelConfig.MaxSequenceTokens;

    public static readonly string[] CasChoices = ["auto", "maxima", "giac", "sympy", "none"];

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public HybridOptions Validated()
    {
        if (Beam < 1) throw new ArgumentException($"beam must be at least 1, got {Beam}");
        if (WideBeam < 0) throw new ArgumentException($"the wide beam must be 0 (off) or more, got {WideBeam}");
        if (TimeLimit <= TimeSpan.Zero) throw new ArgumentException($"the time limit must be positive, got {TimeLimit.TotalSeconds} s");
        if (!CasChoices.Contains(Cas)) throw new ArgumentException($"unknown CAS choice '{Cas}': expected {string.Join(", ", CasChoices)}");
        return this;
    }
}
