using SymSeq.Generation;
using SymSeq.Verification;

namespace SymSeq.Bench;

/// <summary>
/// `bench -- audit --pairs N`: the verifier's soundness and completeness at the paper's settings (full operator
/// list, max-ops 15), per task, on both cores: right answers verified / rejected / uncheckable, and mutants
/// (2F, F + x, 0, a number changed, a sub-expression swapped) accepted, which must be 0.
/// "short" is FWD-style: integrands of random trees of at most 5 operators.
/// </summary>
public static class VerifierAudit
{
    public static void Run(int pairs, int seed)
    {
        var paper = ExpressionOptions.Default with { MaxOps = 15 };
        var tasks = new (string Name, string Task, ExpressionOptions Options)[]
        {
            ("bwd", "bwd", paper), ("short", "bwd", paper with { MaxOps = 5 }), ("ibp", "ibp", paper), ("ode1", "ode1", paper), ("ode2", "ode2", paper),
        };
        Console.WriteLine($"{"task",-7}{"pairs",7}{"verified",10}{"rejected",10}{"uncheck.",10}{"false rej.",12}{"mutants",9}{"accepted",10}{"mut. uncheck.",15}");
        foreach (var (name, task, options) in tasks)
        {
            var parts = Enumerable.Range(0, Environment.ProcessorCount).AsParallel()
                .Select(k => MutationAudit.Run(task, pairs / Environment.ProcessorCount, seed * 1000 + k, options)).ToList();
            int Sum(Func<AuditCounts, int> f) => parts.Sum(f);
            var n = Sum(c => c.Pairs);
            var bad = Sum(c => c.Rejected) + Sum(c => c.Uncheckable);
            Console.WriteLine($"{name,-7}{n,7}{Sum(c => c.Verified),10}{Sum(c => c.Rejected),10}{Sum(c => c.Uncheckable),10}{100.0 * bad / Math.Max(1, n),11:F3}%" +
                              $"{Sum(c => c.Mutants),9}{Sum(c => c.FalseAcceptances.Count),10}{Sum(c => c.MutantsUncheckable),15}");
            foreach (var f in parts.SelectMany(c => c.FalseAcceptances).Take(5)) Console.WriteLine($"    FALSE ACCEPTANCE {f}");
            foreach (var f in parts.SelectMany(c => c.FalseRejections).Take(3)) Console.WriteLine($"    not verified: {f}");
        }
    }
}
