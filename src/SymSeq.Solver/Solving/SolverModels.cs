using SymSeq.Checkpoints;
using SymSeq.Expressions;
using SymSeq.Model;
using SymSeq.Verification;

namespace SymSeq.Solving;

/// <summary>
/// The models a solver asks, by problem kind: one for integrals and one for ODEs, as the paper's released checkpoints
/// are split, or one model for both. A model given as a file is loaded on first use (integrate never loads the ODE
/// model), once, thread-safely; two kinds given the same file share one loaded model. Disposing the set frees what it loaded.
/// </summary>
public sealed class SolverModels : IDisposable
{
    private readonly Lazy<Seq2SeqTransformer>? _integrals, _odes;
    private readonly bool _owned;

    private SolverModels(Lazy<Seq2SeqTransformer>? integrals, Lazy<Seq2SeqTransformer>? odes, bool owned)
    {
        _integrals = integrals;
        _odes = odes;
        _owned = owned;
    }

    /// <summary>No model: a solver with only its rules and the CAS.</summary>
    public static SolverModels None { get; } = new(null, null, owned: false);

    /// <summary>One model (or none) for every kind of problem, owned by the caller: disposing the set leaves it alone.</summary>
    public static SolverModels Single(Seq2SeqTransformer? model)
    {
        var shared = model is null ? null : new Lazy<Seq2SeqTransformer>(model);
        return new SolverModels(shared, shared, owned: false);
    }

    /// <summary>The models in these files (the same file for both kinds loads once), in evaluation mode at <paramref name="precision"/>.</summary>
    public static SolverModels FromFiles(string integralsFile, string odesFile, Precision precision = Precision.Fp32)
    {
        var integrals = Loader(integralsFile, precision);
        var odes = SameFile(integralsFile, odesFile) ? integrals : Loader(odesFile, precision);
        return new SolverModels(integrals, odes, owned: true) { IntegralsFile = integralsFile, OdesFile = odesFile };
    }

    /// <summary>The file each kind's model comes from, for messages; null for models given as objects.</summary>
    public string? IntegralsFile { get; private init; }

    /// <inheritdoc cref="IntegralsFile"/>
    public string? OdesFile { get; private init; }

    /// <summary>The model for integrals (loaded now if it was not), or null when there is none.</summary>
    public Seq2SeqTransformer? Integrals => _integrals?.Value;

    /// <summary>The model for ODEs (loaded now if it was not), or null when there is none.</summary>
    public Seq2SeqTransformer? Odes => _odes?.Value;

    /// <summary>True once the model for <paramref name="kind"/> has been loaded (false for none).</summary>
    public bool IsLoaded(Problems.Kind kind) => (kind == Problems.Kind.Integral ? _integrals : _odes) is { IsValueCreated: true };

    /// <summary>True when some model is there for <paramref name="kind"/> (without loading it).</summary>
    public bool Has(Problems.Kind kind) => (kind == Problems.Kind.Integral ? _integrals : _odes) is not null;

    /// <summary>The model for this kind of problem, or null.</summary>
    public Seq2SeqTransformer? For(Problems.Kind kind) => kind == Problems.Kind.Integral ? Integrals : Odes;

    /// <summary>The model for this problem (an integration problem or an ODE), or null.</summary>
    public Seq2SeqTransformer? For(Expr problem) => For(Problems.KindOf(problem));

    /// <summary>The model in <paramref name="file"/> (a SymSeq checkpoint or a paper .pth), in evaluation mode at <paramref name="precision"/>.</summary>
    public static Seq2SeqTransformer Load(string file, Precision precision = Precision.Fp32)
    {
        // no count chosen by anyone: one thread, what every front end sets (libtorch's default of one per core spins
        // against any other busy process: a beam 200 times slower beside a training)
        if (SymSeq.Search.InferenceThreads.Current is null) SymSeq.Search.InferenceThreads.UseOne();
        SymSeq.Search.InferenceThreads.ApplyPending();
        var model = SymSeqCheckpoint.LoadAny(file);
        model.Precision = precision;
        model.eval();
        return model;
    }

    private static Lazy<Seq2SeqTransformer> Loader(string file, Precision precision) =>
        new(() => Load(file, precision), LazyThreadSafetyMode.ExecutionAndPublication);

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    public void Dispose()
    {
        if (!_owned) return;
        if (_integrals is { IsValueCreated: true }) _integrals.Value.Dispose();
        if (_odes is { IsValueCreated: true } && !ReferenceEquals(_odes, _integrals)) _odes.Value.Dispose();
    }
}
