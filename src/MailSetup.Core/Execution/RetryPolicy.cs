namespace MailSetup.Core.Execution;

/// <summary>
/// Back-off for transient failures (throttling, 503, connection resets, timeouts, replication delay):
/// exponential with full jitter, never shorter than a server's Retry-After. Delays run on the
/// injected clock so tests need not wait.
/// </summary>
public sealed record RetryPolicy
{
    public int MaxAttempts { get; init; } = 8;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one request may take before it counts as timed out and is tried again.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan DelayFor(int attempt, TimeSpan? retryAfter, Random random)
    {
        var ceiling = Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        var jittered = TimeSpan.FromMilliseconds(ceiling / 2 + random.NextDouble() * ceiling / 2);
        return retryAfter is { } after && after > jittered ? after : jittered;
    }
}
