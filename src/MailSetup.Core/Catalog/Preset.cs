namespace MailSetup.Core.Catalog;

/// <summary>
/// A scenario from the seeds: the permissions it needs and what the Exchange side must do.
/// <see cref="AppOnlyProtocols"/> are the protocols the app logs in to as itself (client
/// credentials): those need the app registered in Exchange and FullAccess on each mailbox.
/// </summary>
public sealed record Preset(
    string Name,
    string Summary,
    IReadOnlyList<Permission> Permissions,
    IReadOnlyList<string> Seeds,
    IReadOnlyList<MailProtocol> AppOnlyProtocols,
    IReadOnlyList<MailProtocol> DelegatedProtocols)
{
    /// <summary>Only application permissions: a daemon, which needs no delegated User.Read (seed 001).</summary>
    public bool IsAppOnly => Permissions.All(p => p.Kind == PermissionKind.Application);
}
