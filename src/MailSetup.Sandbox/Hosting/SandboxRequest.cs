using MailSetup.Sandbox.Faults;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// One request the sandbox received, as it came over the wire: method, path and query exactly as
/// sent (<c>$select</c>, not <c>%24select</c>, if the client sent that), body text, and headers
/// without Authorization (tokens never go into the log).
/// </summary>
public sealed record SandboxRequest(
    DateTimeOffset At,
    string Method,
    string PathAndQuery,
    string Body,
    IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>True for a request that came inside a Graph <c>$batch</c>, not on its own over the wire.</summary>
    public bool ViaBatch { get; init; }

    /// <summary>The cmdlet of an Exchange admin API call.</summary>
    public string? CmdletName { get; init; }

    /// <summary>The answer's status, once answered (a reset connection leaves what was set before the abort).</summary>
    public int? Status { get; init; }

    /// <summary>The fault injected into this request, if any.</summary>
    public SandboxFaultKind? Fault { get; init; }

    /// <summary>The path without the query.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];
}
