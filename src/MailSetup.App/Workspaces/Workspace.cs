using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;
using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Execution;
using MailSetup.Core.Identity;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Setup;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;

namespace MailSetup.App.Workspaces;

/// <summary>
/// Where the tool works, signed in: the built-in sandbox tenant (in process, optionally with its
/// Exchange-like mail servers) or a real tenant by Azure.Identity. Both front ends open one and
/// use the same clients, mail endpoints and mail-token flows; only how they show a device code
/// differs. The sign-in itself happens on the first call that needs a token.
/// </summary>
public sealed class Workspace : IAsyncDisposable
{
    private readonly SandboxSession? _sandbox;
    private readonly SandboxDiagnosisSession? _sandboxMail;

    private Workspace(TenantClients clients, TokenCredential admin, Cloud cloud, string tenantId, string description,
        SandboxSession? sandbox, SandboxDiagnosisSession? sandboxMail)
    {
        Clients = clients;
        Admin = admin;
        Cloud = cloud;
        TenantId = tenantId;
        Description = description;
        _sandbox = sandbox;
        _sandboxMail = sandboxMail;
    }

    /// <summary>Graph and Exchange, signed in as the admin.</summary>
    public TenantClients Clients { get; }

    /// <summary>The admin's credential (its cached token says who signed in and in which roles).</summary>
    public TokenCredential Admin { get; }

    public Cloud Cloud { get; }

    /// <summary>The tenant's id (the sandbox's GUID) or the id or domain a real tenant was named by.</summary>
    public string TenantId { get; }

    /// <summary>The workspace in words, for status lines: "the sandbox tenant contoso.onmicrosoft.com (state in …)".</summary>
    public string Description { get; }

    public bool IsSandbox => _sandbox is not null;

    /// <summary>The sandbox's tenant, or null on a real one.</summary>
    public SandboxTenant? SandboxTenant => _sandbox?.Tenant;

    /// <summary>Reads an app's mail setup live through Graph and Exchange.</summary>
    public MailAppSetupReader SetupReader => new(Clients.Graph, Clients.Exchange);

    /// <summary>The certificates mail logins trust besides the system's: the sandbox servers' own.</summary>
    public X509Certificate2Collection TrustedCertificates => _sandboxMail is null ? [] : [_sandboxMail.Mail.Certificate];

    /// <summary>
    /// Opens the sandbox kept in <paramref name="folders"/> (seeding it the first time) and signs its
    /// admin in. With <paramref name="mailServers"/> its IMAP, POP and SMTP servers run on 127.0.0.1.
    /// </summary>
    public static async Task<Workspace> OpenSandboxAsync(StateFolders folders, TimeProvider clock, bool mailServers,
        Func<string, Task>? status, CancellationToken cancellationToken)
    {
        var store = folders.SandboxStore;
        var tenant = SandboxTenant.LoadOrSeed(store, clock);
        var description = $"the sandbox tenant {tenant.DefaultDomain} (state in {store.Path})";
        if (!mailServers)
        {
            var session = SandboxSession.Open(tenant, status);
            return new Workspace(session.Clients, session.Admin, SandboxSession.Cloud, tenant.TenantId, description, session, null);
        }
        var withMail = await SandboxDiagnosisSession.OpenAsync(tenant, status, cancellationToken: cancellationToken);
        var admin = withMail.Session;
        return new Workspace(admin.Clients, admin.Admin, SandboxSession.Cloud, tenant.TenantId, description, admin, withMail);
    }

    /// <summary>A real tenant, the admin signed in as <paramref name="signIn"/> says; <paramref name="showCode"/> shows a device code.</summary>
    public static Workspace OpenTenant(SignInOptions signIn, IEnvironment environment, Func<DeviceCodeInfo, CancellationToken, Task> showCode)
    {
        var credential = new SignInCredentialFactory(environment: environment.Get).Create(signIn, showCode);
        var tenant = signIn.Tenant!;
        return new Workspace(new TenantClients(credential, signIn.Cloud, tenant), credential, signIn.Cloud, tenant,
            $"the tenant {tenant} ({signIn.Cloud.DisplayName})", null, null);
    }

    /// <summary>Where <paramref name="protocol"/>'s login goes: the sandbox's own server, else <paramref name="asked"/> (the cloud's host by
    /// default).</summary>
    public MailTarget Target(MailProtocol protocol, MailTarget? asked = null)
    {
        if (_sandboxMail?.Mail.Endpoint(protocol) is { } e) return new MailTarget(e.Protocol, e.Host, e.Port, e.Tls);
        return asked ?? MailTarget.For(protocol, Cloud);
    }

    /// <summary>The mail app with <paramref name="clientId"/>, or the sandbox's newest mail app made since seeding; null when there is none
    /// (or on a real tenant).</summary>
    public SandboxMailApp? FindSandboxApp(string? clientId) => _sandboxMail?.FindApp(clientId);

    /// <summary>
    /// Who signs in to the sandbox for a delegated flow on <paramref name="mailbox"/>: its person, or
    /// the admin for a shared mailbox (which cannot sign in).
    /// </summary>
    public string SandboxSignInFor(string mailbox) =>
        _sandbox is not null
            && _sandbox.Tenant.Read(
                s => s.Users.Any(u => u.AccountEnabled && u.UserPrincipalName.Equals(mailbox, StringComparison.OrdinalIgnoreCase)))
            ? mailbox
            : TenantSeed.AdminAddress;

    /// <summary>
    /// The mail app's own token by its own flow, for <paramref name="protocols"/>. Status lines (a
    /// device code to enter, the sandbox's temporary secret) go to <paramref name="status"/>.
    /// </summary>
    /// <exception cref="MailTokenException">Entra (or the sandbox's) refused; the AADSTS code says why.</exception>
    public Task<MailToken> AcquireMailTokenAsync(string appId, MailAppCredential credential, IReadOnlyList<MailProtocol> protocols,
        Func<string, Task> status, CancellationToken cancellationToken)
    {
        if (_sandboxMail is not null)
            return _sandboxMail.AcquireTokenAsync(appId, credential.Flow, protocols, credential.User, credential.CertificatePath,
                credential.ClientSecret, status, cancellationToken);
        return AcquireOnTenantAsync(Cloud, TenantId, appId, credential, protocols, status, cancellationToken);
    }

    /// <summary>The mail app's own token from a real tenant's Entra, with no admin signed in (a diagnosis needs none).</summary>
    /// <exception cref="MailTokenException">Entra refused; the AADSTS code says why.</exception>
    public static Task<MailToken> AcquireOnTenantAsync(Cloud cloud, string tenant, string appId, MailAppCredential credential,
        IReadOnlyList<MailProtocol> protocols, Func<string, Task> status, CancellationToken cancellationToken) =>
        new MailTokenSource().AcquireAsync(new MailTokenRequest
        {
            Cloud = cloud,
            Tenant = tenant,
            ClientId = appId,
            Flow = credential.Flow,
            Protocols = protocols,
            ClientSecret = credential.ClientSecret,
            CertificatePath = credential.CertificatePath,
            UserName = credential.User,
            Password = credential.Password,
        }, (code, _) => status($"to sign in as the mail user, open {code.VerificationUri} on any device and enter the code {code.UserCode}"),
        cancellationToken);

    public async ValueTask DisposeAsync()
    {
        // The mail session owns the admin session in the sandbox; a real tenant has only its clients.
        if (_sandboxMail is not null) await _sandboxMail.DisposeAsync();
        else if (_sandbox is not null) await _sandbox.DisposeAsync();
        else Clients.Dispose();
    }
}
