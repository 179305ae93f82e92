using SymSeq.Expressions;

namespace SymSeq.Solving;

/// <summary>
/// Where in the rules' own recursion an integration is: the rules call <see cref="BasicIntegrals"/> on the integrals
/// they make (the parts of by parts, g(t) after a substitution, the rewritten integrand after an identity), which may
/// come back to them, so each such rule has a nesting guard here (by parts at most 2 deep, identities 3, each
/// substitution once). An integral's answer depends on the integrand and on these depths together, and the same pair
/// recurs within one integration, so <see cref="BasicIntegrals.TryIntegrate"/> remembers its answers per
/// (integrand, depths) for the length of one outermost call, or of a wider <see cref="Remember"/> scope
/// (<see cref="Decomposition.Plans"/> holds one across an integrand's plans). Per thread: the rules run on many threads at once.
/// </summary>
internal static class RuleContext
{
    /// <summary>The rules that guard their own nesting.</summary>
    public enum Rule { ByParts, TrigIdentities, ChangeOfVariable, EulerSubstitution, RadicalSubstitution, VariablePowers }

    private const int BitsPerRule = 4;

    // each rule's depth in BitsPerRule bits of one int: the memo's key takes all of them at once
    [ThreadStatic] private static int _depths;
    [ThreadStatic] private static Dictionary<(Expr, int), Step?>? _memo;
    [ThreadStatic] private static List<Frame>? _frames;

    /// <summary>How many calls of <paramref name="rule"/> the current integration is inside.</summary>
    public static int Depth(Rule rule) => (_depths >> (BitsPerRule * (int)rule)) & ((1 << BitsPerRule) - 1);

    /// <summary>Marks one more level of <paramref name="rule"/> until the scope is disposed.</summary>
    public static Scope Enter(Rule rule)
    {
        if (Depth(rule) == (1 << BitsPerRule) - 1) throw new InvalidOperationException($"{rule} nested too deep");
        _depths += 1 << (BitsPerRule * (int)rule);
        return new Scope(rule);
    }

    public readonly struct Scope(Rule rule) : IDisposable
    {
        public void Dispose() => _depths -= 1 << (BitsPerRule * (int)rule);
    }

    /// <summary>
    /// Keeps the remembered answers until the scope is disposed, across many outermost calls: the plans of one
    /// integrand share most of their terms. Scopes nest; the outermost one forgets.
    /// </summary>
    public static MemoScope Remember()
    {
        var owns = _memo is null;
        _memo ??= [];
        return new MemoScope(owns);
    }

    public readonly struct MemoScope(bool owns) : IDisposable
    {
        public void Dispose()
        {
            if (owns) _memo = null;
        }
    }

    /// <summary>
    /// <paramref name="derive"/>(<paramref name="core"/>), or its step from earlier in the same outermost call at the
    /// same depths. An exception (a time budget run out) is passed on and nothing is remembered.
    /// </summary>
    public static Step? Remembered(Expr core, Func<Expr, Step?> derive)
    {
        using var scope = Remember();   // the outermost call's own scope, unless a caller holds a wider one
        var key = (core, _depths);
        if (_memo!.TryGetValue(key, out var known)) return known;
        var step = derive(core);
        _memo[key] = step;
        return step;
    }

    /// <summary>
    /// The steps of the integrals a rule makes while it runs: <see cref="Open"/> one before applying a rule; every
    /// integral found meanwhile (<see cref="BasicIntegrals.TryDerive"/>) is recorded in the innermost frame, and the
    /// rule may note the choice it made (<see cref="Note"/>). A rule that gives up has its frame dropped with it.
    /// </summary>
    public sealed class Frame : IDisposable
    {
        private readonly List<Step> _steps = [];
        public IReadOnlyList<Step> Steps => _steps;
        public string? Detail { get; internal set; }
        internal void Add(Step s) => _steps.Add(s);
        internal int Count => _steps.Count;
        internal void Truncate(int count) => _steps.RemoveRange(count, _steps.Count - count);

        public void Dispose()
        {
            if (_frames is { Count: > 0 } frames && ReferenceEquals(frames[^1], this)) frames.RemoveAt(frames.Count - 1);
        }
    }

    public static Frame Open()
    {
        var frame = new Frame();
        (_frames ??= []).Add(frame);
        return frame;
    }

    /// <summary>Records a step in the innermost open frame (none open: nothing to record).</summary>
    public static void Record(Step step)
    {
        if (_frames is { Count: > 0 } frames) frames[^1].Add(step);
    }

    /// <summary>Notes the choice the current rule made (u = x², u = x and dv = cos x dx), shown with its step.</summary>
    public static void Note(string detail)
    {
        if (_frames is { Count: > 0 } frames) frames[^1].Detail = detail;
    }

    /// <summary>
    /// <paramref name="attempt"/>(), keeping the steps it recorded only when it succeeds: a rule that tries several
    /// ways drops the sub-steps of the ways that failed.
    /// </summary>
    public static T? Tentatively<T>(Func<T?> attempt) where T : class
    {
        var frame = _frames is { Count: > 0 } frames ? frames[^1] : null;
        var (mark, detail) = (frame?.Count ?? 0, frame?.Detail);
        var result = attempt();
        if (result is null && frame is not null) { frame.Truncate(mark); frame.Detail = detail; }
        return result;
    }
}
