namespace MailSetup.Core.Mail.Tracing;

/// <summary>One event of a conversation. <see cref="Text"/> is already redacted: it is safe to show anywhere.</summary>
public sealed record TraceEvent(int Sequence, TraceStage Stage, TraceDirection Direction, TimeSpan Offset, string Text);
