using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// A refresh token buys an access token for any resource the user and app are consented to: this
/// is how MSAL gets the Exchange token silently after a Graph sign-in.
/// </summary>
internal sealed class RefreshTokenGrant(SandboxTenant tenant, TokenMinter minter) : ITokenGrant
{
    public bool Handles(string grantType) => grantType == "refresh_token";

    public JsonObject Issue(TokenRequest request) => tenant.Read(state =>
    {
        var client = ClientAuthentication.Authenticate(request, state, confidentialOnly: false);
        var user = minter.RedeemRefreshToken(request.Required("refresh_token"), request, state, client);
        var scopes = RequestedScopes.Parse(request.Optional("scope"), state.DisplayName);
        return DelegatedTokens.Issue(request, state, minter, client, user, scopes);
    });
}
