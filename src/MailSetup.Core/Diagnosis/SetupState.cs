namespace MailSetup.Core.Diagnosis;

/// <summary>
/// What Graph and Exchange reads (or the sandbox) say about a tenant's setup. Null means "not
/// known": a rule says nothing about what was not read.
/// </summary>
/// <param name="ExchangeServicePrincipalObjectId">The ObjectId given to <c>New-ServicePrincipal</c>, as <c>Get-ServicePrincipal</c> shows it.</param>
/// <param name="SendAs">SendAs on the mailbox for the app: with FullAccess, either lets an app-only SMTP login send as the mailbox.</param>
/// <param name="SecretExpiresOn">The latest expiry among the app's client secrets.</param>
public sealed record SetupState(
    bool? ExchangeServicePrincipalPresent = null,
    string? ExchangeServicePrincipalObjectId = null,
    bool? FullAccess = null,
    bool? ImapEnabled = null,
    bool? PopEnabled = null,
    bool? SmtpClientAuthenticationDisabledForTenant = null,
    bool? SmtpClientAuthenticationDisabledForMailbox = null,
    bool? RoleConsented = null,
    DateTimeOffset? SecretExpiresOn = null,
    bool? SendAs = null);
