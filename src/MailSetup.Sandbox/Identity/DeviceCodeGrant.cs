using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// Polling with a device code: <c>authorization_pending</c> until a person approves the user code,
/// then the user's tokens, once. The app needs "Allow public client flows" (or a secret).
/// </summary>
internal sealed class DeviceCodeGrant(SandboxTenant tenant, TokenMinter minter) : ITokenGrant
{
    public const string DeviceCodeGrantType = "urn:ietf:params:oauth:grant-type:device_code";

    /// <summary>RFC 8628's name, and the short form <c>device_code</c> that MSAL sends to Entra.</summary>
    public bool Handles(string grantType) => grantType is DeviceCodeGrantType or "device_code";

    // A change that throws is not saved and changes nothing first: polls that wait write nothing.
    public JsonObject Issue(TokenRequest request) => tenant.Change(state =>
    {
        var client = ClientAuthentication.Authenticate(request, state, confidentialOnly: false);
        var hash = SecretHash.Of(request.Required("device_code"));
        var entry = state.DeviceCodes.FirstOrDefault(c => c.DeviceCodeHash == hash &&
                                                          c.ClientAppId.Equals(client.Application.AppId, StringComparison.OrdinalIgnoreCase))
            ?? throw EntraErrors.InvalidGrant("the device code is unknown or was already used");
        if (entry.ExpiresDateTime <= request.Now) throw EntraErrors.DeviceCodeExpired();
        if (entry.ApprovedUserId is null) throw EntraErrors.AuthorizationPending();

        var user = state.Users.FirstOrDefault(u => u.Id == entry.ApprovedUserId)
            ?? throw EntraErrors.InvalidGrant("the user who approved the code no longer exists");
        var answer = DelegatedTokens.Issue(request, state, minter, client, user, RequestedScopes.Parse(entry.Scope, state.DisplayName));
        state.DeviceCodes.Remove(entry);
        return answer;
    });
}
