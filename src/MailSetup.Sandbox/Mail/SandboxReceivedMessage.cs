namespace MailSetup.Sandbox.Mail;

/// <summary>A message the SMTP server accepted. Nothing is delivered; the last few are kept for tests.</summary>
public sealed record SandboxReceivedMessage(
    DateTimeOffset At,
    string AuthenticatedMailbox,
    string From,
    IReadOnlyList<string> Recipients,
    string Data);
