using SymSeq.Expressions;
using SymSeq.Generation;

namespace SymSeq.Datasets;

/// <summary>Settings of one `symseq generate` run.</summary>
public sealed record GenerateOptions(string Task, long Count, string OutDir)
{
    public int Seed { get; init; }
    public int Shard { get; init; }
    public int Shards { get; init; } = 1;
    public int Threads { get; init; } = Environment.ProcessorCount;
    public int ChunkSize { get; init; } = 200;
    public ExpressionOptions Expressions { get; init; } = ExpressionOptions.Default;
    public TimeSpan StepBudget { get; init; } = TimeSpan.FromMilliseconds(500);
    /// <summary>FWD only: the CAS (maxima or sympy) and its time per integral.</summary>
    public string Cas { get; init; } = "maxima";
    public TimeSpan CasBudget { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>Delete chunks left by a run with other settings instead of refusing to mix them.</summary>
    public bool Restart { get; init; }

    /// <summary>
    /// Every form the model reads of each problem, one line each (<see cref="SymSeq.Verification.Problems.ModelInputs"/>:
    /// an integrand as canonical and multiplied out), rather than the canonical form alone: a model trained on both
    /// reads a problem however it was written.
    /// </summary>
    public bool AllForms { get; init; }

    /// <summary>
    /// Everything that decides which examples a chunk holds (not the count, which only decides how many chunks
    /// there are, nor the thread count): chunks made under another fingerprint must never be mixed in.
    /// </summary>
    public string Fingerprint() => string.Join("; ", FingerprintParts());

    private IEnumerable<string> FingerprintParts() => new[] {
        $"task {Task}", $"seed {Seed}", $"shards {Shards}", $"chunk size {ChunkSize}", $"max-ops {Expressions.MaxOps}",
        $"max-int {Expressions.MaxInt}", $"max-len {Expressions.MaxLen}", $"positive {Expressions.Positive}",
        $"leaf-probs {string.Join(",", Expressions.LeafProbs.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)))}",
        $"operators {string.Join(",", Expressions.Operators.Select(o => $"{o.Op.Token()}:{o.Weight.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))}",
        $"variables {string.Join(",", Expressions.Variables)}", $"coefficients {string.Join(",", Expressions.Coefficients)}",
        Task == "fwd" ? $"cas {Cas}" : "", AllForms ? "forms model" : "" }.Select(p => p.Trim()).Where(p => p.Length > 0);
}

/// <summary>
/// Generates a dataset in the paper's format, in parallel, deterministically and resumably.
/// The run is cut into chunks of <see cref="GenerateOptions.ChunkSize"/> examples; chunk c draws from a random
/// stream seeded by (seed, task, c), so the output does not depend on the thread count. Shard k of S takes the
/// chunks with c mod S = k: the shards of a job array are disjoint and together are exactly the unsharded run.
/// Each finished chunk is written atomically under DIR/.chunks; a rerun skips them, so an interrupted run resumes.
/// The chunks' folder is locked while a run uses it and records the settings its chunks were made with; chunks of
/// other settings are never mixed in. When all chunks exist, DIR/TASK.prefix ("count|input TAB output", duplicates
/// merged with their counts) and the parallel DIR/TASK.infix are written atomically, and the chunks are deleted.
/// </summary>
public sealed class DatasetGenerator(GenerateOptions options)
{
    public GenerationStats Stats { get; } = new();

    /// <summary>Raised on the worker thread after chunk c is safely on disk.</summary>
    public event Action<long>? ChunkCompleted;

    public string ChunkDir => Path.Combine(options.OutDir, ".chunks", ShardName);
    private string ShardName => options.Shards == 1 ? options.Task : $"{options.Task}.shard{options.Shard}of{options.Shards}";
    public string PrefixPath => Path.Combine(options.OutDir, ShardName + ".prefix");
    public string InfixPath => Path.Combine(options.OutDir, ShardName + ".infix");

    public long ChunkCount => (options.Count + options.ChunkSize - 1) / options.ChunkSize;

    public IEnumerable<long> MyChunks()
    {
        for (var c = (long)options.Shard; c < ChunkCount; c += options.Shards) yield return c;
    }

    private long ChunkLength(long c) => Math.Min(options.ChunkSize, options.Count - c * options.ChunkSize);

    private string ChunkPath(long c) => Path.Combine(ChunkDir, $"{c:D8}.tsv");

    /// <summary>Runs to completion or cancellation; returns true when the final files were written.</summary>
    public bool Run(CancellationToken cancel, Action<string>? progress = null)
    {
        Validate();
        Directory.CreateDirectory(ChunkDir);
        using var folderLock = FolderLock.Acquire(ChunkDir, $"symseq generate --task {options.Task}");
        if (CheckSettings(progress)) return true;
        var context = new GeneratorContext(options.Expressions, options.StepBudget) { Cas = options.Cas, CasBudget = options.CasBudget };
        // Fail on a bad task, or a CAS that is not there, before any work.
        using (var probe = ProblemGenerators.Create(options.Task, context) as IDisposable)
            (probe as ForwardGenerator)?.EnsureAvailable();
        var todo = MyChunks().Where(c => !File.Exists(ChunkPath(c))).ToArray();
        var total = MyChunks().Sum(ChunkLength);
        long done = total - todo.Sum(ChunkLength);

        using var timer = progress is null ? null : new Timer(_ => progress(Stats.ProgressLine(options.Task, Interlocked.Read(ref done), total)), null, 500, 1000);
        try
        {
            Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancel }, (c, state) =>
            {
                // A generator per chunk: IBP's cache of known integrals would otherwise make the output
                // depend on which thread finished first.
                var generator = ProblemGenerators.Create(options.Task, context);
                List<string>? lines;
                try { lines = GenerateChunk(generator, c, cancel); }
                finally { (generator as IDisposable)?.Dispose(); }
                if (lines is null) { state.Stop(); return; }
                AtomicFile.WriteAllLines(ChunkPath(c), lines);
                Interlocked.Add(ref done, ChunkLength(c));   // examples, not lines: --forms model writes several lines per example
                ChunkCompleted?.Invoke(c);
            });
        }
        catch (OperationCanceledException) { }
        if (cancel.IsCancellationRequested) return false;
        progress?.Invoke(Stats.ProgressLine(options.Task, done, total));
        Assemble();
        // The chunks have served their purpose (resuming); the merged files hold everything. A marker keeps a
        // rerun of the same command from doing the work again.
        foreach (var c in MyChunks()) File.Delete(ChunkPath(c));
        AtomicFile.WriteAllLines(CompletePath, [options.Fingerprint(), $"count {options.Count}"]);
        return true;
    }

    private string SettingsPath => Path.Combine(ChunkDir, "settings.txt");
    private string CompletePath => Path.Combine(ChunkDir, "complete.txt");

    /// <summary>
    /// Records the settings with the chunks, or checks them against the recorded ones: chunks of another seed,
    /// operator set or size limit are refused (or, with Restart, deleted). True when this exact run already
    /// finished and its files are in place.
    /// </summary>
    private bool CheckSettings(Action<string>? progress)
    {
        var fingerprint = options.Fingerprint();
        var recorded = File.Exists(SettingsPath) ? File.ReadAllText(SettingsPath).Trim() : fingerprint;
        if (recorded != fingerprint)
        {
            var was = recorded.Split("; ");
            var now = fingerprint.Split("; ");
            var differences = now.Where(p => !was.Contains(p)).Select(p => $"{p} (was {was.FirstOrDefault(w => w.Split(' ')[0] == p.Split(' ')[0]) ?? "absent"})");
            if (!options.Restart)
                throw new InvalidOperationException($"{ChunkDir} holds chunks made with other settings: {string.Join(", ", differences)}; " +
                    "use another --out, or --restart to delete them and start over");
            foreach (var f in Directory.EnumerateFiles(ChunkDir).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal) && !f.EndsWith(".lock.owner", StringComparison.Ordinal)))
                File.Delete(f);
        }
        foreach (var tmp in Directory.EnumerateFiles(ChunkDir, ".*.tmp")) File.Delete(tmp); // a killed run's half-written chunks
        AtomicFile.WriteAllLines(SettingsPath, [fingerprint]);
        if (File.Exists(CompletePath) && File.Exists(PrefixPath) && File.Exists(InfixPath)
            && File.ReadAllLines(CompletePath).SequenceEqual([fingerprint, $"count {options.Count}"]))
        {
            progress?.Invoke($"{options.Task}: already complete in {PrefixPath} (same settings and count); nothing to do");
            return true;
        }
        if (File.Exists(CompletePath)) File.Delete(CompletePath);
        return false;
    }

    private void Validate()
    {
        if (options.Count <= 0) throw new ArgumentException($"--count must be positive, got {options.Count}");
        if (options.Shards < 1 || options.Shard < 0 || options.Shard >= options.Shards)
            throw new ArgumentException($"--shard must be in [0, {options.Shards - 1}], got {options.Shard}");
        if (options.ChunkSize < 1) throw new ArgumentException("chunk size must be positive");
    }

    /// <summary>Draws after which a run that has made no example at all stops with the reasons (the rarest task keeps about 1 draw in 100).</summary>
    public const int BarrenDraws = 5000;

    /// <summary>Or, for slow draws (a CAS that times out on each), this long with no example after 200 draws.</summary>
    public static readonly TimeSpan BarrenTime = TimeSpan.FromMinutes(1);

    /// <summary>The lines of chunk c ("input TAB output" in prefix), or null when cancelled.</summary>
    private List<string>? GenerateChunk(IProblemGenerator generator, long c, CancellationToken cancel)
    {
        var rng = new Random(StableSeed.Combine(options.Seed, StableSeed.Of(options.Task), c));
        var n = ChunkLength(c);
        var lines = new List<string>((int)n);
        for (var made = 0; made < n;)
        {
            if (cancel.IsCancellationRequested) return null;
            var ex = generator.TryGenerate(rng, out var why);
            if (ex is null)
            {
                Stats.Rejected(why ?? Rejection.Failed);
                if (Stats.Examples == 0 && (Stats.Draws >= BarrenDraws || Stats.Draws >= 200 && Stats.Elapsed > BarrenTime))
                    throw new InvalidOperationException($"{options.Task}: none of the first {Stats.Draws:N0} draws made an example in {Stats.Elapsed.TotalSeconds:F0} s (rejected: {Stats.TopReasons()}); " +
                        "these settings cannot produce data: check --operators, --leaf-probs, --max-ops, --max-len and the CAS and its --cas-timeout-ms");
                continue;
            }
            Stats.Accepted();
            made++;
            var answer = string.Join(' ', ex.OutputTokens);
            lines.Add(string.Join(' ', ex.InputTokens) + "\t" + answer);
            if (options.AllForms)
                foreach (var form in DatasetForms.Others(ex.Input, options.StepBudget))
                    lines.Add(form + "\t" + answer);
        }
        return lines;
    }

    /// <summary>Merges the chunk files into the deduplicated prefix file and its infix twin.</summary>
    public void Assemble()
    {
        var lines = new LineCounts();
        foreach (var c in MyChunks())
            foreach (var line in File.ReadLines(ChunkPath(c))) lines.Add(line);
        // One set, written together: a full disk or a kill leaves the old files (or none), never an .infix without its .prefix.
        var files = new List<(string, Action<Stream>)> { (InfixPath, AtomicFile.Lines(lines.Distinct.Select(ToInfix))) };
        if (options.Shards > 1)
        {
            // What `symseq merge` needs to rebuild the unsharded files exactly: the settings, and the chunk where
            // each line first occurred (the unsharded file lists lines in order of first occurrence).
            var first = new Dictionary<string, long>();
            foreach (var c in MyChunks())
                foreach (var line in File.ReadLines(ChunkPath(c))) first.TryAdd(line, c);
            files.Add((OrderPath, AtomicFile.Lines(lines.Distinct.Select(l => first[l].ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Prepend($"# {options.Fingerprint()}; count {options.Count}"))));
        }
        files.Add((PrefixPath, AtomicFile.Lines(lines.Counted))); // renamed last: its presence means the shard is whole
        AtomicFile.WriteAll(files);
    }

    /// <summary>A shard's sidecar for `symseq merge` (<see cref="ShardMerger"/>).</summary>
    public string OrderPath => Path.Combine(options.OutDir, ShardName + ".order");

    private static string ToInfix(string line)
    {
        var tab = line.IndexOf('\t');
        var input = ExprParts.FlattenAssociative(PrefixCodec.Decode(line[..tab]));
        var output = ExprParts.FlattenAssociative(PrefixCodec.Decode(line[(tab + 1)..]));
        return InfixPrinter.Sympy.Print(input) + "\t" + InfixPrinter.Sympy.Print(output);
    }
}
