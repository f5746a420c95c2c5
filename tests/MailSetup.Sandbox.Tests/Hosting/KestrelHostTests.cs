using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.Tests.Support;
using Microsoft.Graph.Models;

namespace MailSetup.Sandbox.Tests.Hosting;

/// <summary>The sandbox on Kestrel over real TLS on loopback.</summary>
public sealed class KestrelHostTests
{
    [Fact]
    public async Task Graph_answers_over_HTTPS_through_the_pinned_handler()
    {
        await using var host = await SandboxHost.StartAsync(Sandboxes.Tenant());

        Assert.Matches(@"^https://127\.0\.0\.1:\d+$", host.BaseAddress);
        var organization = await Sandboxes.Graph(host).Organization.GetAsync();
        Assert.Equal(host.Tenant.TenantId, Assert.Single(organization!.Value!).Id);
        var exchange = await new ExchangeClient(host).InvokeAsync("Get-TransportConfig");
        Assert.Equal(200, exchange.Status);
    }

    [Fact]
    public async Task The_certificate_is_a_localhost_RSA_certificate_without_its_key()
    {
        await using var host = await SandboxHost.StartAsync(Sandboxes.Tenant());
        var certificate = host.Certificate!;

        Assert.Equal("CN=localhost", certificate.Subject);
        Assert.False(certificate.HasPrivateKey);
        using var key = certificate.GetRSAPublicKey()!;
        Assert.Equal(2048, key.KeySize);
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Contains("localhost", names.EnumerateDnsNames());
        Assert.Contains(IPAddress.Loopback, names.EnumerateIPAddresses());
        Assert.Equal(["localhost", "login.microsoftonline.com", "graph.microsoft.com", "outlook.office365.com"], names.EnumerateDnsNames());
    }

    [Fact]
    public async Task A_client_without_the_pinned_handler_refuses_the_certificate()
    {
        await using var host = await SandboxHost.StartAsync(Sandboxes.Tenant());
        using var plain = new HttpClient();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => plain.GetAsync(host.Endpoints.GraphBaseUrl + "/organization"));

        Assert.IsType<AuthenticationException>(error.InnerException);
        Assert.Empty(host.Requests.Snapshot());
    }

    [Fact]
    public async Task A_handler_trusts_only_its_own_hosts_certificate()
    {
        await using var first = await SandboxHost.StartAsync(Sandboxes.Tenant());
        await using var second = await SandboxHost.StartAsync(Sandboxes.Tenant());
        using var client = new HttpClient(first.CreateHandler());

        using var own = await client.GetAsync(first.Endpoints.GraphBaseUrl + "/organization");
        var other = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(second.Endpoints.GraphBaseUrl + "/organization"));

        Assert.Equal(HttpStatusCode.Unauthorized, own.StatusCode); // reached the host; no token was sent
        Assert.IsType<AuthenticationException>(other.InnerException);
        Assert.NotEqual(first.Certificate!.GetCertHashString(HashAlgorithmName.SHA256),
            second.Certificate!.GetCertHashString(HashAlgorithmName.SHA256));
    }

    [Fact]
    public async Task Port_base_chooses_the_port()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var host = await SandboxHost.StartAsync(Sandboxes.Tenant(), new SandboxHostOptions { PortBase = port });

        Assert.Equal($"https://127.0.0.1:{port}", host.BaseAddress);
        Assert.NotNull(await Sandboxes.Graph(host).Domains.GetAsync());
    }

    [Fact]
    public async Task A_connection_reset_fails_the_request_and_the_SDK_retries_a_throttled_post_with_its_body()
    {
        await using var host = await SandboxHost.StartAsync(Sandboxes.Tenant());
        host.Faults.Add(FaultMatch.ExactPath("GET", "/v1.0/organization"), SandboxFault.ConnectionReset(), FaultOccurrences.Next(1));
        host.Faults.Add(FaultMatch.ExactPath("POST", "/v1.0/applications"), SandboxFault.TooManyRequests(1), FaultOccurrences.Next(1));
        using var http = Sandboxes.Http(host);

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("v1.0/organization"));
        var app = await Sandboxes.Graph(host).Applications.PostAsync(new Application { DisplayName = "Resent" });

        Assert.Equal("Resent", app!.DisplayName);
        var posts = host.Requests.Snapshot().Where(r => r.Method == "POST").ToList();
        Assert.Equal([429, 201], posts.Select(p => p.Status ?? 0).ToArray());
        Assert.All(posts, p => Assert.Contains("Resent", p.Body));
    }
}
