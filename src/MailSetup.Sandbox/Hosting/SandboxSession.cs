using Azure.Core;
using Azure.Identity;
using MailSetup.Core.Clouds;
using MailSetup.Core.Execution;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Identity;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// The sandbox as a tenant to work on: an in-process host that checks tokens as Microsoft does, and
/// the product's own clients signed in to it exactly as to a real tenant (device code, with the
/// sandbox's admin approving the code in place of a person). The global cloud's real host names
/// are kept; only the HTTP handler leads to the sandbox.
/// </summary>
public sealed class SandboxSession : IAsyncDisposable
{
    private SandboxSession(SandboxHost host, TenantClients clients, TokenCredential admin, string signedInAs)
    {
        Host = host;
        Clients = clients;
        Admin = admin;
        SignedInAs = signedInAs;
    }

    public SandboxHost Host { get; }
    public TenantClients Clients { get; }

    /// <summary>The admin's credential, whose (cached) tokens say who signed in, as on a real tenant.</summary>
    public TokenCredential Admin { get; }
    public string SignedInAs { get; }
    public SandboxTenant Tenant => Host.Tenant;
    public static Cloud Cloud => CloudCatalog.Global;

    public static SandboxSession Open(SandboxTenant tenant, Func<string, Task>? status = null, SandboxHostOptions? options = null)
    {
        var host = SandboxHost.CreateInMemory(tenant, (options ?? new SandboxHostOptions()) with
        {
            ConfigureServices = services =>
            {
                services.AddSandboxTokenValidation();
                options?.ConfigureServices?.Invoke(services);
            },
        });
        var admin = TenantSeed.AdminAddress;
        var credential = new SignInCredentialFactory(host.CreateHandler()).Create(
            new SignInOptions { Cloud = Cloud, Tenant = tenant.TenantId, Kind = SignInKind.Device, ClientId = SandboxAdminClient.AppId },
            async (code, _) =>
            {
                if (status is not null) await status(
                    $"sandbox sign-in: code {code.UserCode} at {code.VerificationUri}, approved by the sandbox as {admin}");
                new SandboxDeviceCodes(tenant).Approve(code.UserCode, admin);
            });
        var clients = new TenantClients(credential, Cloud, tenant.TenantId, host.CreateHandler(), exchangeExperimental: false);
        return new SandboxSession(host, clients, credential, admin);
    }

    public async ValueTask DisposeAsync()
    {
        Clients.Dispose();
        await Host.DisposeAsync();
    }
}
