using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Graph;

/// <summary>What goes with a deleted object, as in Entra: an app takes its service principal, which takes its consents.</summary>
internal static class DirectoryCascade
{
    public static void DeleteApplication(TenantState state, SandboxApplication app)
    {
        state.Applications.Remove(app);
        foreach (var sp in state.ServicePrincipals.Where(s => DirectoryIds.SameId(s.AppId, app.AppId)).ToList())
            DeleteServicePrincipal(state, sp);
    }

    public static void DeleteServicePrincipal(TenantState state, SandboxServicePrincipal sp)
    {
        state.ServicePrincipals.Remove(sp);
        state.AppRoleAssignments.RemoveAll(a => DirectoryIds.SameId(a.PrincipalId, sp.Id) || DirectoryIds.SameId(a.ResourceId, sp.Id));
        state.PermissionGrants.RemoveAll(g => DirectoryIds.SameId(g.ClientId, sp.Id) || DirectoryIds.SameId(g.ResourceId, sp.Id));
    }
}
