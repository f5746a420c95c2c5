using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetup.Testing;
using Microsoft.Graph;

namespace MailSetup.Sandbox.Tests.Support;

/// <summary>Sandboxes and clients for tests.</summary>
public static class Sandboxes
{
    public static SandboxTenant Tenant(TimeProvider? clock = null, int mailboxes = 50, SandboxStateStore? store = null) =>
        SandboxTenant.CreateSeeded(clock ?? TestClock.Default, new TenantSeedOptions { UserMailboxes = mailboxes }, store);

    public static SandboxHost InMemory(SandboxTenant? tenant = null, SandboxHostOptions? options = null) =>
        SandboxHost.CreateInMemory(tenant ?? Tenant(), options);

    /// <summary>
    /// The real Graph SDK over the host's handler, with the SDK's own middleware (retries included)
    /// unless <paramref name="bare"/>, which shows the sandbox's answers unretried.
    /// </summary>
    public static GraphServiceClient Graph(SandboxHost host, bool bare = false)
    {
        var http = bare
            ? new HttpClient(host.CreateHandler())
            : GraphClientFactory.Create(finalHandler: host.CreateHandler());
        return new GraphServiceClient(http, new BearerAuthentication(), host.Endpoints.GraphBaseUrl);
    }

    /// <summary>A plain client on the host with a bearer token, for raw requests.</summary>
    public static HttpClient Http(SandboxHost host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "sandbox-test-token");
        return client;
    }
}
