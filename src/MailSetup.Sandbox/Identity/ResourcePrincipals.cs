using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>The resource service principal a request's scopes name, and whether it has the permissions asked for.</summary>
internal static class ResourcePrincipals
{
    public static SandboxServicePrincipal Find(TenantState state, RequestedScopes scopes) =>
        state.ServicePrincipals.FirstOrDefault(sp => sp.AppId.Equals(scopes.ResourceAppId, StringComparison.OrdinalIgnoreCase))
        ?? throw EntraErrors.ResourceNotFound(scopes.ResourceIdentifier, state.DisplayName);

    /// <summary>Named delegated permissions must exist on the resource (AADSTS70011 otherwise); <c>.default</c> always does.</summary>
    public static void CheckDelegatedPermissionsExist(SandboxServicePrincipal resource, RequestedScopes scopes)
    {
        if (scopes.IsDefault) return;
        var unknown = scopes.Permissions.FirstOrDefault(p =>
            !resource.Oauth2PermissionScopes.Any(s => s.Value.Equals(p, StringComparison.OrdinalIgnoreCase)));
        if (unknown is not null) throw EntraErrors.InvalidScope($"{scopes.ResourceIdentifier}/{unknown}");
    }
}
