using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>What the tenant has consented to for a client on a resource, as tokens report it.</summary>
internal static class Consent
{
    /// <summary>The values of the app roles assigned to the client's service principal on the resource (admin consent).</summary>
    public static IReadOnlyList<string> AppRoles(TenantState state, SandboxServicePrincipal client, SandboxServicePrincipal resource) =>
        state.AppRoleAssignments
            .Where(a => a.PrincipalId == client.Id && a.ResourceId == resource.Id)
            .Select(a => resource.AppRoles.FirstOrDefault(r => r.Id.Equals(a.AppRoleId, StringComparison.OrdinalIgnoreCase))?.Value)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Delegated scopes granted to the client on the resource for everyone, or for this user.</summary>
    public static IReadOnlyList<string> Scopes(TenantState state, SandboxServicePrincipal client, SandboxServicePrincipal resource, SandboxUser user) =>
        state.PermissionGrants
            .Where(g => g.ClientId == client.Id && g.ResourceId == resource.Id)
            .Where(g => g.ConsentType == "AllPrincipals" || (g.ConsentType == "Principal" && g.PrincipalId == user.Id))
            .SelectMany(g => g.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
