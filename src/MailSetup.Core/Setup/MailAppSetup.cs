using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;

namespace MailSetup.Core.Setup;

/// <summary>
/// What Graph and Exchange say, read live, about one mail app and one mailbox: each link of the
/// chain a login depends on. Null parts were not found (the app, its enterprise app, Exchange's
/// registration, the mailbox).
/// </summary>
/// <param name="ExchangeRoles">Application permissions of Office 365 Exchange Online consented to the app (IMAP.AccessAsApp...).</param>
/// <param name="RequestedMailbox">The address asked about, kept when Exchange does not know it.</param>
/// <param name="ExchangeDelegatedScopes">Delegated Exchange scopes consented for all users (IMAP.AccessAsUser.All...).</param>
public sealed record MailAppSetup(
    string AppId,
    MailAppRegistration? App,
    string? ServicePrincipalId,
    IReadOnlySet<string> ExchangeRoles,
    IReadOnlySet<string> ExchangeDelegatedScopes,
    ExchangeRegistration? Exchange,
    MailboxSetup? Mailbox,
    bool TenantSmtpAuthDisabled,
    string? RequestedMailbox = null)
{
    /// <summary>The latest end date among the app's client secrets; null when it has none (a certificate-only app, or none at all).</summary>
    public DateTimeOffset? SecretExpiresOn => App?.Secrets.Select(s => (DateTimeOffset?)s.EndsOn).Max();

    /// <summary>The same facts as the diagnostician reads them, for ranking the causes of a failed login.</summary>
    public SetupState ToSetupState(MailProtocol? protocol) => new(
        ExchangeServicePrincipalPresent: Exchange is not null,
        ExchangeServicePrincipalObjectId: Exchange?.ObjectId,
        FullAccess: Mailbox?.FullAccess,
        SendAs: Mailbox?.SendAs,
        ImapEnabled: Mailbox?.ImapEnabled,
        PopEnabled: Mailbox?.PopEnabled,
        SmtpClientAuthenticationDisabledForTenant: TenantSmtpAuthDisabled,
        SmtpClientAuthenticationDisabledForMailbox: Mailbox?.SmtpAuthDisabled,
        RoleConsented: protocol is { } p ? ExchangeRoles.Contains(ExchangeFixes.Role(p)) : ExchangeRoles.Count > 0,
        SecretExpiresOn: SecretExpiresOn);

    /// <summary>Ids for filling fixes in.</summary>
    public DiagnosisFacts Facts(DateTimeOffset now, MailProtocol? protocol = null) => new(now,
        AppId: AppId, ServicePrincipalObjectId: ServicePrincipalId, AppObjectId: App?.ObjectId, Mailbox: Mailbox?.Address ?? RequestedMailbox,
        Protocol: protocol, Setup: ToSetupState(protocol));
}

/// <summary>The app registration: its object id (NOT what Exchange wants), whether public client flows are on, its credentials.</summary>
public sealed record MailAppRegistration(string ObjectId, string DisplayName, bool PublicClientFlows, IReadOnlyList<AppCredentialExpiry> Secrets,
    IReadOnlyList<AppCredentialExpiry> Certificates);

/// <summary>One client secret or certificate: its display name (or hint) and end date.</summary>
public sealed record AppCredentialExpiry(string Name, DateTimeOffset EndsOn);

/// <summary>Exchange's own registration of the app (<c>Get-ServicePrincipal</c>).</summary>
public sealed record ExchangeRegistration(string AppId, string ObjectId, string DisplayName);

/// <summary>
/// The mailbox as Exchange sees it for this app: permissions granted to the app's service principal,
/// protocol switches, and the mailbox's own SMTP AUTH setting (null follows the tenant).
/// </summary>
public sealed record MailboxSetup(string Address, bool FullAccess, bool SendAs, bool ImapEnabled, bool PopEnabled, bool? SmtpAuthDisabled);
