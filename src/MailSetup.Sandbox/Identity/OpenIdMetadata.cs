using System.Text.Json.Nodes;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// The v2 OpenID Connect discovery document, for clients that look endpoints up rather than build
/// them (MSAL with instance discovery off builds them, but validators and other tools read it).
/// </summary>
internal static class OpenIdMetadata
{
    public static JsonObject Document(string authority, string tenantId, string tenantSegment) => new()
    {
        ["issuer"] = $"{authority}/{tenantId}/v2.0",
        ["token_endpoint"] = $"{authority}/{tenantSegment}/oauth2/v2.0/token",
        ["device_authorization_endpoint"] = $"{authority}/{tenantSegment}/oauth2/v2.0/devicecode",
        ["jwks_uri"] = $"{authority}/{tenantSegment}/discovery/v2.0/keys",
        ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "private_key_jwt"),
        ["grant_types_supported"] = new JsonArray("client_credentials", "password", "refresh_token", DeviceCodeGrant.DeviceCodeGrantType),
        ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "id_token token"),
        ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
        ["subject_types_supported"] = new JsonArray("pairwise"),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["tenant_region_scope"] = "NA",
        ["cloud_instance_name"] = "microsoftonline.com",
    };
}
