namespace MailSetup.Sandbox.Mail;

/// <summary>
/// Exchange Online's answers, word for word (shared FACTS.md, "XOAUTH2 on the wire"). The product's
/// diagnosis recognises exactly these texts, so the sandbox must not paraphrase them.
/// </summary>
internal static class ExchangeMailTexts
{
    public const string ImapGreeting = "* OK The Microsoft Exchange IMAP4 service is ready.";
    public const string ImapCapabilities =
        "IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 AUTH=OAUTHBEARER SASL-IR UIDPLUS ID UNSELECT CHILDREN IDLE NAMESPACE";
    public const string ImapAuthenticated = "OK AUTHENTICATE completed.";
    public const string ImapAuthenticateFailed = "NO AUTHENTICATE failed.";
    public const string ImapLoginFailed = "NO LOGIN failed.";
    public const string ImapNotConnected = "BAD User is authenticated but not connected.";
    public const string ImapTokenExpired = "* BYE Session invalidated - AccessTokenExpired";
    public const string ImapUnknownCommand = "BAD Command Error. 10";
    public const string ImapInvalidState = "BAD Command received in Invalid state.";
    public const string ImapArgumentError = "BAD Command Argument Error. 11";

    public const string PopGreeting = "+OK The Microsoft Exchange POP3 service is ready.";
    public const string PopAuthenticated = "+OK User successfully authenticated.";
    public const string PopAuthenticationFailed = "-ERR Authentication failure: unknown user name or bad password.";
    public const string PopSigningOff = "+OK Microsoft Exchange Server POP3 server signing off.";
    public const string PopInvalidState = "-ERR Command is not valid in this state.";
    public const string PopUnknownCommand = "-ERR Protocol error. 14";

    // Not confirmed from Exchange (only IMAP's BYE is, in FACTS): a POP or SMTP session whose token expired is assumed to end the same
    // way, in that protocol's reply shape. Diagnosis keys on "AccessTokenExpired" only for IMAP.
    public const string PopTokenExpired = "-ERR Session invalidated - AccessTokenExpired";
    public static string SmtpTokenExpired(string server) => $"421 4.7.0 Session invalidated - AccessTokenExpired [{server}]";

    public const string SmtpAuthenticated = "235 2.7.0 Authentication successful";
    public static string SmtpAuthenticationFailed(string server) => $"535 5.7.3 Authentication unsuccessful [{server}]";

    public static string SmtpAuthDisabled(string scope, string server) =>
        $"535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the {scope}. " +
        $"Visit https://aka.ms/smtp_auth_disabled for more information. [{server}]";

    public static string SmtpBasicAuthDisabled(string server) =>
        $"535 5.7.139 Authentication unsuccessful, basic authentication is disabled. [{server}]";
    public const string SmtpSendAsDenied = "550 5.7.60 SMTP; Client does not have permissions to send as this sender";
    public static string SmtpNotAuthenticated(string server) => $"530 5.7.57 Client not authenticated to send mail. [{server}]";
    public static string SmtpUnrecognizedAuth(string server) => $"504 5.7.4 Unrecognized authentication type [{server}]";
}
