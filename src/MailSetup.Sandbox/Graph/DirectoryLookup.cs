using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Graph;

/// <summary>Finds directory objects by id, answering Graph's errors for bad or unknown ids.</summary>
internal static class DirectoryLookup
{
    public static SandboxApplication Application(TenantState state, string id)
    {
        id = DirectoryIds.Require(id);
        return state.Applications.FirstOrDefault(a => DirectoryIds.SameId(a.Id, id)) ?? throw GraphException.NotFound(id);
    }

    public static SandboxApplication ApplicationByAppId(TenantState state, string appId) =>
        state.Applications.FirstOrDefault(a => DirectoryIds.SameId(a.AppId, appId)) ?? throw GraphException.NotFound(appId);

    public static SandboxServicePrincipal ServicePrincipal(TenantState state, string id)
    {
        id = DirectoryIds.Require(id);
        return state.ServicePrincipals.FirstOrDefault(s => DirectoryIds.SameId(s.Id, id)) ?? throw GraphException.NotFound(id);
    }

    public static SandboxServicePrincipal ServicePrincipalByAppId(TenantState state, string appId) =>
        state.ServicePrincipals.FirstOrDefault(s => DirectoryIds.SameId(s.AppId, appId)) ?? throw GraphException.NotFound(appId);

    /// <summary>A user by object id or user principal name, as <c>/users/{id | userPrincipalName}</c> takes.</summary>
    public static SandboxUser User(TenantState state, string idOrUpn)
    {
        var byId = Guid.TryParse(idOrUpn, out var guid);
        return state.Users.FirstOrDefault(u => byId
                   ? DirectoryIds.SameId(u.Id, guid.ToString())
                   : u.UserPrincipalName.Equals(idOrUpn, StringComparison.OrdinalIgnoreCase))
               ?? throw GraphException.NotFound(idOrUpn);
    }

    public static SandboxGroup Group(TenantState state, string id)
    {
        id = DirectoryIds.Require(id);
        return state.Groups.FirstOrDefault(g => DirectoryIds.SameId(g.Id, id)) ?? throw GraphException.NotFound(id);
    }

    /// <summary>The display name and type of a principal that can hold an app role (service principal, user, group).</summary>
    public static (string DisplayName, string Type) Principal(TenantState state, string id)
    {
        if (state.ServicePrincipals.FirstOrDefault(s => DirectoryIds.SameId(s.Id, id)) is { } sp) return (sp.DisplayName, "ServicePrincipal");
        if (state.Users.FirstOrDefault(u => DirectoryIds.SameId(u.Id, id)) is { } user) return (user.DisplayName, "User");
        if (state.Groups.FirstOrDefault(g => DirectoryIds.SameId(g.Id, id)) is { } group) return (group.DisplayName, "Group");
        throw GraphException.NotFound(id);
    }
}
