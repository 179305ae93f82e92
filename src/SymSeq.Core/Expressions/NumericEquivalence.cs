using System.Numerics;

namespace SymSeq.Expressions;

public enum Equivalence { Equal, Different, Inconclusive }

/// <summary>The outcome of a numeric comparison: the verdict and how many points could be used.</summary>
public readonly record struct EquivalenceResult(Equivalence Verdict, int PointsTried, int PointsUsed, double WorstError)
{
    public bool IsEqual => Verdict == Equivalence.Equal;
}

/// <summary>
/// Decides numerically whether two expressions agree, sampling random points for every free symbol.
/// Points where either side is undefined (outside the real domain, a pole, an overflow) are skipped; when too
/// few real points remain, complex points are tried, which reaches functions defined only off the real line.
/// </summary>
public static class NumericEquivalence
{
    public sealed record Options(int Points = 24, int MinValid = 6, double RelativeTolerance = 1e-7, int Seed = 12345,
        double Range = 10.0, bool AllowComplex = true, bool UpToConstant = false);

    public static readonly Options Default = new();

    /// <summary>Relative noise used to detect ill-conditioned points: ~100 ulps, far below the tolerance.</summary>
    private const double RoundingProbe = 1e-14;

    public static bool AreEqual(Expr a, Expr b, Options? options = null) => Check(a, b, options).IsEqual;

    public static EquivalenceResult Check(Expr a, Expr b, Options? options = null)
    {
        var o = options ?? Default;
        var rng = new Random(o.Seed);
        var diffs = new List<double>();
        var scales = new List<double>();
        Span<double> slots = stackalloc double[Symbols.SlotCount];
        var tried = 0;
        for (var i = 0; i < o.Points * 3 && diffs.Count < o.Points; i++)
        {
            tried++;
            for (var s = 0; s < slots.Length; s++) slots[s] = SamplePoint(rng, o.Range, i);
            var va = Evaluator.Eval(a, slots);
            var vb = Evaluator.Eval(b, slots);
            if (!double.IsFinite(va) || !double.IsFinite(vb) || Math.Abs(va) > 1e12 || Math.Abs(vb) > 1e12) continue;
            var scale = Math.Max(1.0, Math.Max(Math.Abs(va), Math.Abs(vb)));
            // Ill-conditioned points (sec of 1e13, say) give different values for equal expressions after
            // rounding; where perturbing every intermediate by far more than rounding moves either side by a
            // tenth of the tolerance, the point is skipped.
            if (!(Math.Abs(Evaluator.EvalPerturbed(a, slots, RoundingProbe) - va) <= o.RelativeTolerance * scale * 0.1)
                || !(Math.Abs(Evaluator.EvalPerturbed(b, slots, RoundingProbe) - vb) <= o.RelativeTolerance * scale * 0.1)) continue;
            diffs.Add(va - vb);
            scales.Add(scale);
        }
        var real = Judge(diffs, scales, o, tried);
        if (real.Verdict != Equivalence.Inconclusive || !o.AllowComplex) return real;
        return CheckComplex(a, b, o, rng, tried);
    }

    private static EquivalenceResult CheckComplex(Expr a, Expr b, Options o, Random rng, int triedBefore)
    {
        var diffs = new List<double>();
        var scales = new List<double>();
        var slots = new Complex[Symbols.SlotCount];
        var tried = triedBefore;
        Complex? firstDiff = null;
        for (var i = 0; i < o.Points * 3 && diffs.Count < o.Points; i++)
        {
            tried++;
            for (var s = 0; s < slots.Length; s++)
                slots[s] = new Complex(SamplePoint(rng, o.Range, i), SamplePoint(rng, o.Range, i));
            var va = Evaluator.EvalComplex(a, slots);
            var vb = Evaluator.EvalComplex(b, slots);
            if (!IsFinite(va) || !IsFinite(vb) || Complex.Abs(va) > 1e12 || Complex.Abs(vb) > 1e12) continue;
            var d = va - vb;
            if (o.UpToConstant) { firstDiff ??= d; d -= firstDiff.Value; }
            diffs.Add(Complex.Abs(d));
            scales.Add(Math.Max(1.0, Math.Max(Complex.Abs(va), Complex.Abs(vb))));
        }
        // A constant difference on the complex plane is only meaningful up to branch choices, so when comparing
        // up to a constant the real judgement is preferred; here the differences already had the constant removed.
        return Judge(diffs, scales, o with { UpToConstant = false }, tried);
    }

    private static bool IsFinite(Complex c) => double.IsFinite(c.Real) && double.IsFinite(c.Imaginary);

    private static EquivalenceResult Judge(List<double> diffs, List<double> scales, Options o, int tried)
    {
        if (diffs.Count < o.MinValid) return new(Equivalence.Inconclusive, tried, diffs.Count, double.NaN);
        var offset = o.UpToConstant ? Median(diffs) : 0.0;
        var worst = 0.0;
        for (var i = 0; i < diffs.Count; i++)
            worst = Math.Max(worst, Math.Abs(diffs[i] - offset) / scales[i]);
        return new(worst <= o.RelativeTolerance ? Equivalence.Equal : Equivalence.Different, tried, diffs.Count, worst);
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToArray();
        return s[s.Length / 2];
    }

    /// <summary>Mostly moderate values, some small ones near zero where many functions live (asin, atanh).</summary>
    private static double SamplePoint(Random rng, double range, int i) => (i % 3) switch
    {
        0 => (rng.NextDouble() * 2 - 1) * range,
        1 => rng.NextDouble() * 2 - 1,
        _ => rng.NextDouble() * range + 0.1,
    };
}
