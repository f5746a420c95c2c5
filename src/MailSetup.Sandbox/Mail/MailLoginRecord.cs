using MailSetup.Core.Catalog;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// One login decision, for tests and for a user wondering why a login failed. It names the reason
/// and who asked; it never holds the token, the SASL payload or a password.
/// </summary>
/// <param name="At">Tenant clock time of the decision.</param>
/// <param name="Mechanism">XOAUTH2, OAUTHBEARER, LOGIN, PLAIN or USER/PASS.</param>
/// <param name="Mailbox">The mailbox the client named (user=), as given; null when it named none.</param>
/// <param name="AppId">The token's app (appid/azp) when the token was readable.</param>
public sealed record MailLoginRecord(
    DateTimeOffset At,
    MailProtocol Protocol,
    string Mechanism,
    string? Mailbox,
    string? AppId,
    MailLoginOutcome Outcome,
    string Reason);
