namespace MailSetup.Core.Mail.Tracing;

/// <summary>Who said it: a line we sent, a line the server sent, or a note of ours (timing, TLS facts, errors).</summary>
public enum TraceDirection
{
    Client,
    Server,
    Info,
}
