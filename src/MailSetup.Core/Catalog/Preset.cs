namespace MailSetup.Core.Catalog;

/// <summary>
/// A setup scenario: the permissions it needs, the procedure it follows, and what the Exchange side must do.
/// <see cref="AppOnlyProtocols"/> are the protocols the app logs in to as itself (client
/// credentials): those need the app registered in Exchange and FullAccess on each mailbox.
/// </summary>
public sealed record Preset(
    string Name,
    string Summary,
    IReadOnlyList<Permission> Permissions,
    string Procedure,
    IReadOnlyList<MailProtocol> AppOnlyProtocols,
    IReadOnlyList<MailProtocol> DelegatedProtocols)
{
    /// <summary>Only application permissions: a daemon, which needs no delegated User.Read.</summary>
    public bool IsAppOnly => Permissions.All(p => p.Kind == PermissionKind.Application);
}
