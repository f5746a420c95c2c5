namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// Where each service of the sandbox answers. Everything is on one HTTPS host, laid out like the
/// real services' paths, so clients only swap host names.
/// </summary>
public sealed record SandboxEndpoints(string BaseAddress, string TenantId)
{
    /// <summary>Microsoft Graph v1.0 base URL (what <c>GraphServiceClient</c> takes as its base URL).</summary>
    public string GraphBaseUrl => BaseAddress + "/v1.0";

    /// <summary>The authority host for Azure.Identity (<c>AuthorityHost</c>), with a trailing slash as it expects.</summary>
    public string AuthorityHost => BaseAddress + "/";

    /// <summary>The tenant's login authority: authority host plus tenant id.</summary>
    public string LoginAuthority => BaseAddress + "/" + TenantId;

    public string TokenEndpoint => LoginAuthority + "/oauth2/v2.0/token";

    public string DeviceCodeEndpoint => LoginAuthority + "/oauth2/v2.0/devicecode";

    /// <summary>Exchange Online's admin API (InvokeCommand), as ExchangeOnlineManagement v3 calls it.</summary>
    public string ExchangeAdminApiUrl => $"{BaseAddress}/adminapi/beta/{TenantId}/InvokeCommand";
}
