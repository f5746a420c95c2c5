using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>App-only tokens: a confidential client asks for <c>{resource}/.default</c> and gets the roles consented to it.</summary>
internal sealed class ClientCredentialsGrant(SandboxTenant tenant, TokenMinter minter) : ITokenGrant
{
    public bool Handles(string grantType) => grantType == "client_credentials";

    public JsonObject Issue(TokenRequest request) => tenant.Read(state =>
    {
        var client = ClientAuthentication.Authenticate(request, state, confidentialOnly: true);
        var scopes = RequestedScopes.Parse(request.Optional("scope"), state.DisplayName);
        if (!scopes.IsDefault) throw EntraErrors.ClientCredentialsNeedDefault(scopes.Scope);
        var resource = ResourcePrincipals.Find(state, scopes);
        return minter.AppOnly(request, state, client, scopes, Consent.AppRoles(state, client.ServicePrincipal, resource));
    });
}
