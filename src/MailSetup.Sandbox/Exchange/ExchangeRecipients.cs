using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Exchange;

/// <summary>
/// Resolves the identities cmdlets take, the way Exchange does: a mailbox or group by address, UPN,
/// alias, display name or object id; a trustee by registered service principal (object id, app id,
/// display name) or by mailbox.
/// </summary>
internal static class ExchangeRecipients
{
    public static SandboxUser Mailbox(TenantState state, string identity) =>
        FindMailbox(state, identity) ?? throw ExchangeException.NotFound(identity);

    public static SandboxUser? FindMailbox(TenantState state, string identity)
    {
        identity = identity.Trim();
        return state.Users.FirstOrDefault(u =>
            Same(u.Mail, identity) || Same(u.UserPrincipalName, identity) || Same(u.Id, identity)
            || Same(Alias(u.Mail), identity) || Same(u.DisplayName, identity));
    }

    public static SandboxGroup Group(TenantState state, string identity)
    {
        identity = identity.Trim();
        return state.Groups.FirstOrDefault(g =>
                   (g.Mail is not null && (Same(g.Mail, identity) || Same(Alias(g.Mail), identity)))
                   || Same(g.DisplayName, identity) || Same(g.Id, identity) || Same(g.DistinguishedName, identity))
               ?? throw ExchangeException.NotFound(identity);
    }

    /// <summary>A service principal registered with New-ServicePrincipal.</summary>
    public static ExchangeServicePrincipal? FindServicePrincipal(TenantState state, string identity)
    {
        identity = identity.Trim();
        return state.Exchange.ServicePrincipals.FirstOrDefault(s =>
            Same(s.Identity, identity) || Same(s.ObjectId, identity) || Same(s.AppId, identity) || Same(s.DisplayName, identity));
    }

    public static ExchangeServicePrincipal ServicePrincipal(TenantState state, string identity) =>
        FindServicePrincipal(state, identity) ?? throw ExchangeException.NotFound(identity);

    /// <summary>
    /// The trustee of a permission, as stored: a service principal's object id, or a mailbox's UPN.
    /// Exchange knows only service principals registered with it, so an unregistered app is "not found".
    /// </summary>
    public static string Trustee(TenantState state, string identity)
    {
        if (FindServicePrincipal(state, identity) is { } sp) return sp.ObjectId;
        if (FindMailbox(state, identity) is { } user) return user.UserPrincipalName;
        throw ExchangeException.UserNotFound(identity);
    }

    /// <summary>Whether a stored trustee is the one <paramref name="identity"/> names (by any of its names).</summary>
    public static bool IsTrustee(TenantState state, string stored, string identity)
    {
        if (Same(stored, identity)) return true;
        if (FindServicePrincipal(state, identity) is { } sp) return Same(sp.ObjectId, stored);
        return FindMailbox(state, identity) is { } user && Same(user.UserPrincipalName, stored);
    }

    public static string Alias(string address) => address.Split('@')[0];

    public static bool Same(string? a, string? b) => a is not null && b is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);
}
