using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// Writes the tokens of a successful answer: v1 access tokens as Exchange and Graph get them
/// (issuer sts.windows.net), and for a signed-in user a v2 id token, client_info and a refresh
/// token, which MSAL needs to keep an account and renew silently.
/// </summary>
internal sealed class TokenMinter(SandboxSigningKeys keys)
{
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>Entra ends refresh tokens unused for 90 days (AADSTS700082).</summary>
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(90);

    private const string RefreshTokenType = "sandbox-refresh";

    public static string Issuer(string tenantId) => $"https://sts.windows.net/{tenantId}/";

    /// <summary>A client credentials answer: roles are exactly the app roles assigned to the client on the resource.</summary>
    public JsonObject AppOnly(TokenRequest request, TenantState state, AuthenticatedClient client, RequestedScopes scopes,
        IReadOnlyList<string> roles)
    {
        var claims = AccessTokenClaims(request, state, client, scopes);
        claims["idtyp"] = "app";
        claims["oid"] = client.ServicePrincipal.Id;
        claims["sub"] = client.ServicePrincipal.Id;
        if (roles.Count > 0) claims["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray());
        return Answer(Sign(claims), scopes.Scope);
    }

    /// <summary>A delegated answer for <paramref name="user"/>; <c>scp</c> is every scope granted on the resource.</summary>
    public JsonObject Delegated(TokenRequest request, TenantState state, AuthenticatedClient client, RequestedScopes scopes, SandboxUser user,
        IReadOnlyList<string> granted)
    {
        var claims = AccessTokenClaims(request, state, client, scopes);
        claims["idtyp"] = "user";
        claims["oid"] = user.Id;
        claims["sub"] = PairwiseSubject(user, client);
        claims["scp"] = string.Join(' ', granted);
        claims["upn"] = user.UserPrincipalName;
        claims["unique_name"] = user.UserPrincipalName;
        claims["preferred_username"] = user.UserPrincipalName;
        claims["name"] = user.DisplayName;
        // Entra lists the user's directory roles by template id in wids (the UI names the admin's roles from it).
        var roleIds = user.DirectoryRoles.Select(AdminRoles.TemplateIdOf).OfType<string>().ToArray();
        if (roleIds.Length > 0) claims["wids"] = new JsonArray(roleIds.Select(id => (JsonNode)id).ToArray());

        var answer = Answer(Sign(claims),
            string.Join(' ', granted.Select(s => $"{scopes.ResourceIdentifier}/{s}")));
        answer["id_token"] = IdToken(request, state, client, user);
        if (request.WantsClientInfo) answer["client_info"] = ClientInfo(state, user);
        if (scopes.OfflineAccess) answer["refresh_token"] = RefreshToken(request, state, client, user);
        return answer;
    }

    /// <summary>The user a refresh token was issued to, after checking it is ours, this client's, and alive.</summary>
    public SandboxUser RedeemRefreshToken(string refreshToken, TokenRequest request, TenantState state, AuthenticatedClient client)
    {
        if (!Jws.TryDecode(refreshToken, out var token) || !keys.Verify(token) || token.String("typ") != RefreshTokenType ||
            token.String("tid") != state.TenantId)
            throw EntraErrors.InvalidGrant("the refresh token was not issued by this tenant");
        if (!string.Equals(token.String("appid"), client.Application.AppId, StringComparison.OrdinalIgnoreCase))
            throw EntraErrors.InvalidGrant("the refresh token was issued to another client");
        if (token.Seconds("exp") is not { } expires || DateTimeOffset.FromUnixTimeSeconds(expires) <= request.Now)
            throw EntraErrors.RefreshTokenExpired();
        var user = state.Users.FirstOrDefault(u => u.Id == token.String("uid"))
            ?? throw EntraErrors.InvalidGrant("the user of the refresh token no longer exists");
        if (!user.AccountEnabled) throw EntraErrors.UserDisabled();
        return user;
    }

    private static JsonObject AccessTokenClaims(TokenRequest request, TenantState state, AuthenticatedClient client, RequestedScopes scopes)
    {
        var now = request.Now.ToUnixTimeSeconds();
        return new JsonObject
        {
            ["aud"] = scopes.ResourceIdentifier,
            ["iss"] = Issuer(state.TenantId),
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = (request.Now + AccessTokenLifetime).ToUnixTimeSeconds(),
            ["app_displayname"] = client.Application.DisplayName,
            ["appid"] = client.Application.AppId,
            ["azp"] = client.Application.AppId,
            ["appidacr"] = ((int)client.Proof).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tid"] = state.TenantId,
            ["uti"] = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
            ["ver"] = "1.0",
        };
    }

    private string IdToken(TokenRequest request, TenantState state, AuthenticatedClient client, SandboxUser user)
    {
        var now = request.Now.ToUnixTimeSeconds();
        return Sign(new JsonObject
        {
            ["aud"] = client.Application.AppId,
            ["iss"] = $"{request.Authority}/{state.TenantId}/v2.0",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = (request.Now + AccessTokenLifetime).ToUnixTimeSeconds(),
            ["name"] = user.DisplayName,
            ["oid"] = user.Id,
            ["preferred_username"] = user.UserPrincipalName,
            ["sub"] = PairwiseSubject(user, client),
            ["tid"] = state.TenantId,
            ["ver"] = "2.0",
        });
    }

    private string RefreshToken(TokenRequest request, TenantState state, AuthenticatedClient client, SandboxUser user) => Sign(new JsonObject
    {
        ["typ"] = RefreshTokenType,
        ["tid"] = state.TenantId,
        ["appid"] = client.Application.AppId,
        ["uid"] = user.Id,
        ["iat"] = request.Now.ToUnixTimeSeconds(),
        ["exp"] = (request.Now + RefreshTokenLifetime).ToUnixTimeSeconds(),
        ["jti"] = Guid.NewGuid().ToString(),
    });

    /// <summary>MSAL's account key: base64url JSON of the user's object id and home tenant.</summary>
    private static string ClientInfo(TenantState state, SandboxUser user) =>
        Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["uid"] = user.Id, ["utid"] = state.TenantId }));

    /// <summary>Entra's <c>sub</c> differs per app for the same user; derive it the same way.</summary>
    private static string PairwiseSubject(SandboxUser user, AuthenticatedClient client) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(user.Id + "/" + client.Application.AppId)));

    private string Sign(JsonObject claims) => keys.Sign(new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256" }, claims);

    private static JsonObject Answer(string accessToken, string scope)
    {
        var lifetime = (long)AccessTokenLifetime.TotalSeconds;
        return new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = scope,
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = accessToken,
        };
    }
}
