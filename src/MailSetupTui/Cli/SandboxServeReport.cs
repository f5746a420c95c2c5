using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;

namespace MailSetupTui.Cli;

/// <summary>
/// The one JSON object <c>mailsetup sandbox serve</c> prints: where each service answers, the
/// certificate to trust (PEM), and the seeded admin's sandbox credentials (never real ones).
/// </summary>
internal static class SandboxServeReport
{
    public static string Json(SandboxHost host, SandboxStateStore store)
    {
        var endpoints = host.Endpoints;
        var certificate = host.Certificate!;
        return new JsonObject
        {
            ["tenantId"] = host.Tenant.TenantId,
            ["domain"] = host.Tenant.DefaultDomain,
            ["baseAddress"] = host.BaseAddress,
            ["graphBaseUrl"] = endpoints.GraphBaseUrl,
            ["authorityHost"] = endpoints.AuthorityHost,
            ["loginAuthority"] = endpoints.LoginAuthority,
            ["tokenEndpoint"] = endpoints.TokenEndpoint,
            ["deviceCodeEndpoint"] = endpoints.DeviceCodeEndpoint,
            ["exchangeAdminApiUrl"] = endpoints.ExchangeAdminApiUrl,
            ["certificatePem"] = certificate.ExportCertificatePem(),
            ["certificateSha256"] = certificate.GetCertHashString(HashAlgorithmName.SHA256),
            ["credentials"] = new JsonObject
            {
                ["username"] = TenantSeed.AdminAddress,
                ["password"] = TenantSeed.SandboxPassword,
            },
            ["stateFile"] = store.Path,
        }.ToJsonString();
    }
}
