namespace MailSetup.Sandbox.Mail;

/// <summary>What a login came to, in Exchange's terms.</summary>
public enum MailLoginOutcome
{
    /// <summary>Logged in with access to the mailbox.</summary>
    Accepted,

    /// <summary>
    /// IMAP only: the token is good but the mailbox cannot be opened (IMAP off, no FullAccess, user=
    /// names another mailbox). Exchange still answers OK and then <c>BAD User is authenticated but not connected.</c>
    /// </summary>
    NotConnected,

    /// <summary>Refused: NO / -ERR / 535 5.7.3.</summary>
    Refused,

    /// <summary>SMTP only: SMTP AUTH is disabled for the tenant (535 5.7.139 ... for the Tenant).</summary>
    SmtpAuthDisabledForTenant,

    /// <summary>SMTP only: SMTP AUTH is disabled for the mailbox (535 5.7.139 ... for the Mailbox).</summary>
    SmtpAuthDisabledForMailbox,

    /// <summary>A password (basic authentication) was sent; Exchange Online has it off.</summary>
    BasicAuthRefused,
}
