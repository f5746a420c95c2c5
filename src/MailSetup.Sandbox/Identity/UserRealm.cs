using System.Text.Json.Nodes;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// Home realm discovery (<c>GET /common/userrealm/{user}</c>): MSAL asks it before a password
/// sign-in, to learn whether the user's domain is managed by Entra (send the password to the token
/// endpoint) or federated (talk WS-Trust to the federation server). Sandbox domains are managed.
/// </summary>
internal static class UserRealm
{
    public static JsonObject Describe(TenantState state, string userName)
    {
        var at = userName.LastIndexOf('@');
        var domain = at < 0 ? "" : userName[(at + 1)..];
        var managed = state.Domains.Any(d => d.Equals(domain, StringComparison.OrdinalIgnoreCase));
        var answer = new JsonObject
        {
            ["ver"] = "1.0",
            ["account_type"] = managed ? "Managed" : "Unknown",
            ["cloud_instance_name"] = "microsoftonline.com",
            ["cloud_audience_urn"] = "urn:federation:MicrosoftOnline",
        };
        if (managed)
        {
            answer["domain_name"] = domain.ToLowerInvariant();
            answer["federation_brand_name"] = state.DisplayName;
        }
        return answer;
    }
}
