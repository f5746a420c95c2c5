using MailSetup.Core.Catalog;
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

    /// <summary>
    /// Delegated scopes granted to the client on the resource for everyone, or for this user. Entra lists
    /// Exchange's mail scopes under Microsoft Graph too (the portal's way to add them), and consent given
    /// there serves tokens asked for with the Exchange prefix; the other way round it does not.
    /// </summary>
    public static IReadOnlyList<string> Scopes(TenantState state, SandboxServicePrincipal client, SandboxServicePrincipal resource, SandboxUser user)
    {
        var granted = Granted(state, client, resource.Id, user);
        if (resource.AppId != ApiResource.ExchangeOnline.AppId) return granted;
        var graph = state.ServicePrincipals.FirstOrDefault(sp => sp.AppId == ApiResource.MicrosoftGraph.AppId);
        if (graph is null) return granted;
        return granted.Concat(Granted(state, client, graph.Id, user).Where(s => MailScopesAlsoOnGraph.Contains(s, StringComparer.OrdinalIgnoreCase)))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static readonly string[] MailScopesAlsoOnGraph = ["IMAP.AccessAsUser.All", "POP.AccessAsUser.All", "SMTP.Send"];

    private static List<string> Granted(TenantState state, SandboxServicePrincipal client, string resourceId, SandboxUser user) =>
        state.PermissionGrants
            .Where(g => g.ClientId == client.Id && g.ResourceId == resourceId)
            .Where(g => g.ConsentType == "AllPrincipals" || (g.ConsentType == "Principal" && g.PrincipalId == user.Id))
            .SelectMany(g => g.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
