using Microsoft.AspNetCore.Http;

namespace MailSetup.Sandbox.Identity;

/// <summary>One request to the token or devicecode endpoint: its form, tenant and time.</summary>
internal sealed record TokenRequest(IFormCollection Form, TenantSegment Tenant, DateTimeOffset Now, string Authority)
{
    public string? Optional(string name) =>
        Form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;

    public string Required(string name) => Optional(name) ?? throw EntraErrors.MissingParameter(name);

    /// <summary>MSAL asks for <c>client_info</c> (uid and utid), which it needs to keep an account.</summary>
    public bool WantsClientInfo => Optional("client_info") == "1";
}
