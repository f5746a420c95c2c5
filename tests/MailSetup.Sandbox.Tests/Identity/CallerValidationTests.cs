using System.Net;
using System.Net.Http.Headers;
using Azure.Core;
using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.Identity;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Identity.Support;

namespace MailSetup.Sandbox.Tests.Identity;

/// <summary>With token validation on, Graph takes only Graph tokens from the sandbox's own token endpoint.</summary>
public sealed class CallerValidationTests
{
    private const string Secret = "Xy7~caller-secret";

    [Fact]
    public async Task Graph_accepts_a_graph_token_and_refuses_an_exchange_token_or_a_made_up_one()
    {
        var tenant = SandboxTenant.CreateSeeded(TimeProvider.System, new TenantSeedOptions { UserMailboxes = 1 });
        await using var host = SandboxHost.CreateInMemory(tenant, new SandboxHostOptions { ConfigureServices = s => s.AddSandboxTokenValidation() });
        var app = TenantSetup.AddApp(tenant, "Directory Reader");
        TenantSetup.AddSecret(tenant, app, Secret);
        TenantSetup.GrantAppRoles(tenant, app, ApiResource.MicrosoftGraph, "User.Read.All");
        var credential = new SignInCredentialFactory(host.CreateHandler()).Create(new SignInOptions
        {
            Cloud = MailSetup.Core.Clouds.CloudCatalog.Global.WithOverrides(new(Login: new Uri(host.BaseAddress).Authority)),
            Tenant = tenant.TenantId,
            Kind = SignInKind.Secret,
            ClientId = app.AppId,
            ClientSecret = Secret,
        });
        var graphToken = (await credential.GetTokenAsync(new TokenRequestContext(["https://graph.microsoft.com/.default"]), default)).Token;
        var exchangeToken = (await credential.GetTokenAsync(new TokenRequestContext(["https://outlook.office365.com/.default"]), default)).Token;

        Assert.Equal(HttpStatusCode.OK, (await Organization(host, graphToken)).Status);
        var wrongAudience = await Organization(host, exchangeToken);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongAudience.Status);
        Assert.Contains("InvalidAuthenticationToken", wrongAudience.Body);
        Assert.Contains("Invalid audience", wrongAudience.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Organization(host, "sandbox-test-token")).Status);
    }

    [Fact]
    public async Task A_sandbox_token_without_a_permission_for_the_call_gets_403_from_Graph_and_the_Exchange_admin_API()
    {
        var tenant = SandboxTenant.CreateSeeded(TimeProvider.System, new TenantSeedOptions { UserMailboxes = 1 });
        await using var host = SandboxHost.CreateInMemory(tenant, new SandboxHostOptions { ConfigureServices = s => s.AddSandboxTokenValidation() });
        var mailer = TenantSetup.AddApp(tenant, "Mailer");
        TenantSetup.AddSecret(tenant, mailer, Secret);
        TenantSetup.GrantAppRoles(tenant, mailer, ApiResource.MicrosoftGraph, "Mail.Send", "User.Read.All");
        TenantSetup.GrantAppRoles(tenant, mailer, ApiResource.ExchangeOnline, "IMAP.AccessAsApp");
        var manager = TenantSetup.AddApp(tenant, "Exchange Manager");
        TenantSetup.AddSecret(tenant, manager, Secret);
        TenantSetup.GrantAppRoles(tenant, manager, ApiResource.ExchangeOnline, "Exchange.ManageAsApp");

        var mailerGraph = await TokenAsync(host, mailer, "https://graph.microsoft.com/.default");
        var read = await Organization(host, mailerGraph); // User.Read.All reads the directory ...
        using var write = await Send(host, HttpMethod.Post, "v1.0/applications", mailerGraph, """{"displayName":"Not mine to make"}""");
        var mailerExchange = await Exchange(host, await TokenAsync(host, mailer, "https://outlook.office365.com/.default"));
        var managerExchange = await Exchange(host, await TokenAsync(host, manager, "https://outlook.office365.com/.default"));

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode); // ... but cannot write it
        var body = await write.Content.ReadAsStringAsync();
        Assert.Contains("\"code\":\"Authorization_RequestDenied\"", body);
        Assert.Contains("Insufficient privileges to complete the operation.", body);
        Assert.Equal(HttpStatusCode.Forbidden, mailerExchange.Status);
        Assert.Contains("Exchange.ManageAsApp", mailerExchange.Body);
        Assert.Equal(HttpStatusCode.OK, managerExchange.Status);
        Assert.DoesNotContain(tenant.Read(s => s.Applications), a => a.DisplayName == "Not mine to make");
    }

    private static async Task<string> TokenAsync(SandboxHost host, TenantSetup.App app, string scope)
    {
        var credential = new SignInCredentialFactory(host.CreateHandler()).Create(new SignInOptions
        {
            Cloud = MailSetup.Core.Clouds.CloudCatalog.Global.WithOverrides(new(Login: new Uri(host.BaseAddress).Authority)),
            Tenant = host.Tenant.TenantId,
            Kind = SignInKind.Secret,
            ClientId = app.AppId,
            ClientSecret = Secret,
        });
        return (await credential.GetTokenAsync(new TokenRequestContext([scope]), default)).Token;
    }

    private static async Task<(HttpStatusCode Status, string Body)> Exchange(SandboxHost host, string token)
    {
        using var answer = await Send(host, HttpMethod.Post, host.Endpoints.ExchangeAdminApiUrl, token,
            """{"CmdletInput":{"CmdletName":"Get-TransportConfig","Parameters":{}}}""");
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage> Send(SandboxHost host, HttpMethod method, string url, string token, string json)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private static async Task<(HttpStatusCode Status, string Body)> Organization(SandboxHost host, string token)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await client.GetAsync("v1.0/organization");
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }
}
