using System.Security.Cryptography.X509Certificates;
using MailSetup.Sandbox.Faults;
using MailSetup.Sandbox.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// The simulated Microsoft 365 tenant on one HTTPS host: Graph at <c>/v1.0</c>, the Exchange admin
/// API at <c>/adminapi/beta/{tenantId}/InvokeCommand</c>, the Entra token endpoint at
/// <c>/{tenant}/oauth2/v2.0/...</c>. Runs on Kestrel over real TLS (<see cref="StartAsync"/>) or in
/// memory on TestServer (<see cref="CreateInMemory"/>); clients reach either through
/// <see cref="CreateHandler"/> and <see cref="BaseAddress"/>, the same way.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    /// <summary>The port the in-memory host names in its address (nothing listens on it).</summary>
    public const int InMemoryPort = 44300;

    private readonly WebApplication _app;
    private readonly Func<HttpMessageHandler> _handlers;
    private readonly X509Certificate2? _serverCertificate;

    private SandboxHost(WebApplication app, string baseAddress, Func<HttpMessageHandler> handlers, X509Certificate2? serverCertificate)
    {
        _app = app;
        _handlers = handlers;
        _serverCertificate = serverCertificate;
        BaseAddress = baseAddress;
        Tenant = app.Services.GetRequiredService<SandboxTenant>();
        Faults = app.Services.GetRequiredService<SandboxFaults>();
        Requests = app.Services.GetRequiredService<SandboxRequestLog>();
        Endpoints = new SandboxEndpoints(baseAddress, Tenant.TenantId);
        Certificate = serverCertificate is null ? null : SandboxCertificate.PublicPart(serverCertificate);
        DeviceApprovalSecret = app.Services.GetRequiredService<SandboxHostOptions>().DeviceApprovalSecret;
    }

    /// <summary>
    /// What <c>POST /sandbox/devicecode/approve</c> requires (see <see cref="SandboxHostOptions.DeviceApprovalSecret"/>);
    /// null only in memory when none was given, where the endpoint is open.
    /// </summary>
    public string? DeviceApprovalSecret { get; }

    /// <summary>Scheme, host and port without a trailing slash, e.g. <c>https://127.0.0.1:45873</c>.</summary>
    public string BaseAddress { get; }

    /// <summary>The URLs of each service on this host.</summary>
    public SandboxEndpoints Endpoints { get; }

    /// <summary>The server certificate's public part (Kestrel); null in memory, where there is no TLS.</summary>
    public X509Certificate2? Certificate { get; }

    public SandboxTenant Tenant { get; }

    /// <summary>Fault rules, changeable while the host runs.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Every request received, for comparing plans with the wire.</summary>
    public SandboxRequestLog Requests { get; }

    /// <summary>The host's services (endpoint groups are registered under their own types too).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Starts the host on Kestrel: HTTPS only, on <see cref="SandboxHostOptions.ListenAddress"/> (127.0.0.1 unless told
    /// otherwise), a free port or <see cref="SandboxHostOptions.PortBase"/>; device code approval over HTTP needs
    /// <see cref="DeviceApprovalSecret"/>.
    /// </summary>
    public static async Task<SandboxHost> StartAsync(SandboxTenant tenant, SandboxHostOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new SandboxHostOptions();
        options = options with { DeviceApprovalSecret = options.DeviceApprovalSecret ?? DeviceApprovalSecrets.New() };
        var certificate = SandboxCertificate.Create(TimeProvider.System.GetUtcNow(), options.ListenAddress);
        var app =
            SandboxApp.Build(tenant, options, options.Faults ?? new SandboxFaults(), new SandboxRequestLog(options.RequestLogCapacity), builder =>
            builder.WebHost.ConfigureKestrel(kestrel =>
                kestrel.Listen(options.ListenAddress, options.PortBase ?? 0, listen => listen.UseHttps(certificate))));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            certificate.Dispose();
            throw;
        }
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var pinned = SandboxCertificate.PublicPart(certificate);
        return new SandboxHost(app, new Uri(address).GetLeftPart(UriPartial.Authority), () => PinnedCertificateHandler.Create(pinned), certificate);
    }

    /// <summary>The same app on TestServer: no sockets, no TLS, for fast tests.</summary>
    public static SandboxHost CreateInMemory(SandboxTenant tenant, SandboxHostOptions? options = null)
    {
        options ??= new SandboxHostOptions();
        var app =
            SandboxApp.Build(tenant, options, options.Faults ?? new SandboxFaults(), new SandboxRequestLog(options.RequestLogCapacity),
                builder => builder.WebHost.UseTestServer());
        app.StartAsync().GetAwaiter().GetResult(); // TestServer starts synchronously; nothing waits here
        var baseAddress = $"https://127.0.0.1:{options.PortBase ?? InMemoryPort}";
        var server = app.GetTestServer();
        server.BaseAddress = new Uri(baseAddress + "/");
        return new SandboxHost(app, baseAddress, () => new InMemoryClientHandler(server), serverCertificate: null);
    }

    /// <summary>
    /// A new handler that reaches this host: on Kestrel it trusts exactly <see cref="Certificate"/>
    /// and nothing else; in memory it calls the TestServer directly. The caller owns it.
    /// </summary>
    public HttpMessageHandler CreateHandler() => _handlers();

    /// <summary>An <see cref="HttpClient"/> over <see cref="CreateHandler"/> with <see cref="BaseAddress"/> set.</summary>
    public HttpClient CreateClient() => new(CreateHandler()) { BaseAddress = new Uri(BaseAddress + "/") };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _serverCertificate?.Dispose();
        Certificate?.Dispose();
    }
}
