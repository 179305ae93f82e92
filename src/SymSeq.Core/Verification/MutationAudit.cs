using System.Collections.Immutable;
using SymSeq.Expressions;
using SymSeq.Generation;

namespace SymSeq.Verification;

/// <summary>The verifier's record on one task's pairs: completeness on right answers, soundness on wrong ones.</summary>
public sealed record AuditCounts(string Task)
{
    public int Pairs { get; set; }
    public int Verified { get; set; }
    /// <summary>Right answers right on part of the line only (the paper's ln(x) for 1/x): correctly not verified everywhere.</summary>
    public int VerifiedOnPart { get; set; }
    public int Rejected { get; set; }
    public int Uncheckable { get; set; }
    public int Mutants { get; set; }
    /// <summary>Mutants that turned out right (symbolically equal up to what the problem allows): not counted.</summary>
    public int RightMutants { get; set; }
    public int MutantsRejected { get; set; }
    public int MutantsUncheckable { get; set; }
    public List<string> FalseAcceptances { get; } = [];
    public List<string> FalseRejections { get; } = [];
}

/// <summary>
/// Generates pairs of a task, checks every right answer (it must verify, or at worst be uncheckable) and every
/// mutant of it (<see cref="Mutations"/>: it must never verify). A mutant that the simplifier proves right
/// (d/dx (mutant - F) = 0 for an integral; the ODE simplifies to 0 with it) is set aside, not counted.
/// </summary>
public static class MutationAudit
{
    public static AuditCounts Run(string task, int pairs, int seed, ExpressionOptions options, CancellationToken cancel = default)
    {
        var counts = new AuditCounts(task);
        var context = new GeneratorContext(options);
        var generator = ProblemGenerators.Create(task, context);
        var rng = new Random(seed);
        var attempts = 0;
        while (counts.Pairs < pairs && attempts++ < pairs * 200 && !cancel.IsCancellationRequested)
        {
            if (generator.TryGenerate(rng, out _) is not { } example) continue;
            counts.Pairs++;
            var verdict = Problems.Verify(example.Input, example.Output);
            switch (verdict.Kind)
            {
                case VerdictKind.Verified: counts.Verified++; break;
                case VerdictKind.Partial: counts.VerifiedOnPart++; break;
                case VerdictKind.Uncheckable: counts.Uncheckable++; counts.FalseRejections.Add($"{example.Input}\t{example.Output}\t{verdict.Reason}"); break;
                default: counts.Rejected++; counts.FalseRejections.Add($"{example.Input}\t{example.Output}\t{verdict.Reason}"); break;
            }
            var realDomain = HasRealDomain(example.Input);
            foreach (var (kind, wrong) in Mutations.Of(example.Output, rng, keepConstants: Problems.KindOf(example.Input) == Problems.Kind.Ode))
            {
                // Without a real domain the complex plane near 0 decides, where asin(sin u) = u and sqrt(u²) = u may hold.
                if (!realDomain && Mutations.IsBranchSensitive(kind)) continue;
                if (IsRight(example.Input, example.Output, wrong)) { counts.RightMutants++; continue; }
                counts.Mutants++;
                var v = Problems.Verify(example.Input, wrong);
                if (v.Accepted) counts.FalseAcceptances.Add($"{kind}: {example.Input}\t{wrong}\t{v.Reason}");
                else if (v.Uncheckable) counts.MutantsUncheckable++;
                else counts.MutantsRejected++;
            }
        }
        return counts;
    }

    /// <summary>
    /// Whether a mutant is right anyway (then it says nothing about the verifier): the simplifier proves it, or an
    /// independent oracle finds its residual at the rounding level at the real points where the problem is real (the
    /// integrand; for an ODE, where the mutant and its residual are), with the mutant real there too: plain complex
    /// double evaluation; |residual| below 1e-10 of the residual with every sign made positive; at 6 points or more and
    /// three in four of them (a plain double evaluation is ill-conditioned near poles), close to the verifier's own
    /// meaning of right: everywhere the problem is real, not on part of the line.
    /// This catches reparametrized constants (33*(a8 - cosh 3) is as arbitrary as a8) and integrands that are 0 in
    /// disguise, which the canonical form does not always see.
    /// </summary>
    public static bool IsRight(Expr problem, Expr answer, Expr mutant)
    {
        try
        {
            Expr residual;
            Expr domain;
            if (Problems.TryIntegrand(problem, out var f))
            {
                residual = new Op(Operator.Sub, Derivative.Of(mutant), f);
                domain = f;
            }
            else
            {
                if (!ExprParts.Nodes(mutant).OfType<Sym>().Any(s => s.IsCoefficient)) return false; // never a general solution
                var d1 = Derivative.Of(mutant);
                var ds = new[] { mutant, d1, Derivative.Of(d1) };
                residual = ExprParts.Substitute(problem, n => n is Unknown u ? ds[u.Order] : null);
                domain = residual;
            }
            if (Simplifier.TrySimplify(residual, out var simple, TimeSpan.FromSeconds(1)) && simple is Num { Value.IsZero: true }) return true;
            var rng = new Random(99);
            var scaleExpr = Majorant(residual);
            // Like the verifier, each set of values for the constants is a test of its own (acosh(a9) is real for a9 > 1 only,
            // x/sqrt(a8 - 7) a solution of y' = y/x for a8 > 7 only).
            foreach (var (low, high) in new[] { (0.2, 0.75), (1.1, 3.0), (-2.5, -0.3), (5.0, 15.0) })
                if (RightWith(residual, domain, mutant, scaleExpr, rng, low, high, local: domain == residual)) return true;
            return false;
        }
        catch (Exception e) when (e is ArithmeticException or TimeoutException or ArgumentException) { return false; }
    }

    /// <param name="local">An ODE solution: where it is not real is outside its own domain, not a point where it is wrong.</param>
    private static bool RightWith(Expr residual, Expr domain, Expr mutant, Expr scaleExpr, Random rng, double low, double high, bool local)
    {
        var slots = new System.Numerics.Complex[Symbols.SlotCount];
        for (var i = 1; i < slots.Length; i++) slots[i] = low + (high - low) * rng.NextDouble();
        int small = 0, finite = 0;
        for (var i = 0; i < 300; i++)
        {
            slots[0] = (rng.NextDouble() * 2 - 1) * (i % 3) switch { 0 => 10, 1 => 3, _ => 0.9 };
            if (!IsReal(Evaluator.EvalComplex(domain, slots))) continue;   // outside the problem's real domain
            var value = Evaluator.EvalComplex(mutant, slots);
            if (!double.IsFinite(value.Real) || !double.IsFinite(value.Imaginary)) continue;   // overflow: says nothing
            if (local && !IsReal(value)) continue;
            finite++;
            if (!IsReal(value)) continue;   // not real where the problem is: wrong there
            var r = System.Numerics.Complex.Abs(Evaluator.EvalComplex(residual, slots));
            var scale = System.Numerics.Complex.Abs(Evaluator.EvalComplex(scaleExpr, slots));
            if (!double.IsFinite(r) || !double.IsFinite(scale) || scale > 1e12) { finite--; continue; }
            if (r <= 1e-10 * scale || r <= 1e-13) small++;   // the floor: a majorant can cancel to 0 itself
        }
        return small >= 6 && small * 4 >= finite * 3;
    }

    /// <summary>Whether an integrand is real at some real x in [-10, 10] (an ODE counts as having one).</summary>
    private static bool HasRealDomain(Expr problem)
    {
        if (!Problems.TryIntegrand(problem, out var f)) return true;
        var slots = new System.Numerics.Complex[Symbols.SlotCount];
        for (var i = 0; i <= 400; i++)
        {
            slots[0] = -10 + i * 0.05 + 0.0123;
            try { if (IsReal(Evaluator.EvalComplex(f, slots))) return true; }
            catch (Exception e) when (e is ArithmeticException or ArgumentException) { }
        }
        return false;
    }

    /// <summary>Real: an imaginary part of 0, or tiny beside the real part (rounding); tan(u)² + 1 ≈ 1e-16i for complex u is not.</summary>
    private static bool IsReal(System.Numerics.Complex z) =>
        double.IsFinite(z.Real) && double.IsFinite(z.Imaginary) && (z.Imaginary == 0 || Math.Abs(z.Imaginary) <= 1e-9 * Math.Abs(z.Real));

    /// <summary>The residual with subtraction turned into addition and every number made positive: a scale for it.</summary>
    private static Expr Majorant(Expr e) => e switch
    {
        Num n => new Num(n.Value.Sign < 0 ? -n.Value : n.Value),
        Op { Kind: Operator.Sub } s => new Op(Operator.Add, Majorant(s[0]), Majorant(s[1])),
        Op { Kind: Operator.Pow } p => new Op(Operator.Pow, Majorant(p[0]), p[1]),
        Op op => new Op(op.Kind, op.Args.Select(Majorant).ToImmutableArray()),
        _ => e,
    };
}
