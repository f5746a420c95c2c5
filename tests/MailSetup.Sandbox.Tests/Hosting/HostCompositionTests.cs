using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Support;
using MailSetup.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph.Applications.Item.AddPassword;
using Microsoft.Graph.Models;

namespace MailSetup.Sandbox.Tests.Hosting;

public sealed class HostCompositionTests
{
    [Fact]
    public async Task Every_endpoint_group_of_the_assembly_is_mapped()
    {
        await using var host = Sandboxes.InMemory();
        var groups = host.Services.GetServices<ISandboxEndpointGroup>().Select(g => g.GetType().Name).ToList();

        Assert.Contains("ApplicationEndpoints", groups);
        Assert.Contains("BatchEndpoint", groups);
        Assert.Contains("ExchangeAdminEndpoints", groups);
        Assert.Contains("SandboxIdentityEndpoints", groups);
        var types = typeof(SandboxHost).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(ISandboxEndpointGroup).IsAssignableFrom(t));
        Assert.Equal(types.Select(t => t.Name).Order(), groups.Order());
        Assert.Same(host.Tenant, host.Services.GetRequiredService<SandboxTenant>());
        Assert.Same(host.Tenant.Clock, host.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task The_request_log_keeps_the_wire_form_but_no_token()
    {
        await using var host = Sandboxes.InMemory();
        var graph = Sandboxes.Graph(host);

        await graph.Applications.GetAsync(r => r.QueryParameters.Select = ["id", "displayName"]);
        await graph.Applications.PostAsync(new Application { DisplayName = "Logged" });

        var log = host.Requests.Snapshot();
        Assert.Equal(2, log.Count);
        Assert.Equal(("GET", "/v1.0/applications?$select=id,displayName"), (log[0].Method, log[0].PathAndQuery));
        Assert.Equal(200, log[0].Status);
        Assert.Contains("\"displayName\":\"Logged\"", log[1].Body);
        Assert.All(log, r => Assert.DoesNotContain("Authorization", r.Headers.Keys, StringComparer.OrdinalIgnoreCase));
        Assert.All(log, r => Assert.DoesNotContain(r.Headers.Values, v => v.Contains("sandbox-test-token", StringComparison.Ordinal)));
        Assert.Contains("client-request-id", log[1].Headers.Keys, StringComparer.OrdinalIgnoreCase);
        host.Requests.Clear();
        Assert.Equal(0, host.Requests.Count);
    }

    [Fact]
    public async Task The_tenant_survives_a_restart_from_its_state_file()
    {
        using var folder = new TempFolder();
        var store = new SandboxStateStore(folder.File("tenant.json"));
        string appId, appObjectId, secret;
        await using (var first = Sandboxes.InMemory(SandboxTenant.LoadOrSeed(store, TestClock.Default)))
        {
            var graph = Sandboxes.Graph(first);
            var app = await graph.Applications.PostAsync(new Application { DisplayName = "Persistent" });
            (appId, appObjectId) = (app!.AppId!, app.Id!);
            secret =
                (await graph.Applications[app.Id].AddPassword.PostAsync(
                    new AddPasswordPostRequestBody { PasswordCredential = new() { DisplayName = "kept" } }))!.SecretText!;
            await new ExchangeClient(first).RunAsync("New-ServicePrincipal", new { AppId = appId, ObjectId = appObjectId });
            await new ExchangeClient(first).RunAsync("Set-TransportConfig", new { SmtpClientAuthenticationDisabled = false });
        }

        await using var second = Sandboxes.InMemory(SandboxTenant.LoadOrSeed(store, TestClock.Default));
        var again = await Sandboxes.Graph(second).Applications[appObjectId].GetAsync();
        Assert.Equal("Persistent", again!.DisplayName);
        Assert.Equal("kept", Assert.Single(again.PasswordCredentials!).DisplayName);
        Assert.True(second.Tenant.Read(s =>
            SecretHash.Matches(secret, s.Applications.Single(a => a.AppId == appId).PasswordCredentials.Single().SecretHash)));
        var exchange = new ExchangeClient(second);
        Assert.Single(await exchange.RunAsync("Get-ServicePrincipal", new { Identity = appId }));
        Assert.False(Assert.Single(await exchange.RunAsync("Get-TransportConfig"))["SmtpClientAuthenticationDisabled"]!.GetValue<bool>());
        Assert.DoesNotContain(secret, File.ReadAllText(store.Path));
    }

    [Fact]
    public async Task The_request_log_drops_its_oldest_entries_past_its_capacity()
    {
        await using var host = Sandboxes.InMemory(options: new SandboxHostOptions { RequestLogCapacity = 20 });
        using var http = Sandboxes.Http(host);
        for (var i = 0; i < 25; i++) (await http.GetAsync($"v1.0/domains?n={i}")).Dispose();

        var kept = host.Requests.Snapshot();
        Assert.InRange(kept.Count, 18, 20);
        var first = 25 - kept.Count;
        Assert.Equal(Enumerable.Range(first, kept.Count).Select(i => $"/v1.0/domains?n={i}"), kept.Select(r => r.PathAndQuery));
    }
}
