using System.Numerics;

namespace SymSeq.Expressions;

/// <summary>EqualOnPart: equal at the real points of some intervals of the domain, different (or undefined) at others.</summary>
public enum Equivalence { Equal, Different, Inconclusive, EqualOnPart }

/// <summary>
/// The outcome of a numeric comparison: the verdict, how many points were tried and how many could decide, the
/// largest relative residual seen at a deciding point, and, for Equal, where the agreement was found.
/// </summary>
public readonly record struct EquivalenceResult(Equivalence Verdict, int PointsTried, int PointsUsed, double WorstError, string Where = "")
{
    public bool IsEqual => Verdict == Equivalence.Equal;
}

/// <summary>
/// Decides numerically whether a sum of terms vanishes identically (two expressions a, b: the terms a and -b),
/// evaluating with <see cref="ApproxEvaluator"/>: complex arithmetic on principal branches at real points first
/// (SymPy's semantics for real x), each value with a bound on its rounding error and a binary exponent of its own.
/// <para>
/// A point decides only when every term is known to <see cref="Options.Determined"/> relative accuracy and is
/// at most 2^<see cref="Options.MaxLog2Magnitude"/> in size (so that a difference of order 1, like F + x against F,
/// cannot hide under the rounding of a huge value). It agrees when the sum is within <see cref="Kappa"/> times its
/// error bound of 0, and disagrees otherwise. Points that cannot decide (overflow, underflow to nothing, a pole or
/// branch cut within the error, cancellation eating every digit) are not counted either way.
/// </para>
/// <para>
/// Equal when at least <see cref="Options.MinAgree"/> real points agree and none disagrees. An antiderivative or a
/// solution need only hold on a region (sqrt(x-1)·sqrt(x+1) is an antiderivative of x/sqrt(x²-1) for x &gt; 1, not
/// for x &lt; -1 on principal branches), so when real points both agree and disagree, or too few can decide,
/// small boxes of the complex plane are tried: Equal when every deciding point of some box agrees. Different when
/// points disagree and no box agrees throughout; Inconclusive (uncheckable) when too few points could decide.
/// </para>
/// </summary>
public static class NumericEquivalence
{
    /// <param name="Domain">
    /// When set, the problem's real domain decides: a real point counts only where every one of these (the integrand,
    /// the equation) is real and defined, and there the terms and every <paramref name="Required"/> expression (the
    /// answer itself) must be real and defined too, or the point disagrees. Equal then means equal at every point of
    /// the domain, EqualOnPart equal on some intervals only; the complex plane decides only when no real point is in
    /// the domain.
    /// </param>
    public sealed record Options(int Points = 48, int MinAgree = 6, double Determined = 1e-8, int MaxLog2Magnitude = 20,
        int Seed = 12345, bool AllowComplex = true, bool RealOnly = false,
        IReadOnlyList<Expr>? Domain = null, IReadOnlyList<Expr>? Required = null, bool NoRealDomain = false);

    public static readonly Options Default = new();

    /// <summary>Only real points where every term is real: the semantics of rewrites that assume real values (ln(exp u) = u).</summary>
    public static readonly Options RealValues = new(AllowComplex: false, RealOnly: true);

    /// <summary>Agreement allows the residual to reach this multiple of its (first-order) error bound.</summary>
    public const double Kappa = 8;

    /// <summary>Undefined: some term is not a real number there (or not a number at all); Unusable: too imprecise or too large.</summary>
    private enum PointStatus { Unusable, Agree, Disagree, Undefined }

    public static bool AreEqual(Expr a, Expr b, Options? options = null) => Check(a, b, options).IsEqual;

    public static EquivalenceResult Check(Expr a, Expr b, Options? options = null) =>
        Vanishes([a, new Op(Operator.Mul, Expr.MinusOne, b)], options);

    /// <summary>Whether the sum of <paramref name="terms"/> is identically 0 (on some interval).</summary>
    public static EquivalenceResult Vanishes(IReadOnlyList<Expr> terms, Options? options = null)
    {
        var o = options ?? Default;
        var rng = new Random(o.Seed);
        // Constants of a solution (a0..a9, y, z, t) take moderate values first; where that leaves too few points
        // (atanh(a8^2) is real only for |a8| < 1, (cos x - a8)^(1/3) only where cos x > a8), small ones, then
        // positive ones above 1.
        // A solution need only hold for the constants in some open set, so each set of values is a test of its own
        // and the first that finds the sum vanishing decides.
        var symbols = terms.Concat(o.Domain ?? []).Concat(o.Required ?? []).SelectMany(ExprParts.Nodes).OfType<Sym>()
            .Any(s => !s.IsConstant && s.Name != "x");
        if (o.Domain is not null && OnTheRealDomainForSomeConstants(terms, o, symbols) is { } real) return real;
        // No real point in the domain for any constants: the complex plane decides, every box of it that can; but |u|
        // and sign(u) are analytic nowhere off the line, so terms with them are still judged at real points, as real
        // functions of x (ln(-3) - |x + 4| has no real domain, yet |x + 4| integrates on the line).
        if (o.Domain is not null)
            o = o with { Domain = null, Required = null, NoRealDomain = !terms.SelectMany(ExprParts.Nodes).Any(n => n is Op { Kind: Operator.Abs or Operator.Sign }) };
        EquivalenceResult? different = null;
        var tried = 0;
        var used = 0;
        foreach (var (low, high, signed) in new[] { (0.3, 2.5, true), (0.1, 0.9, true), (1.1, 3.0, false) })
        {
            var attempt = VanishesWith(terms, o, rng, SampleCoefficients(rng, low, high, signed));
            tried += attempt.PointsTried;
            if (attempt.IsEqual) return attempt with { PointsTried = tried };
            used += attempt.PointsUsed;
            if (attempt.Verdict == Equivalence.EqualOnPart && different?.Verdict != Equivalence.EqualOnPart) different = attempt;
            else if (attempt.Verdict == Equivalence.Different) different ??= attempt;
            if (!symbols) break;
        }
        return (different ?? new EquivalenceResult(Equivalence.Inconclusive, 0, 0, double.NaN)) with { PointsTried = tried, PointsUsed = used };
    }

    /// <summary>
    /// The real-domain check for each set of values of the constants in turn (see <see cref="Vanishes"/>): the first
    /// Equal decides, else the first EqualOnPart, else the first other verdict; null when no set has a real point in
    /// the domain. A set whose domain is empty never lets the complex plane outvote one whose domain is not.
    /// </summary>
    private static EquivalenceResult? OnTheRealDomainForSomeConstants(IReadOnlyList<Expr> terms, Options o, bool symbols)
    {
        var rng = new Random(o.Seed + 1);
        EquivalenceResult? best = null;
        var tried = 0;
        foreach (var (low, high, signed) in new[] { (0.3, 2.5, true), (0.1, 0.9, true), (1.1, 3.0, false) })
        {
            var r = OnTheRealDomain(terms, o, rng, SampleCoefficients(rng, low, high, signed));
            if (r is { } found)
            {
                tried += found.PointsTried;
                if (found.IsEqual) return found with { PointsTried = tried };
                if (best is null || found.Verdict == Equivalence.EqualOnPart && best.Value.Verdict != Equivalence.EqualOnPart) best = found;
            }
            if (!symbols) break;
        }
        return best is { } b ? b with { PointsTried = Math.Max(tried, b.PointsTried) } : null;
    }

    private static EquivalenceResult VanishesWith(IReadOnlyList<Expr> terms, Options o, Random rng, Approx[] coefficients)
    {
        // Real points first: every point that can decide must agree (none when the problem has no real domain).
        int agree = 0, disagree = 0, used = 0, tried = 0;
        var worst = 0.0;
        for (var i = 0; i < (o.NoRealDomain ? 0 : o.Points); i++)
        {
            tried++;
            var st = Evaluate(terms, Approx.Exact(SampleReal(rng, i)), coefficients, o, out var residual);
            if (st == PointStatus.Unusable) continue;
            used++;
            worst = Math.Max(worst, residual);
            if (st == PointStatus.Agree) agree++; else disagree++;
        }
        if (disagree == 0 && agree >= o.MinAgree) return new(Equivalence.Equal, tried, used, worst);
        if ((disagree > 0 && agree == 0) || !o.AllowComplex) return new(disagree > 0 ? Equivalence.Different : Equivalence.Inconclusive, tried, used, worst);

        // Mixed (agreeing on one side of a branch cut, as sqrt(x-1)*sqrt(x+1) and sqrt(x^2-1) do for x > 1 but not
        // for x < -1) or too few real points: small boxes of the complex plane, each a connected region on which
        // agreement at every point means identity. A run of agreeing real points is not enough: 1 - tanh(x^3)^2
        // is 0 to double precision for every x > 2.7, though it is not 0.
        var disagreed = disagree > 0;
        EquivalenceResult? agreedIn = null;
        var wholeBoxDisagrees = false;
        for (var box = 0; box < 6; box++)
        {
            // Near the origin: far from it, effects that decay like z^-30 or e^-z fall below rounding in a whole box.
            var center = new Complex(rng.NextDouble() * 3 - 1.5, rng.NextDouble() * 3 - 1.5);
            var radius = 0.15 + rng.NextDouble() * 0.3;
            int boxAgree = 0, boxDisagree = 0;
            var boxWorst = 0.0;
            for (var i = 0; i < 16; i++)
            {
                tried++;
                var z = center + new Complex((rng.NextDouble() * 2 - 1) * radius, (rng.NextDouble() * 2 - 1) * radius);
                var st = Evaluate(terms, Approx.FromComplex(z, 0, false), coefficients, o, out var residual);
                if (st == PointStatus.Unusable) continue;
                used++;
                boxWorst = Math.Max(boxWorst, residual);
                if (st == PointStatus.Agree) boxAgree++; else boxDisagree++;
            }
            var where = $"in the complex plane near {center.Real:G3}{(center.Imaginary < 0 ? "-" : "+")}{Math.Abs(center.Imaginary):G3}i";
            if (boxDisagree == 0 && boxAgree >= 10)
            {
                // A problem with no real domain: one box is not enough, since sqrt(z²) and z agree wherever Re z > 0;
                // every box must agree where it can decide, none may disagree throughout.
                if (!o.NoRealDomain) return new(Equivalence.Equal, tried, boxAgree, boxWorst, where);
                agreedIn ??= new(Equivalence.Equal, tried, boxAgree, boxWorst, where);
            }
            if (boxDisagree > 0) { disagreed = true; worst = Math.Max(worst, boxWorst); }
            if (boxDisagree >= 8 && boxAgree == 0) wholeBoxDisagrees = true;
        }
        if (agreedIn is { } agreed && !wholeBoxDisagrees) return agreed with { PointsTried = tried };
        return new(disagreed ? Equivalence.Different : Equivalence.Inconclusive, tried, used, worst);
    }

    private static PointStatus Evaluate(IReadOnlyList<Expr> terms, Approx x, Approx[] coefficients, Options o, out double residual)
    {
        residual = 0;
        var slots = new Approx[Symbols.SlotCount];
        Array.Copy(coefficients, slots, slots.Length);
        slots[0] = x;
        var sum = Approx.Zero;
        var largest = double.NegativeInfinity;
        foreach (var t in terms)
        {
            var v = ApproxEvaluator.Eval(t, slots);
            // Not a real number there (ln of a negative, an even root of one): on the problem's domain, a wrong answer.
            // Not a number the evaluator could bound (overflow, a pole within the error): no verdict either way.
            var real = RealValue(v);
            if (o.Domain is not null && real == false) return PointStatus.Undefined;
            if (!v.IsValid || v.RelativeError > o.Determined || (o.RealOnly && real != true)) return PointStatus.Unusable;
            largest = Math.Max(largest, v.Log2Magnitude);
            sum += v;
            if (!sum.IsValid) return PointStatus.Unusable;
        }
        if (double.IsNegativeInfinity(largest) || largest > o.MaxLog2Magnitude) return PointStatus.Unusable;
        var mag = sum.Magnitude;
        residual = sum.IsZero ? 0 : Math.Pow(2, Math.Clamp(sum.Log2Magnitude - largest, -1000, 1000));
        return mag <= Kappa * sum.Err ? PointStatus.Agree : PointStatus.Disagree;
    }

    /// <summary>
    /// The check on the problem's real domain (<see cref="Options.Domain"/>), or null when no real point is in it (the
    /// complex plane then decides). Every point of the domain that can decide must agree; where the answer is undefined
    /// or differs at some and agrees at others, the result is EqualOnPart, naming the side of 0 where it holds when
    /// the two sides split that way. Too few deciding points at first: more, nearer the origin.
    /// </summary>
    private static EquivalenceResult? OnTheRealDomain(IReadOnlyList<Expr> terms, Options o, Random rng, Approx[] coefficients)
    {
        var real = o with { RealOnly = true };
        List<double> agreeAt = [], failAt = [], invalidAnswer = [];
        double domainLow = double.PositiveInfinity, domainHigh = double.NegativeInfinity;
        int tried = 0, inDomain = 0, inDomainNear = 0, used = 0, unknown = 0, notReal = 0, differ = 0, definedUnusable = 0;
        var worst = 0.0;
        // More rounds while too few points decided, or while some agreed but too few to verify: where the terms can
        // be evaluated only on a short stretch (coth(x - 21) between saturations, about 9 < x < 33), an answer right on
        // part of it (ln(sinh(x - 21)), for x > 21) must meet enough points there to show it.
        for (var round = 0; round < 3 && (round == 0 || agreeAt.Count + failAt.Count < o.MinAgree || agreeAt.Count > 0 && agreeAt.Count < o.MinAgree); round++)
            for (var i = 0; i < o.Points * 2; i++)   // twice the points of a plain check: every interval of the domain must be met
            {
                tried++;
                var residual = 0.0;
                // Later rounds: half around the part of the domain found so far (sqrt(x-10)·sqrt(5-x) is real on
                // (5, 10) only), half nearer the origin.
                var x = round == 0 ? SampleDomain(rng, i)
                    : domainLow <= domainHigh && i % 2 == 0 ? domainLow - 0.5 + rng.NextDouble() * (domainHigh - domainLow + 1)
                    : (rng.NextDouble() * 2 - 1) * 2 / round;   // near the origin, where large terms stay in range
                var at = Approx.Exact(x);
                // The problem's own domain strictly: an imaginary part within its rounding bound, no more (tanh(16 + 0.3i) has one
                // of 7e-15, beyond its bound of 9e-16 though within the 8-fold slack residuals get).
                var problemReal = Reality(o.Domain!, at, coefficients, strict: true);
                if (problemReal is null && Math.Abs(x) <= 10) unknown++;   // far out, overflow is expected
                if (problemReal == false) notReal++;
                if (problemReal != true) continue;   // the problem is not real there (or cannot tell)
                inDomain++;
                if (Math.Abs(x) <= 10) inDomainNear++;
                if (round == 0) (domainLow, domainHigh) = (Math.Min(domainLow, x), Math.Max(domainHigh, x));
                var answer = o.Required is { } required ? Reality(required, at, coefficients) : true;
                // Far out (|x| > 10), an answer that overflows says nothing: ln(cosh(16x)) beside a tanh saturated to ±1.
                // Nor does one beyond the checked growth that plain arithmetic evaluates (e^(4x) at x = -9): it is
                // defined there, just not checkable; only one that is no number at all (ln 0) is undefined.
                if (answer is null)
                {
                    if (Math.Abs(x) <= 10 && !BeyondGrowthOnly(o.Required!, x, coefficients)) invalidAnswer.Add(x);
                    continue;
                }
                // Terms at most 2^MaxLog2Magnitude, however large the problem itself is there: beside a problem of size
                // 2^54, F + x differs from F by 2^-54 of its size, below any double's rounding, so such points cannot decide.
                var st = answer == false ? PointStatus.Undefined : Evaluate(terms, at, coefficients, real, out residual);
                if (st == PointStatus.Unusable) { definedUnusable++; continue; }
                used++;
                if (st == PointStatus.Disagree) differ++;
                if (st == PointStatus.Agree) worst = Math.Max(worst, residual);
                if (st == PointStatus.Agree) agreeAt.Add(x); else failAt.Add(x);
            }
        // No real point found, but some could not be evaluated (e^(e^x) overflows): the domain may be there, out of
        // reach, so the complex plane may not decide. A problem that is a non-real number at most points, and
        // unevaluable only at a few far ones ((-e^(2x) - 3)^(3/2) beyond |x| = 6), has no real domain within reach.
        if (inDomain == 0) return unknown > 0 && notReal < 4 * unknown ? new(Equivalence.Inconclusive, tried, 0, double.NaN) : null;
        // An answer the evaluator cannot evaluate at a point where the problem is real: a pole or an overflow at a few
        // points, but at a quarter of them or more the answer is undefined there (ln(x + sqrt(x^2)) for x < 0 is ln 0).
        if (invalidAnswer.Count * 4 >= inDomainNear) failAt.AddRange(invalidAnswer);   // both counted within |x| <= 10
        if (failAt.Count == 0)
        {
            // Part of the domain could not be evaluated (it overflows), and a piecewise part of the answer (|u|,
            // √(u²), asin(sin u), atan(tan u), acos(cos u)) kept one branch at every point that decided: the other
            // branch may lie where nothing was seen, so nothing is verified (asin(sin x) for x beside e^(x⁸/...)).
            if (unknown > 0 && agreeAt.Count >= o.MinAgree && o.Required is { } required && OneBranchOnly(required, agreeAt, coefficients))
                return new(Equivalence.Inconclusive, tried, used, worst, "on one branch of a piecewise part only: the rest of the domain could not be evaluated");
            return new(agreeAt.Count >= o.MinAgree ? Equivalence.Equal : Equivalence.Inconclusive, tried, used, worst, "on the real domain");
        }
        // The answer undefined at some points and nothing decided where it is defined (every term there beyond
        // 2^MaxLog2Magnitude, as beside e^18): no verdict, so that a symbolic check may still decide.
        if (agreeAt.Count == 0 && differ == 0 && definedUnusable >= o.MinAgree)
            return new(Equivalence.Inconclusive, tried, used, double.NaN, "the answer is undefined at some points and nothing could be decided at the others");
        if (agreeAt.Count < 3) return new(Equivalence.Different, tried, used, 1);
        var where = failAt.Max() < 0 && agreeAt.Min() > 0 ? "for x > 0"
            : failAt.Min() > 0 && agreeAt.Max() < 0 ? "for x < 0"
            : $"on part of the real line (right at x = {agreeAt[0]:G3}, wrong or undefined at x = {failAt[0]:G3})";
        return new(Equivalence.EqualOnPart, tried, used, 1, where);
    }

    /// <summary>
    /// Whether the expressions could not be evaluated at x only because an exponential or hyperbolic function's
    /// argument there is beyond <see cref="ApproxEvaluator.MaxGrowth"/> (e^(4x) at x = −9), while plain arithmetic
    /// gives each a finite real value: defined there, just not checkable. Not so for ln 0, or a root on its cut.
    /// </summary>
    private static bool BeyondGrowthOnly(IReadOnlyList<Expr> exprs, double x, Approx[] coefficients)
    {
        var slots = new Complex[Symbols.SlotCount];
        for (var i = 0; i < slots.Length; i++) slots[i] = coefficients[i].ToComplex();
        slots[0] = x;
        static bool Finite(Complex v) => double.IsFinite(v.Real) && double.IsFinite(v.Imaginary);
        var beyond = exprs.SelectMany(ExprParts.Nodes).OfType<Op>()
            .Any(n => n.Kind is Operator.Exp or Operator.Sinh or Operator.Cosh or Operator.Tanh
                && Evaluator.EvalComplex(n[0], slots) is var a && Finite(a) && Math.Abs(a.Real) > ApproxEvaluator.MaxGrowth);
        return beyond && exprs.All(e => Evaluator.EvalComplex(e, slots) is var v && Finite(v) && Math.Abs(v.Imaginary) <= 1e-9 * Math.Max(1, Math.Abs(v.Real)));
    }

    /// <summary>
    /// Whether every piecewise part of the expressions took a single branch at the given points: the sign of u for |u|,
    /// sign(u) and √(u²); the period of u for asin(sin u), atan(tan u) (branches of width π around 0) and acos(cos u).
    /// </summary>
    private static bool OneBranchOnly(IReadOnlyList<Expr> exprs, List<double> points, Approx[] coefficients)
    {
        var inner = new List<(Expr U, Func<double, int> Branch)>();
        foreach (var n in exprs.SelectMany(ExprParts.Nodes).OfType<Op>())
            switch (n)
            {
                case { Kind: Operator.Abs or Operator.Sign }:
                    inner.Add((n[0], u => Math.Sign(u))); break;
                case { Kind: Operator.Sqrt } when n[0] is Op { Kind: Operator.Pow } sq && sq[1] is Num { Value.IsInteger: true } k && k.Value.Num.IsEven:
                    inner.Add((sq[0], u => Math.Sign(u))); break;
                case { Kind: Operator.Asin or Operator.Atan } when n[0] is Op { Kind: Operator.Sin or Operator.Tan } f:
                    inner.Add((f[0], u => (int)Math.Floor((u + Math.PI / 2) / Math.PI))); break;
                case { Kind: Operator.Acos } when n[0] is Op { Kind: Operator.Cos } c:
                    inner.Add((c[0], u => (int)Math.Floor(u / Math.PI))); break;
            }
        if (inner.Count == 0) return false;
        var slots = new System.Numerics.Complex[Symbols.SlotCount];
        for (var i = 0; i < slots.Length; i++) slots[i] = coefficients[i].ToComplex();
        HashSet<int> Branches(Expr u, Func<double, int> branch, IEnumerable<double> at)
        {
            var seen = new HashSet<int>();
            foreach (var x in at)
            {
                slots[0] = x;
                var v = Evaluator.EvalComplex(u, slots);
                if (double.IsFinite(v.Real) && Math.Abs(v.Imaginary) < 1e-9) seen.Add(branch(v.Real));
            }
            return seen;
        }
        // Only a part whose argument does change branch over [-10, 10] (ln|−2e^(−3x) − 4| never does) counts.
        var grid = Enumerable.Range(0, 401).Select(i => -10 + i * 0.05 + 0.0017).ToArray();
        return inner.Any(p => Branches(p.U, p.Branch, points).Count == 1 && Branches(p.U, p.Branch, grid).Count > 1);
    }

    /// <summary>
    /// Whether e is a real number at some real x for some real values of the constants (the points and constant sets of
    /// the domain check): sqrt(-1 - x^2) and x*sqrt(a8 + sqrt(2 cos 3)) are real nowhere.
    /// </summary>
    public static bool IsRealSomewhere(Expr e, int seed = 12345)
    {
        var rng = new Random(seed);
        foreach (var (low, high, signed) in new[] { (0.3, 2.5, true), (0.1, 0.9, true), (1.1, 3.0, false), (5.0, 15.0, true) })
        {
            var coefficients = SampleCoefficients(rng, low, high, signed);
            for (var i = 0; i < 96; i++)
                if (Reality([e], Approx.Exact(SampleDomain(rng, i)), coefficients) == true) return true;
        }
        return false;
    }

    /// <summary>
    /// True when every expression is a real number at x, false when one is a number that is not real, null when one
    /// could not be evaluated.
    /// </summary>
    private static bool? Reality(IReadOnlyList<Expr> exprs, Approx x, Approx[] coefficients, bool strict = false)
    {
        var slots = new Approx[Symbols.SlotCount];
        Array.Copy(coefficients, slots, slots.Length);
        slots[0] = x;
        bool? all = true;
        foreach (var e in exprs)
        {
            var v = ApproxEvaluator.Eval(e, slots);
            switch (strict ? StrictlyReal(v) : RealValue(v))
            {
                case null: all = null; break;
                case false: return false;
            }
        }
        return all;
    }

    /// <summary>
    /// True for a real value (exactly, or with an imaginary part within its error bound: √(x − 10)·√(5 − x) on
    /// (5, 10)), false for one whose imaginary part is beyond it, null for an invalid one.
    /// </summary>
    private static bool? StrictlyReal(Approx v) =>
        !v.IsValid ? null : v.IsReal || Math.Abs(v.M.Imaginary) <= v.Err + 1e-300;

    private static bool? RealValue(Approx v) =>
        !v.IsValid ? null : v.IsReal || Math.Abs(v.M.Imaginary) <= Kappa * v.Err + 1e-300;

    /// <summary>
    /// Values for the other symbols (y, z, t, a0..a9: arbitrary constants of a solution), fixed for a check:
    /// moderate, away from 0 and from each other's simple ratios.
    /// </summary>
    private static Approx[] SampleCoefficients(Random rng, double low, double high, bool signed)
    {
        var slots = new Approx[Symbols.SlotCount];
        for (var i = 0; i < slots.Length; i++)
            slots[i] = Approx.Exact(Math.Round((low + rng.NextDouble() * (high - low)) * (signed && rng.Next(2) == 0 ? -1 : 1), 6));
        return slots;
    }

    /// <summary>
    /// Points for the check on the real domain, covering both sides of 0 alike: one in each twelfth of [-10, 10] in
    /// turn, [-2, 2], 0.05..5 with either sign (log-uniform), and 10..100 with either sign, so that an answer wrong only
    /// for x &lt; -5 or only for |x| &gt; 10 meets points there.
    /// </summary>
    private static double SampleDomain(Random rng, int i) => (i % 4) switch
    {
        0 => -10 + (i / 4 % 12 + rng.NextDouble()) * 20.0 / 12,
        1 => (rng.NextDouble() * 2 - 1) * 2,
        2 => 0.05 * Math.Pow(100, rng.NextDouble()) * (rng.Next(2) == 0 ? 1 : -1),
        _ => 10 * Math.Pow(10, rng.NextDouble()) * (rng.Next(2) == 0 ? 1 : -1),
    };

    /// <summary>Spread over [-10, 10], denser over [-2, 2], and some on (0, 5] where ln and sqrt are real.</summary>
    private static double SampleReal(Random rng, int i) => (i % 3) switch
    {
        0 => (rng.NextDouble() * 2 - 1) * 10,
        1 => (rng.NextDouble() * 2 - 1) * 2,
        _ => 0.05 * Math.Pow(100, rng.NextDouble()),
    };
}
