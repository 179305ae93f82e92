using SymSeq.Expressions;

namespace SymSeq.Generation;

/// <summary>One training pair: a problem (integrand as "Y' - f", an ODE in Y, ...) and its solution.</summary>
public sealed record Example(string Task, Expr Input, Expr Output)
{
    public string[] InputTokens => PrefixCodec.Encode(Input);
    public string[] OutputTokens => PrefixCodec.Encode(Output);
}

/// <summary>Why a draw produced no example; counted and shown in progress lines.</summary>
public static class Rejection
{
    public const string Invalid = "invalid";
    public const string Constant = "constant";
    public const string TooLong = "too long";
    public const string LongIntegrand = "integrand longer than integral";
    public const string TooFewOps = "too few ops";
    public const string Timeout = "timeout";
    public const string NotInvertible = "not invertible";
    public const string CheckFailed = "check failed";
    public const string NoKnownIntegral = "no known integral";
    public const string Failed = "failed";
    public const string CasTimeout = "cas timeout";
    public const string CasFailed = "cas gave up";
    public const string NotElementary = "not elementary";
    public const string NoRule = "no rule";
}

/// <summary>A source of examples for one task. Implementations are thread-safe.</summary>
public interface IProblemGenerator
{
    /// <summary>The task name used on the command line and in dataset file names (bwd, ibp, ode1, ...).</summary>
    string Task { get; }

    /// <summary>One draw: an example, or null with the reason it was rejected.</summary>
    Example? TryGenerate(Random rng, out string? rejection);
}
