using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Connection;

/// <summary>The server broke the protocol or the limits (line too long, closed early, nonsense reply).</summary>
public sealed class MailProtocolException(TraceStage stage, string message,
    MailFailureKind kind = MailFailureKind.ProtocolViolation) : Exception(message)
{
    public TraceStage Stage { get; } = stage;

    /// <summary><see cref="MailFailureKind.ProtocolViolation"/> unless the server simply went away (<see
    /// cref="MailFailureKind.ConnectionClosed"/>).</summary>
    public MailFailureKind Kind { get; } = kind;
}
