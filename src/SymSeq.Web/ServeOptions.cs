namespace SymSeq.Web;

/// <summary>How `symseq serve` listens and bounds its work.</summary>
public sealed record ServeOptions
{
    /// <summary>The address to listen on; localhost by default, so nothing is exposed unless asked.</summary>
    public string Host { get; init; } = "localhost";

    /// <summary>The port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = 5080;

    /// <summary>Longest accepted expression, in characters.</summary>
    public int MaxInputLength { get; init; } = 500;

    /// <summary>Budget of one request (the solver's time limit is within it).</summary>
    public TimeSpan RequestBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests solved at once (each on one libtorch thread).</summary>
    public int MaxConcurrent { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Requests waiting for a slot; past it the server answers 503.</summary>
    public int QueueLimit { get; init; } = 32;

    /// <summary>Longest wait for a slot; past it the server answers 503 (a queue that never moves is no answer).</summary>
    public TimeSpan QueueWait { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Time for a request's body to arrive, read before the request takes a slot (408 past it).</summary>
    public TimeSpan BodyBudget { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Open connections at once; past it new ones wait in the OS backlog.</summary>
    public int MaxConnections { get; init; } = 1000;

    public ServeOptions Validated()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException($"--port must be 0..65535, got {Port}");
        if (MaxInputLength < 1) throw new ArgumentException($"the input limit must be positive, got {MaxInputLength}");
        if (MaxConcurrent < 1) throw new ArgumentException($"--concurrency must be at least 1, got {MaxConcurrent}");
        if (QueueLimit < 0) throw new ArgumentException($"--queue must be 0 or more, got {QueueLimit}");
        if (RequestBudget <= TimeSpan.Zero) throw new ArgumentException("the request budget must be positive");
        if (QueueWait <= TimeSpan.Zero || BodyBudget <= TimeSpan.Zero) throw new ArgumentException("the queue wait and the body budget must be positive");
        if (MaxConnections < 1) throw new ArgumentException($"the connection limit must be at least 1, got {MaxConnections}");
        return this;
    }
}
