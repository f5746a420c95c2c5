namespace MailSetup.Core.Catalog;

/// <summary>
/// One permission of the offline catalog. <see cref="Id"/> is the fallback: plans resolve the real
/// id from the resource's service principal at run time. <see cref="CommunitySourced"/> marks ids
/// Microsoft does not publish. <see cref="ExchangeRbacRole"/> is the Exchange "RBAC for
/// Applications" role that can grant the same right scoped to some mailboxes, where one exists.
/// </summary>
public sealed record Permission(
    ApiResource Resource,
    string Name,
    PermissionKind Kind,
    Guid Id,
    bool AdminConsentRequired,
    bool CommunitySourced,
    string? ExchangeRbacRole = null)
{
    /// <summary>Unambiguous name: <c>exo:IMAP.AccessAsApp</c>, <c>graph:Mail.Send</c>.</summary>
    public string QualifiedName => $"{Resource.Key}:{Name}";

    /// <summary>What Entra calls the kind in requiredResourceAccess (<c>Role</c> or <c>Scope</c>).</summary>
    public string EntraType => Kind == PermissionKind.Application ? "Role" : "Scope";

    public override string ToString() => $"{Resource.DisplayName} {Name} ({Kind.ToString().ToLowerInvariant()})";
}
