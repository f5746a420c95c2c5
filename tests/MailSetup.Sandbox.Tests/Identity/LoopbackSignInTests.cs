using Azure.Core;
using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Identity.Support;

namespace MailSetup.Sandbox.Tests.Identity;

/// <summary>The same sign-in over real TLS on a loopback port, as <c>--sandbox</c> runs it.</summary>
public sealed class LoopbackSignInTests
{
    [Fact]
    public async Task A_login_host_override_with_a_port_reaches_the_sandbox_over_https()
    {
        var tenant = SandboxTenant.CreateSeeded(TimeProvider.System, new TenantSeedOptions { UserMailboxes = 1 });
        await using var host = await SandboxHost.StartAsync(tenant);
        var app = TenantSetup.AddApp(tenant, "Mail Relay");
        TenantSetup.AddSecret(tenant, app, "Xy7~loopback-secret");
        TenantSetup.GrantAppRoles(tenant, app, ApiResource.ExchangeOnline, "SMTP.SendAsApp");
        var loginHost = new Uri(host.BaseAddress).Authority; // 127.0.0.1:<port>

        var options = new SignInOptions
        {
            Cloud = CloudCatalog.Global.WithOverrides(new CloudHostOverrides(Login: loginHost)),
            Tenant = TenantSeed.Domain,
            Kind = SignInKind.Secret,
            ClientId = app.AppId,
            ClientSecret = "Xy7~loopback-secret",
        };
        var token = await new SignInCredentialFactory(host.CreateHandler()).Create(options)
            .GetTokenAsync(new TokenRequestContext(["https://outlook.office365.com/.default"]), default);

        Assert.Equal(new Uri(host.BaseAddress + "/"), options.AuthorityHost);
        Assert.Equal(["SMTP.SendAsApp"], JwtClaims.Decode(token.Token).Roles);
    }
}
