using MailSetup.Core.Catalog;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Hosting;

/// <summary>An app registration of the sandbox that holds Exchange mail permissions (application or delegated).</summary>
public sealed record SandboxMailApp(string AppId, string ObjectId, string DisplayName, DateTimeOffset Created);

/// <summary>Finds the apps a diagnosis can be about: those consented any Exchange Online permission, newest first.</summary>
public static class SandboxMailApps
{
    public static IReadOnlyList<SandboxMailApp> List(SandboxTenant tenant) => tenant.Read(state =>
    {
        var exchange = state.ServicePrincipals.FirstOrDefault(sp => sp.AppId == ApiResource.ExchangeOnline.AppId)?.Id;
        var consented = state.AppRoleAssignments.Where(a => a.ResourceId == exchange).Select(a => a.PrincipalId)
            .Concat(state.PermissionGrants.Where(g => g.ResourceId == exchange).Select(g => g.ClientId))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (IReadOnlyList<SandboxMailApp>)state.Applications
            .Where(app => state.ServicePrincipals.Any(sp => sp.AppId == app.AppId && consented.Contains(sp.Id)))
            .OrderByDescending(app => app.CreatedDateTime)
            .Select(app => new SandboxMailApp(app.AppId, app.Id, app.DisplayName, app.CreatedDateTime))
            .ToList();
    });
}
