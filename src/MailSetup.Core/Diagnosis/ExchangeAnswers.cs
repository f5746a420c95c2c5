using MailSetup.Core.Catalog;

namespace MailSetup.Core.Diagnosis;

/// <summary>
/// Exchange Online's failure answers (FACTS.md's wire tables). The more specific texts come first:
/// "535 5.7.139 ..." must not be taken for the generic "535 5.7.3".
/// </summary>
public static class ExchangeAnswers
{
    private const string GenericCause =
        "Exchange rejected the token without saying why. Usual causes: the app is not registered with Exchange (New-ServicePrincipal missing), " +
        "it was registered with the app registration's ObjectId instead of the enterprise app's, no mailbox permission, " +
        "a token with the wrong audience " +
        "or without the protocol's role, or changes not yet replicated.";

    public static IReadOnlyList<ExchangeAnswer> All { get; } =
    [
        new("exchange-imap-not-connected", "BAD User is authenticated but not connected", MailProtocol.Imap,
            "The login worked but Exchange would not open the mailbox: IMAP is disabled on the mailbox, " +
            "the service principal has no FullAccess to it, or user= names another mailbox.",
            f =>
                $"{ExchangeFixes.EnableProtocol(f, MailProtocol.Imap)} (takes up to 30 minutes); {ExchangeFixes.AddMailboxPermission(f)}; " +
                $"check that user= is {f.MailboxOrPlaceholder}."),
        new("exchange-token-expired-in-session", "Session invalidated - AccessTokenExpired", MailProtocol.Imap,
            "The access token expired during the session (tokens live about an hour).",
            _ => "Acquire a fresh token before each session and reconnect when it expires; keep sessions shorter than the token's lifetime."),
        new("exchange-imap-auth-failed", "NO AUTHENTICATE failed", MailProtocol.Imap, GenericCause,
            f => ExchangeFixes.Checklist(f, MailProtocol.Imap)),
        new("exchange-pop-auth-failed", "-ERR Authentication failure", MailProtocol.Pop, GenericCause,
            f => ExchangeFixes.Checklist(f, MailProtocol.Pop)),
        new("exchange-smtp-auth-disabled-tenant", "SmtpClientAuthentication is disabled for the Tenant", MailProtocol.Smtp,
            "SMTP AUTH is disabled for the whole tenant (the default for tenants created after January 2020); this applies to OAuth too.",
            f => $"{ExchangeFixes.EnableSmtpAuthForTenant}, or enable it for this mailbox only: {ExchangeFixes.EnableSmtpAuthForMailbox(f)}"),
        new("exchange-smtp-auth-disabled-mailbox", "SmtpClientAuthentication is disabled for the Mailbox", MailProtocol.Smtp,
            "SMTP AUTH is disabled for this mailbox; this applies to OAuth too.",
            f => ExchangeFixes.EnableSmtpAuthForMailbox(f)),
        new("exchange-smtp-basic-auth", "basic authentication is disabled", MailProtocol.Smtp,
            "The client sent basic authentication (AUTH LOGIN/PLAIN with a password) instead of XOAUTH2.",
            _ => "Configure the client to authenticate with AUTH XOAUTH2 and an access token, not a password."),
        new("exchange-smtp-basic-auth", "550 5.7.30", MailProtocol.Smtp,
            "The client sent basic authentication instead of XOAUTH2 (Basic authentication is not supported for Client Submission).",
            _ => "Configure the client to authenticate with AUTH XOAUTH2 and an access token, not a password."),
        new("exchange-smtp-send-as-denied", "550 5.7.60", MailProtocol.Smtp,
            "The From address is not the authenticated mailbox, and the sender has no SendAs right on it.",
            f => $"Send From the authenticated mailbox, or grant SendAs: {ExchangeFixes.AddSendAs(f)}"),
        new("exchange-smtp-send-as-denied", "SendAsDeniedException", MailProtocol.Smtp,
            "The From address is not the authenticated mailbox, and the sender has no SendAs right on it.",
            f => $"Send From the authenticated mailbox, or grant SendAs: {ExchangeFixes.AddSendAs(f)}"),
        new("exchange-smtp-auth-failed", "535 5.7.3", MailProtocol.Smtp, GenericCause,
            f => ExchangeFixes.Checklist(f, MailProtocol.Smtp)),
    ];

    /// <summary>The first answer <paramref name="line"/> is, or null when it is none of Exchange's.</summary>
    public static ExchangeAnswer? Match(string line) => All.FirstOrDefault(a => a.Matches(line));
}
