using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// ROPC (<c>grant_type=password</c>): the app sends the user's password. Microsoft advises against
/// it; it cannot do MFA, so a user who needs MFA fails with AADSTS50076 once the password is right.
/// </summary>
internal sealed class PasswordGrant(SandboxTenant tenant, TokenMinter minter) : ITokenGrant
{
    public bool Handles(string grantType) => grantType == "password";

    public JsonObject Issue(TokenRequest request) => tenant.Read(state =>
    {
        var client = ClientAuthentication.Authenticate(request, state, confidentialOnly: false);
        var userName = request.Required("username");
        var password = request.Required("password");
        var scopes = RequestedScopes.Parse(request.Optional("scope"), state.DisplayName);

        var user = state.Users.FirstOrDefault(u => u.UserPrincipalName.Equals(userName, StringComparison.OrdinalIgnoreCase))
            ?? throw EntraErrors.UserNotFound(userName, state.DisplayName);
        if (user.PasswordHash is null || !SecretHash.Matches(password, user.PasswordHash)) throw EntraErrors.WrongPassword();
        if (!user.AccountEnabled) throw EntraErrors.UserDisabled();
        if (user.MfaRequired) throw EntraErrors.MfaRequired(scopes.ResourceIdentifier);

        return DelegatedTokens.Issue(request, state, minter, client, user, scopes);
    });
}
