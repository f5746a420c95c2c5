using MailSetup.Core.Clouds;
using MailSetup.Core.Execution;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.Runtime;

/// <summary>
/// The tenant the UI works on, signed in: the sandbox (in process, with its Exchange-like mail
/// servers) or a real tenant by device code, whose code is shown in the Tenant pane. Opened in the
/// background after the first frame, so the identity stack never delays the UI.
/// </summary>
internal sealed class TuiWorkspace : IAsyncDisposable
{
    private TuiWorkspace(TenantClients clients, Cloud cloud, string tenantId, SandboxDiagnosisSession? sandbox, Azure.Core.TokenCredential admin)
    {
        Admin = admin;
        Clients = clients;
        Cloud = cloud;
        TenantId = tenantId;
        Sandbox = sandbox;
    }

    public TenantClients Clients { get; }
    public Cloud Cloud { get; }
    public string TenantId { get; }
    public SandboxDiagnosisSession? Sandbox { get; }

    /// <summary>The admin's credential (its cached token says who signed in and in which roles).</summary>
    public Azure.Core.TokenCredential Admin { get; }

    public static async Task<TuiWorkspace> OpenSandboxAsync(SandboxStateStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tenant = SandboxTenant.LoadOrSeed(store, clock);
        // Sign-in status lines would only repeat what the Tenant pane shows.
        var session = await SandboxDiagnosisSession.OpenAsync(tenant, status: null, cancellationToken: cancellationToken);
        return new TuiWorkspace(session.Session.Clients, SandboxSession.Cloud, tenant.TenantId, session, session.Session.Admin);
    }

    public static TuiWorkspace OpenReal(Cloud cloud, string tenant, Action<Msg> post)
    {
        var credential = new SignInCredentialFactory().Create(
            new SignInOptions { Cloud = cloud, Tenant = tenant, Kind = SignInKind.Device, ClientId = AdminClient.DefaultClientId },
            (code, _) =>
            {
                post(new DeviceCodeMsg(code.UserCode, code.VerificationUri.ToString()));
                return Task.CompletedTask;
            });
        return new TuiWorkspace(new TenantClients(credential, cloud, tenant), cloud, tenant, null, credential);
    }

    public async ValueTask DisposeAsync()
    {
        if (Sandbox is not null) await Sandbox.DisposeAsync();
        else Clients.Dispose();
    }
}
