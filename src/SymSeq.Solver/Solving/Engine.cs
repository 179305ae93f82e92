namespace SymSeq.Solving;

/// <summary>Where a verified answer came from (its provenance). The CAS members are named as <see cref="Cas.ComputerAlgebraSystem.Known"/> names them.</summary>
public enum Engine
{
    /// <summary>Basic rules alone: powers of x and the table of elementary integrals, term by term, or a linear ODE (characteristic roots, or an integrating factor at order 1); no model.</summary>
    Rules,
    /// <summary>A beam candidate of the model for the problem as given.</summary>
    Model,
    /// <summary>The problem split by linearity; each term solved by the model or a basic rule, recombined.</summary>
    Decomposition,
    /// <summary>A model candidate fixed by <see cref="CandidateRepair"/> (a constant factor, a polynomial part).</summary>
    Repair,
    Maxima,
    Sympy,
    Giac,
}

public static class EngineNames
{
    public static string Describe(this Engine e) => e switch
    {
        Engine.Rules => "basic rules",
        Engine.Model => "model",
        Engine.Decomposition => "model after decomposition",
        Engine.Repair => "repaired candidate",
        Engine.Maxima => "maxima",
        Engine.Sympy => "sympy",
        Engine.Giac => "giac",
        _ => e.ToString(),
    };
}

/// <summary>
/// One engine's try at a problem, for --verbose and logs: what it did, how it ended, how long it took.
/// <paramref name="Tried"/> is false for an engine that was passed over (no model loaded, no time left): --verbose
/// shows why, and it is not counted among the engines tried.
/// </summary>
public sealed record EngineAttempt(string Engine, string Outcome, TimeSpan Elapsed, bool Tried = true);
