namespace MailSetup.Sandbox.Faults;

public enum SandboxFaultKind
{
    /// <summary>429 with Retry-After.</summary>
    TooManyRequests,

    /// <summary>503, with Retry-After when given.</summary>
    ServiceUnavailable,

    /// <summary>The request waits, then is answered normally.</summary>
    Latency,

    /// <summary>The request is held past a time (then 504) or until the client gives up.</summary>
    Timeout,

    /// <summary>The connection is aborted without an answer.</summary>
    ConnectionReset,

    /// <summary>A new object answers 404 on other calls for a while, as Entra's directory replication does.</summary>
    ReplicationDelay,
}
