using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>Objects that exist more than once in the sandbox tenant, where a setup should make each once.</summary>
public static class TenantDuplicates
{
    public static IReadOnlyList<string> Find(SandboxTenant tenant) => tenant.Read(s =>
    {
        var found = new List<string>();
        void Check<T>(string what, IEnumerable<T> items, Func<T, string> key) =>
            found.AddRange(
                items.GroupBy(key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"{what} {g.Key} x{g.Count()}"));

        Check("application", s.Applications, a => a.DisplayName);
        Check("service principal", s.ServicePrincipals, p => p.AppId);
        Check("password", s.Applications.SelectMany(a => a.PasswordCredentials.Select(p => (a.AppId, p.DisplayName))),
            p => $"{p.AppId}/{p.DisplayName}");
        Check("key", s.Applications.SelectMany(a => a.KeyCredentials.Select(k => (a.AppId, k.DisplayName))), k => $"{k.AppId}/{k.DisplayName}");
        Check("app role assignment", s.AppRoleAssignments, a => $"{a.PrincipalId}/{a.ResourceId}/{a.AppRoleId}");
        Check("permission grant", s.PermissionGrants, g => $"{g.ClientId}/{g.ResourceId}");
        Check("exchange service principal", s.Exchange.ServicePrincipals, p => p.AppId);
        Check("mailbox permission", s.Exchange.MailboxPermissions, p => $"{p.Identity}/{p.User}");
        Check("recipient permission", s.Exchange.RecipientPermissions, p => $"{p.Identity}/{p.Trustee}");
        Check("management scope", s.Exchange.ManagementScopes, m => m.Name);
        Check("role assignment", s.Exchange.ManagementRoleAssignments, r => $"{r.App}/{r.Role}");
        Check("access policy", s.Exchange.ApplicationAccessPolicies, p => p.AppId);
        return found;
    });
}
