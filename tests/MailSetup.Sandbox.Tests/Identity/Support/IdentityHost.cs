using MailSetup.Core.Clouds;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.Identity;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Tests.Identity.Support;

/// <summary>
/// The in-memory sandbox host (every endpoint group, the token endpoint among them) at its https
/// address, as MSAL requires. Clients reach it the way the product reaches any tenant: a cloud
/// whose login host is overridden, and the host's handler as Azure.Identity's transport.
/// </summary>
public sealed class IdentityHost : IAsyncDisposable
{
    private readonly SandboxHost _host;

    private IdentityHost(SandboxHost host, TimeProvider clock)
    {
        _host = host;
        Clock = clock;
        Cloud = CloudCatalog.Global.WithOverrides(new CloudHostOverrides(Login: new Uri(host.BaseAddress).Authority));
    }

    public SandboxTenant Tenant => _host.Tenant;
    public TimeProvider Clock { get; }

    /// <summary>Scheme, host and port, e.g. <c>https://127.0.0.1:44300</c>.</summary>
    public string BaseAddress => _host.BaseAddress;

    /// <summary>The global cloud with its login host (host and port) pointed at the sandbox.</summary>
    public Cloud Cloud { get; }

    /// <summary>Method and path of every request so far, e.g. <c>POST /{tid}/oauth2/v2.0/token</c>.</summary>
    public IReadOnlyList<string> Requests => _host.Requests.Snapshot().Select(r => $"{r.Method} {r.Path}").ToList();

    public SandboxDeviceCodes DeviceCodes => new(Tenant, Clock);
    public SandboxTokenValidator Validator => new(Tenant, Clock);

    public static Task<IdentityHost> StartAsync(TimeProvider? clock = null, SandboxStateStore? store = null)
    {
        clock ??= TimeProvider.System;
        var tenant = SandboxTenant.CreateSeeded(clock, new TenantSeedOptions { UserMailboxes = 5 }, store);
        return Task.FromResult(new IdentityHost(SandboxHost.CreateInMemory(tenant), clock));
    }

    public HttpMessageHandler CreateHandler() => _host.CreateHandler();

    public HttpClient CreateClient() => _host.CreateClient();

    /// <summary>The product's credential factory, wired to the sandbox only through the transport.</summary>
    public SignInCredentialFactory Credentials(Func<string, string?>? environment = null) =>
        new(CreateHandler(), environment ?? (_ => null));

    public SignInOptions Options(SignInKind kind, string clientId) => new()
    {
        Cloud = Cloud,
        Tenant = Tenant.TenantId,
        Kind = kind,
        ClientId = clientId,
    };

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
