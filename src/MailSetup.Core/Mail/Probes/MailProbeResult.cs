using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Probes;

/// <summary>
/// The outcome of one probe: whether the login worked, the server's final answer to it (e.g.
/// <c>A3 NO [AUTHENTICATIONFAILED] Authentication failed.</c>), the decoded SASL error challenge, TLS facts,
/// where it broke if it broke before an answer, and the whole (redacted) trace.
/// </summary>
public sealed record MailProbeResult(
    MailProtocol Protocol,
    bool Succeeded,
    string? FinalAnswer,
    SaslErrorChallenge? ErrorChallenge,
    TlsFacts? Tls,
    TraceStage? FailedStage,
    string? Failure,
    IReadOnlyList<TraceEvent> Trace)
{
    /// <summary>What kind of failure <see cref="Failure"/> is; null when the dialogue ran to its end.</summary>
    public MailFailureKind? FailureKind { get; init; }

    /// <summary>
    /// The server accepted the SASL exchange. With <see cref="Succeeded"/> false this means the session was refused
    /// afterwards (e.g. Exchange's <c>BAD User is authenticated but not connected.</c>) or the SMTP envelope was refused.
    /// </summary>
    public bool AuthenticationAccepted { get; init; }

    /// <summary>Time spent in each stage, from the first event of a stage to the first event of the next one.</summary>
    public IReadOnlyDictionary<TraceStage, TimeSpan> StageTimings => Tracing.StageTimings.From(Trace);
}
