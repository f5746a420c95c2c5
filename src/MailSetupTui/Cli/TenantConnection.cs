using MailSetup.Core.Execution;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;

namespace MailSetupTui.Cli;

/// <summary>
/// The signed-in clients for a <see cref="TenantTarget"/>: the sandbox (its state from the user's
/// state folder) or a real tenant by Azure.Identity. Status lines (device codes, warnings) go to
/// <c>status</c>; nothing secret does.
/// </summary>
internal sealed class TenantConnection : IAsyncDisposable
{
    private readonly SandboxSession? _sandbox;
    private readonly TenantClients? _real;

    private TenantConnection(SandboxSession? sandbox, TenantClients? real, string description)
    {
        _sandbox = sandbox;
        _real = real;
        Description = description;
    }

    public TenantClients Clients => _sandbox?.Clients ?? _real!;
    public string Description { get; }

    public static TenantConnection Open(TenantTarget target, SandboxStateStore store, TimeProvider clock, TextWriter status)
    {
        if (target.Sandbox)
        {
            var tenant = SandboxTenant.LoadOrSeed(store, clock);
            var session = SandboxSession.Open(tenant, line => status.WriteLineAsync("mailsetup: " + line));
            return new TenantConnection(session, null, $"the sandbox tenant {tenant.DefaultDomain} (state in {store.Path})");
        }
        var signIn = target.SignIn!;
        var credential = new SignInCredentialFactory().Create(signIn, async (code, _) =>
            await status.WriteLineAsync($"mailsetup: to sign in, open {code.VerificationUri} on any device and enter the code {code.UserCode}"));
        status.WriteLine("mailsetup: Exchange steps run through Exchange's admin API, which Microsoft does not document or support (experimental); "
            + "the supported path for them is the script from 'mailsetup plan --format powershell'.");
        return new TenantConnection(null, new TenantClients(credential, signIn.Cloud, signIn.Tenant!), $"the tenant {signIn.Tenant} ({signIn.Cloud.DisplayName})");
    }

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null) await _sandbox.DisposeAsync();
        _real?.Dispose();
    }
}
