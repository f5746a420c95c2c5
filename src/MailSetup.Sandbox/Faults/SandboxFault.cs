namespace MailSetup.Sandbox.Faults;

/// <summary>
/// What goes wrong. <see cref="Duration"/> means, by kind: Retry-After (429, 503; zero sends none),
/// the added delay (latency), how long the request is held (timeout; infinite = until the client
/// gives up), how long new objects stay invisible (replication delay).
/// </summary>
public sealed record SandboxFault(SandboxFaultKind Kind, TimeSpan Duration)
{
    public static SandboxFault TooManyRequests(int retryAfterSeconds = 1) =>
        new(SandboxFaultKind.TooManyRequests, TimeSpan.FromSeconds(retryAfterSeconds));

    public static SandboxFault ServiceUnavailable(int retryAfterSeconds = 0) =>
        new(SandboxFaultKind.ServiceUnavailable, TimeSpan.FromSeconds(retryAfterSeconds));

    public static SandboxFault Latency(TimeSpan delay) => new(SandboxFaultKind.Latency, delay);

    /// <param name="hold">How long to hold the request before answering 504; null holds it until the client gives up.</param>
    public static SandboxFault Timeout(TimeSpan? hold = null) =>
        new(SandboxFaultKind.Timeout, hold ?? System.Threading.Timeout.InfiniteTimeSpan);

    public static SandboxFault ConnectionReset() => new(SandboxFaultKind.ConnectionReset, TimeSpan.Zero);

    public static SandboxFault ReplicationDelay(TimeSpan window) => new(SandboxFaultKind.ReplicationDelay, window);

    /// <summary>Whole seconds for a Retry-After header.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(Duration.TotalSeconds);
}
