using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// The end of every user grant (device code, password, refresh token): the permissions asked for
/// must exist and be consented (for all users, or for this one), then the tokens are written.
/// </summary>
internal static class DelegatedTokens
{
    public static JsonObject Issue(TokenRequest request, TenantState state, TokenMinter minter, AuthenticatedClient client, SandboxUser user,
        RequestedScopes scopes)
    {
        var resource = ResourcePrincipals.Find(state, scopes);
        ResourcePrincipals.CheckDelegatedPermissionsExist(resource, scopes);

        var granted = Consent.Scopes(state, client.ServicePrincipal, resource, user);
        var missing = scopes.IsDefault
            ? granted.Count == 0
            : scopes.Permissions.Any(p => !granted.Contains(p, StringComparer.OrdinalIgnoreCase));
        if (missing) throw EntraErrors.ConsentRequired(client.Application.AppId, client.Application.DisplayName);

        return minter.Delegated(request, state, client, scopes, user, granted);
    }
}
