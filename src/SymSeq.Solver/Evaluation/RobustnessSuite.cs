using SymSeq.Expressions;
using SymSeq.Model;
using SymSeq.Search;
using SymSeq.Solving;
using SymSeq.Verification;

namespace SymSeq.Evaluation;

/// <summary>One variant's outcome: the model alone at the first beam, and the hybrid solver.</summary>
public sealed record VariantOutcome(string Task, int Index, string Kind, string Integrand, bool ModelSolved, bool HybridSolved, string? HybridEngine, double HybridSeconds);

/// <summary>
/// Welleck et al.'s robustness test, generated from the shipped test sets: take the integrals the model solves
/// alone (beam <see cref="HybridOptions.Beam"/>), perturb each (<see cref="BrittlenessVariants"/>), and count how
/// many variants the model alone and the hybrid solver still solve.
/// </summary>
public sealed class RobustnessSuite(Seq2SeqTransformer model, HybridOptions options, int seed = 0)
{
    public List<VariantOutcome> Run(IReadOnlyList<TestSet> sets, CancellationToken cancel, Action<string>? progress = null)
    {
        var outcomes = new List<VariantOutcome>();
        using var hybrid = new HybridSolver(model, options);
        foreach (var set in sets)
        {
            var integrals = set.Problems.Select((p, i) => (p, i)).Where(t => Problems.KindOf(t.p) == Problems.Kind.Integral).ToList();
            var solved = new List<(int Index, Expr Integrand)>();
            for (var b = 0; b < integrals.Count && !cancel.IsCancellationRequested; b += 16)
            {
                var batch = integrals.Skip(b).Take(16).ToList();
                var results = Solver.SolveBatch(model, batch.Select(t => t.p).ToList(), options.Beam, options.MaxAnswerTokens, cancel);
                for (var j = 0; j < batch.Count; j++)
                    if (results[j].Verified is not null && Problems.TryIntegrand(batch[j].p, out var f)) solved.Add((batch[j].i, f));
                progress?.Invoke($"{set.Task}: {Math.Min(b + 16, integrals.Count)}/{integrals.Count} checked, {solved.Count} solved by the model");
            }
            var rng = new Random(HashCode.Combine(seed, set.Task.Length, set.Problems.Count));
            var variants = solved.SelectMany((s, n) =>
                BrittlenessVariants.Of(s.Integrand, solved.Count > 1 ? solved[(n + 1) % solved.Count].Integrand : null, rng)
                    .Select(v => (s.Index, v))).ToList();
            for (var b = 0; b < variants.Count && !cancel.IsCancellationRequested; b += 16)
            {
                var batch = variants.Skip(b).Take(16).ToList();
                // As a user would type them: f + g stays a sum of f and g (the model's input is canonicalized anyway).
                var problems = batch.Select(t => Problems.ForIntegrand(t.v.Integrand)).ToList();
                var modelOnly = Solver.SolveBatch(model, problems, options.Beam, options.MaxAnswerTokens, cancel);
                for (var j = 0; j < batch.Count; j++)
                {
                    var o = hybrid.Solve(problems[j], cancel);
                    outcomes.Add(new VariantOutcome(set.Task, batch[j].Index, batch[j].v.Kind, InfixPrinter.Readable.Print(batch[j].v.Integrand),
                        modelOnly[j].Verified is not null, o.Solved, o.Engine?.Describe(), o.Elapsed.TotalSeconds));
                }
                progress?.Invoke($"{set.Task} variants: {Math.Min(b + 16, variants.Count)}/{variants.Count}");
            }
        }
        return outcomes;
    }

    /// <summary>Per variant kind (and in total): variants, solved by the model alone, solved by the hybrid.</summary>
    public static IReadOnlyList<(string Kind, int Total, int Model, int Hybrid)> Table(IReadOnlyList<VariantOutcome> outcomes) =>
        [.. BrittlenessVariants.Kinds.Select(k => outcomes.Where(o => o.Kind == k).ToList())
            .Where(g => g.Count > 0)
            .Select(g => (g[0].Kind, g.Count, g.Count(o => o.ModelSolved), g.Count(o => o.HybridSolved))),
         ("all", outcomes.Count, outcomes.Count(o => o.ModelSolved), outcomes.Count(o => o.HybridSolved))];
}
