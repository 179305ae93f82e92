using System.Diagnostics;
using SymSeq.Checkpoints;
using SymSeq.Evaluation;
using SymSeq.Search;
using SymSeq.Verification;

namespace SymSeq.Bench;

/// <summary>
/// `bench -- beam`: the model's beam search (beam 10, grammar, verification excluded) on the first --pairs problems of
/// the shipped FWD test set with the bundled integration model, in batches of 16 as <c>evaluate</c> runs them and one
/// problem at a time as <c>integrate</c> does. FWD answers are the longest of the test sets, so a batch's time is set
/// by its longest hypothesis; the figure to watch is the slowest batch.
/// </summary>
public static class BeamBench
{
    private const int Batch = 16;

    public static void Run(int problems, int threads)
    {
        var test = Find("models/test/fwd.test");
        var modelPath = ModelFiles.Resolve(null, Problems.Kind.Integral);
        using var model = SymSeqCheckpoint.LoadAny(modelPath);
        InferenceThreads.Set(threads);
        var set = TestSet.Load(test, problems);
        var sources = set.Problems.Select(p => Solver.Source(p, model.Config)).ToList();
        Console.WriteLine($"beam search: {Path.GetFileName(modelPath)}, beam 10, grammar, {sources.Count} FWD problems, {threads} libtorch thread(s)");
        BeamSearch.Search(model, sources.Take(2).ToList(), 10, grammar: PrefixGrammar.Paper); // warm-up

        var batchTimes = new List<double>();
        var longest = new List<int>();
        var total = Stopwatch.StartNew();
        for (var at = 0; at < sources.Count; at += Batch)
        {
            var sw = Stopwatch.StartNew();
            var hyps = BeamSearch.Search(model, sources.Skip(at).Take(Batch).ToList(), 10, grammar: PrefixGrammar.Paper);
            batchTimes.Add(sw.Elapsed.TotalSeconds);
            longest.Add(hyps.SelectMany(h => h).Select(h => h.Ids.Length).DefaultIfEmpty(0).Max());
        }
        var batched = total.Elapsed.TotalSeconds;
        var slowest = batchTimes.IndexOf(batchTimes.Max());
        Console.WriteLine($"  batches of {Batch}: {batched:F1} s in all, {batched / sources.Count:F2} s per problem; batch median " +
                          $"{LatencyBench.Median(batchTimes):F1} s, slowest {batchTimes[slowest]:F1} s (problems {slowest * Batch}–" +
                          $"{Math.Min(sources.Count, (slowest + 1) * Batch) - 1}, longest hypothesis {longest[slowest]} tokens)");

        var single = new List<double>();
        total.Restart();
        foreach (var source in sources)
        {
            var sw = Stopwatch.StartNew();
            BeamSearch.Search(model, [source], 10, grammar: PrefixGrammar.Paper);
            single.Add(sw.Elapsed.TotalSeconds);
        }
        var alone = total.Elapsed.TotalSeconds;
        Console.WriteLine($"  one at a time: {alone:F1} s in all, {alone / sources.Count:F2} s per problem (median {LatencyBench.Median(single):F2} s, " +
                          $"max {single.Max():F1} s); batching is {alone / batched:F2}x");
    }

    /// <summary>A repository file, looked for from the working folder upwards.</summary>
    private static string Find(string relative)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, relative))) return Path.Combine(dir.FullName, relative);
        throw new FileNotFoundException($"{relative} not found above {Directory.GetCurrentDirectory()}; run the bench from the repository");
    }
}
