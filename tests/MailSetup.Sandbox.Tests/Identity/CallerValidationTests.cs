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

    private static async Task<(HttpStatusCode Status, string Body)> Organization(SandboxHost host, string token)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var answer = await client.GetAsync("v1.0/organization");
        return (answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }
}
