using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// The state of one integration by the rules, passed down explicitly to every rule and every integral a rule makes:
/// <list type="bullet">
/// <item>the nesting depth of each rule that may come back to itself (a substitution's new integrand, an identity's
/// rewritten one, the parts of by parts): the driver hands a rule nothing once its depth is reached;</item>
/// <item>the memo: an integral's answer depends on the integrand and on those depths together, and the same pair
/// recurs within one integration (and across the plans of one integrand, which share a scope);</item>
/// <item>the step frames: every integral found while a rule runs becomes a sub-step of that rule, with the choice the
/// rule noted; a rule that gives up has its frame dropped.</item>
/// </list>
/// <item>the time budget: past it the driver tries no further rule, so an integration by the rules always ends.</item>
/// One scope per integration (or per integrand's plans, or per ODE method's integrals); not shared between threads.
/// </summary>
/// <param name="budget">How long the rules may work in this scope; null for <see cref="DefaultBudget"/>.</param>
/// <param name="passOverAtTop">Rules the driver does not try on an outermost integrand (each term a plan asks for), only
/// on the integrals they make: a second search for another derivation when the first answer is right on part of the
/// line only (by parts of asin(√x)² meets asin(2x − 1), right for x &gt; 0 only; t = √x first is right everywhere).</param>
public sealed class RuleScope(TimeSpan? budget = null, IReadOnlySet<string>? passOverAtTop = null)
{
    /// <summary>The rules' budget when none is given: far above their median (2 ms), a bound on the rare long search.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(5);

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly TimeSpan _budget = budget ?? DefaultBudget;

    /// <summary>True once the budget is spent: the driver then declines every integral still asked in this scope.</summary>
    public bool OutOfTime => _clock.Elapsed > _budget;

    /// <summary>The rules that count their own nesting.</summary>
    public enum Rule { ByParts, TrigIdentities, ChangeOfVariable, EulerSubstitution, RadicalSubstitution, VariablePowers, AffineSubstitution }

    private const int BitsPerRule = 4;
    private int _depths;   // each rule's depth in BitsPerRule bits: the memo's key takes all of them at once
    private readonly Dictionary<(Expr, int), Step?> _memo = [];
    private readonly List<Frame> _frames = [];

    private int _level;   // how many rules the current integral is inside: 0 for an outermost integrand

    /// <summary>True when the driver should not try <paramref name="rule"/> on the integral it is at now.</summary>
    public bool PassesOver(string rule) => _level == 0 && passOverAtTop is { } names && names.Contains(rule);

    /// <summary>Marks that a rule is working on an integral until the returned scope is disposed: its integrals are inner ones.</summary>
    public Inside Inner() { _level++; return new Inside(this); }

    public readonly struct Inside(RuleScope scope) : IDisposable
    {
        public void Dispose() => scope._level--;
    }

    /// <summary>How many calls of <paramref name="rule"/> the current integration is inside.</summary>
    public int Depth(Rule rule) => (_depths >> (BitsPerRule * (int)rule)) & ((1 << BitsPerRule) - 1);

    /// <summary>Marks one more level of <paramref name="rule"/> until the returned scope is disposed.</summary>
    public Nested Enter(Rule rule)
    {
        if (Depth(rule) == (1 << BitsPerRule) - 1) throw new InvalidOperationException($"{rule} nested too deep");
        _depths += 1 << (BitsPerRule * (int)rule);
        return new Nested(this, rule);
    }

    public readonly struct Nested(RuleScope scope, Rule rule) : IDisposable
    {
        public void Dispose() => scope._depths -= 1 << (BitsPerRule * (int)rule);
    }

    /// <summary>
    /// <paramref name="derive"/>(<paramref name="core"/>), or its step from earlier in this scope at the same depths.
    /// An exception (a time budget run out) is passed on and nothing is remembered.
    /// </summary>
    public Step? Remembered(Expr core, Func<Expr, Step?> derive)
    {
        var key = (core, _level == 0 && passOverAtTop is { Count: > 0 } ? ~_depths : _depths);   // an outermost answer may pass rules over
        if (_memo.TryGetValue(key, out var known)) return known;
        var step = derive(core);
        _memo[key] = step;
        return step;
    }

    /// <summary>The steps of the integrals a rule makes while it runs, and the choice it noted; see <see cref="Open"/>.</summary>
    public sealed class Frame : IDisposable
    {
        private readonly RuleScope _scope;
        private readonly List<Step> _steps = [];
        internal Frame(RuleScope scope) => _scope = scope;
        public IReadOnlyList<Step> Steps => _steps;
        public string? Detail { get; internal set; }
        internal void Add(Step s) => _steps.Add(s);
        internal int Count => _steps.Count;
        internal void Truncate(int count) => _steps.RemoveRange(count, _steps.Count - count);

        public void Dispose()
        {
            if (_scope._frames is { Count: > 0 } frames && ReferenceEquals(frames[^1], this)) frames.RemoveAt(frames.Count - 1);
        }
    }

    /// <summary>Opens a frame: every step recorded until it is disposed goes into it (the innermost open frame).</summary>
    public Frame Open()
    {
        var frame = new Frame(this);
        _frames.Add(frame);
        return frame;
    }

    /// <summary>Records a step in the innermost open frame (none open: nothing to record).</summary>
    public void Record(Step step)
    {
        if (_frames.Count > 0) _frames[^1].Add(step);
    }

    /// <summary>Notes the choice the current rule made (u = x², u = x and dv = cos x dx), shown with its step.</summary>
    public void Note(string detail)
    {
        if (_frames.Count > 0) _frames[^1].Detail = detail;
    }

    /// <summary>
    /// <paramref name="attempt"/>(), keeping the steps it recorded only when it succeeds: a rule that tries several
    /// ways drops the sub-steps of the ways that failed.
    /// </summary>
    public T? Tentatively<T>(Func<T?> attempt) where T : class
    {
        var frame = _frames.Count > 0 ? _frames[^1] : null;
        var (mark, detail) = (frame?.Count ?? 0, frame?.Detail);
        var result = attempt();
        if (result is null && frame is not null) { frame.Truncate(mark); frame.Detail = detail; }
        return result;
    }
}
