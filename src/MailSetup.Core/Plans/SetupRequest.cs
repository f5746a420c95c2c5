using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;

namespace MailSetup.Core.Plans;

/// <summary>What the admin asks for; built and checked by <see cref="SetupRequestParser"/>.</summary>
public sealed record SetupRequest(
    AppTarget App,
    IReadOnlyList<Preset> Presets,
    CredentialRequest Credential,
    IReadOnlyList<string> Mailboxes,
    bool SendAs,
    MailboxScoping Scoping,
    Cloud Cloud,
    SmtpAuthScope SmtpAuth = SmtpAuthScope.Mailbox)
{
    /// <summary>How people sign in when the presets have delegated permissions (device code unless the password flow is asked for).</summary>
    public DelegatedFlow DelegatedFlow { get; init; } = DelegatedFlow.DeviceCode;

    /// <summary>
    /// What the app asks for. A public client (device code) holds no credential, so the application permissions a delegated preset
    /// also lists are left out: nothing could use them (<see cref="LeftOutForPublicClient"/>).
    /// </summary>
    public IReadOnlyList<Permission> Permissions =>
        AllPermissions.Where(p => !(PublicClient && p.Kind == PermissionKind.Application)).ToList();

    /// <summary>The application permissions a device-code setup leaves out.</summary>
    public IReadOnlyList<Permission> LeftOutForPublicClient =>
        PublicClient ? AllPermissions.Where(p => p.Kind == PermissionKind.Application).ToList() : [];

    /// <summary>An app people sign in to by device code: public client flows on, no secret or certificate.</summary>
    public bool PublicClient => DelegatedFlow == DelegatedFlow.DeviceCode && AllPermissions.Any(p => p.Kind == PermissionKind.Delegated);

    private IEnumerable<Permission> AllPermissions => Presets.SelectMany(p => p.Permissions).DistinctBy(p => p.QualifiedName);

    public IReadOnlyList<MailProtocol> AppOnlyProtocols =>
        Presets.SelectMany(p => p.AppOnlyProtocols).Distinct().Order().ToList();

    public IReadOnlyList<MailProtocol> DelegatedProtocols =>
        Presets.SelectMany(p => p.DelegatedProtocols).Distinct().Order().ToList();

    public bool HasDelegatedPermissions => Permissions.Any(p => p.Kind == PermissionKind.Delegated);

    /// <summary>Whether anything logs in over SMTP AUTH (as the app or as a user), so SMTP AUTH must be on.</summary>
    public bool LogsInOverSmtp => AppOnlyProtocols.Contains(MailProtocol.Smtp) || DelegatedProtocols.Contains(MailProtocol.Smtp);
}

/// <summary>
/// Where SMTP AUTH is turned on. Per mailbox by default (the mailbox setting wins over the tenant's); tenant-wide only when asked,
/// since that re-opens SMTP AUTH, basic authentication included, for every mailbox.
/// </summary>
public enum SmtpAuthScope
{
    Mailbox,
    Tenant,
}

/// <summary>Create a new app registration, or adopt one that exists.</summary>
public abstract record AppTarget
{
    public sealed record New(string DisplayName) : AppTarget;
    public sealed record Existing(Guid AppId) : AppTarget;
}

/// <summary>How the app proves who it is.</summary>
public abstract record CredentialRequest
{
    public const int DefaultSecretDays = 180;
    public const int MaxSecretDays = 730;
    public const int CertificateDays = 365;

    public sealed record ClientSecret(int LifetimeDays) : CredentialRequest;

    /// <summary>No credential: a public client, which people sign in to by device code.</summary>
    public sealed record None : CredentialRequest;
    public sealed record Certificate(int LifetimeDays) : CredentialRequest;
}

/// <summary>Limiting the app to some mailboxes.</summary>
public abstract record MailboxScoping
{
    public sealed record None : MailboxScoping;

    /// <summary>
    /// Exchange RBAC for Applications: a management scope over a Microsoft 365 group, mail-enabled security group or distribution
    /// list (its direct members).
    /// </summary>
    public sealed record Rbac(string Group) : MailboxScoping;

    /// <summary>Legacy Application Access Policy (Graph and EWS only); Microsoft advises against new ones.</summary>
    public sealed record AccessPolicy(string Group) : MailboxScoping;

    public static MailboxScoping Unscoped { get; } = new None();
}
