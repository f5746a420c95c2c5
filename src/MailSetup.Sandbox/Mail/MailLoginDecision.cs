namespace MailSetup.Sandbox.Mail;

/// <summary>
/// A login's outcome as a session needs it: the mailbox opened (its primary address), when the
/// token expires (IMAP ends the session then), and the names the principal goes by in SendAs
/// permissions (SMTP checks MAIL FROM against them).
/// </summary>
internal sealed record MailLoginDecision(
    MailLoginOutcome Outcome,
    string Reason,
    string? Mailbox = null,
    DateTimeOffset? ExpiresOn = null,
    IReadOnlyList<string>? PrincipalNames = null)
{
    public bool LoggedIn => Outcome is MailLoginOutcome.Accepted or MailLoginOutcome.NotConnected;
}
