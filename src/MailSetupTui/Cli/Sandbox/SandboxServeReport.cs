using System.Security.Cryptography;
using System.Text.Json.Nodes;
using MailSetup.Core.Mail.Connection;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.Mail;
using MailSetup.Sandbox.State;

namespace MailSetupTui.Cli;

/// <summary>
/// The one JSON object <c>mailsetup sandbox serve</c> prints: where each service answers, the
/// certificate to trust (PEM), the mail servers, the seeded admin's sandbox credentials (never real ones), and
/// the secret that approves device codes over HTTP. Those credentials are the local sandbox's only, and this
/// line on stdout is the one place they are written.
/// </summary>
internal static class SandboxServeReport
{
    public static string Json(SandboxHost host, SandboxStateStore store, SandboxMailServers mail, string mailCertificateFile)
    {
        var mailServers = new JsonObject();
        foreach (var endpoint in mail.Endpoints)
        {
            mailServers[endpoint.Protocol.ToString().ToLowerInvariant()] = new JsonObject
            {
                ["host"] = endpoint.Host,
                ["port"] = endpoint.Port,
                ["tls"] = endpoint.Tls == TlsMode.Implicit ? "implicit" : "starttls",
                ["url"] = endpoint.CurlUrl,
            };
        }
        mailServers["certificateFile"] = mailCertificateFile;
        mailServers["certificateSha256"] = mail.Certificate.GetCertHashString(HashAlgorithmName.SHA256);
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
            ["deviceCodeApprovalUrl"] = host.BaseAddress + "/sandbox/devicecode/approve",
            ["approvalSecret"] = host.DeviceApprovalSecret,
            ["exchangeAdminApiUrl"] = endpoints.ExchangeAdminApiUrl,
            ["certificatePem"] = certificate.ExportCertificatePem(),
            ["certificateSha256"] = certificate.GetCertHashString(HashAlgorithmName.SHA256),
            ["credentials"] = new JsonObject
            {
                ["username"] = TenantSeed.AdminAddress,
                ["password"] = TenantSeed.SandboxPassword,
            },
            ["mail"] = mailServers,
            ["stateFile"] = store.Path,
        }.ToJsonString();
    }

    /// <summary>The mail servers in a line a person can act on (stderr; stdout stays one JSON object).</summary>
    public static string MailText(SandboxMailServers mail, string certificateFile) =>
        $"mailsetup: mail servers on {mail.Host}: IMAP {mail.ImapPort} (TLS), POP {mail.PopPort} (TLS), SMTP {mail.SmtpPort} (STARTTLS), " +
        $"XOAUTH2/OAUTHBEARER with sandbox tokens; trust the certificate in {certificateFile}.";
}
