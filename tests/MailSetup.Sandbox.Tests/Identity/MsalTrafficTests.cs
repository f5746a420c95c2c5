using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Identity.Support;

namespace MailSetup.Sandbox.Tests.Identity;

/// <summary>
/// What MSAL (inside Azure.Identity 1.21.0) asks the login host for, with instance discovery off:
/// no discovery document and no instance metadata, only the flow's own endpoints.
/// </summary>
public sealed class MsalTrafficTests
{
    private static readonly TokenRequestContext Exchange = new(["https://outlook.office365.com/.default"]);
    private static readonly TokenRequestContext Imap = new(["https://outlook.office.com/IMAP.AccessAsUser.All"]);

    [Fact]
    public async Task Client_credentials_call_only_the_token_endpoint()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Relay");
        TenantSetup.AddSecret(host.Tenant, app, "Xy7~secret-value");

        await host.Credentials().Create(host.Options(SignInKind.Secret, app.AppId) with { ClientSecret = "Xy7~secret-value" })
            .GetTokenAsync(Exchange, default);

        Assert.Equal([$"POST /{host.Tenant.TenantId}/oauth2/v2.0/token"], host.Requests);
    }

    [Fact]
    public async Task Device_code_calls_devicecode_then_polls_the_token_endpoint()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient: true);
        TenantSetup.GrantDelegated(host.Tenant, app, ApiResource.ExchangeOnline, "IMAP.AccessAsUser.All");

        await host.Credentials().Create(host.Options(SignInKind.Device, app.AppId), (info, _) =>
        {
            host.DeviceCodes.Approve(info.UserCode, TenantSeed.AdminAddress);
            return Task.CompletedTask;
        }).GetTokenAsync(Imap, default);

        Assert.Equal([$"POST /{host.Tenant.TenantId}/oauth2/v2.0/devicecode", $"POST /{host.Tenant.TenantId}/oauth2/v2.0/token"], host.Requests);
    }

    [Fact]
    public async Task A_password_sign_in_asks_home_realm_discovery_first()
    {
        await using var host = await IdentityHost.StartAsync();
        var app = TenantSetup.AddApp(host.Tenant, "Mail Reader", publicClient: true);
        TenantSetup.GrantDelegated(host.Tenant, app, ApiResource.ExchangeOnline, "IMAP.AccessAsUser.All");

#pragma warning disable CS0618 // UsernamePasswordCredential is deprecated: ROPC is what is measured
        await new UsernamePasswordCredential(TenantSeed.AdminAddress, TenantSeed.SandboxPassword, host.Tenant.TenantId, app.AppId,
            new UsernamePasswordCredentialOptions
        {
            AuthorityHost = new Uri(host.BaseAddress),
            DisableInstanceDiscovery = true,
            Transport = new HttpClientTransport(host.CreateHandler()),
        }).GetTokenAsync(Imap, default);
#pragma warning restore CS0618

        Assert.Equal([$"GET /common/userrealm/{TenantSeed.AdminAddress}", $"POST /{host.Tenant.TenantId}/oauth2/v2.0/token"], host.Requests);
    }
}
