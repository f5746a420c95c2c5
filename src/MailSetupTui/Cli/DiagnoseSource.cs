using System.Security.Cryptography.X509Certificates;
using MailSetup.Core.Execution;
using MailSetup.Core.Identity;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Core.Setup;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Cli;

/// <summary>The token for a diagnosis, or why there is none: bad input (exit 2) or Entra's refusal (explained, exit 1).</summary>
internal sealed record DiagnoseToken(string? Token, CliError? Problem = null, MailTokenException? Refused = null);

/// <summary>
/// Where a diagnosis gets its token, its servers and (in the sandbox) the setup: a token file, the
/// mail app's own flow against a real tenant, or the sandbox with its Exchange-like servers, its
/// token endpoint and its setup read live through Graph and Exchange. Status lines go to stderr.
/// </summary>
internal sealed class DiagnoseSource : IAsyncDisposable
{
    private readonly DiagnoseSettings _settings;
    private readonly IServiceProvider _services;
    private readonly TextWriter _status;
    private readonly SandboxDiagnosisSession? _sandbox;
    private readonly TenantClients? _admin;

    private DiagnoseSource(DiagnoseSettings settings, IServiceProvider services, TextWriter status, SandboxDiagnosisSession? sandbox, TenantClients? admin = null)
    {
        _admin = admin;
        _settings = settings;
        _services = services;
        _status = status;
        _sandbox = sandbox;
        AppId = settings.Credential?.ClientId;
        Tenant = settings.Credential?.Tenant;
        Targets = settings.Targets;
        TrustedCertificates = settings.TrustedCertificates;
        if (sandbox is not null)
        {
            Tenant = sandbox.Tenant.DefaultDomain;
            Targets = settings.Targets.Select(t => sandbox.Mail.Endpoint(t.Protocol)).Select(e => new DiagnoseTarget(e.Protocol, e.Host, e.Port, e.Tls)).ToList();
            TrustedCertificates = [sandbox.Mail.Certificate];
        }
    }

    public IReadOnlyList<DiagnoseTarget> Targets { get; }
    public X509Certificate2Collection TrustedCertificates { get; }
    public string? AppId { get; private set; }
    public string? Tenant { get; }

    /// <summary>Bad input found only now (an unknown app in the sandbox): exit 2.</summary>
    public CliError? Problem { get; private set; }

    /// <summary>Nothing to diagnose (the sandbox has no mail app yet): exit 1.</summary>
    public CliError? Unavailable { get; private set; }

    /// <param name="signInAdmin">For a real tenant, also sign an admin in (device code) so the setup can be read; the sandbox always can.</param>
    public static async Task<DiagnoseSource> OpenAsync(DiagnoseSettings settings, IServiceProvider services, TextWriter status, CancellationToken cancellationToken, bool signInAdmin = false)
    {
        if (!settings.Sandbox && signInAdmin) return new DiagnoseSource(settings, services, status, null, SignInAdmin(settings, status));
        if (!settings.Sandbox) return new DiagnoseSource(settings, services, status, null);

        var store = services.GetService<SandboxStateStore>() ?? SandboxStateStore.Default();
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var tenant = SandboxTenant.LoadOrSeed(store, clock);
        var session = await SandboxDiagnosisSession.OpenAsync(tenant, line => status.WriteLineAsync("mailsetup: " + line), cancellationToken: cancellationToken);
        var source = new DiagnoseSource(settings, services, status, session);
        source.PickSandboxApp();
        return source;
    }

    private void PickSandboxApp()
    {
        var clientId = _settings.Credential!.ClientId;
        var app = _sandbox!.FindApp(clientId);
        if (app is null && clientId is not null)
            Problem = new("--client-id", $"the sandbox tenant has no app with client id {clientId}; 'mailsetup diagnose --sandbox' without --client-id picks its newest mail app.");
        else if (app is null)
            Unavailable = new("--sandbox", $"the sandbox tenant has no mail app yet; set one up first: mailsetup apply --preset imap-app,smtp-app --app-name \"Mail Relay\" --mailbox {_settings.Mailbox}");
        else
        {
            AppId = app.AppId;
            if (clientId is null) _status.WriteLine($"mailsetup: sandbox: diagnosing '{app.DisplayName}' (client id {app.AppId}), its newest mail app; --client-id picks another.");
        }
    }

    private static TenantClients SignInAdmin(DiagnoseSettings settings, TextWriter status)
    {
        var tenant = settings.Credential!.Tenant!;
        var credential = new SignInCredentialFactory().Create(
            new SignInOptions { Cloud = settings.Cloud, Tenant = tenant, Kind = SignInKind.Device, ClientId = AdminClient.DefaultClientId },
            async (code, _) => await status.WriteLineAsync($"mailsetup: to sign in as an admin (read-only checks), open {code.VerificationUri} on any device and enter the code {code.UserCode}"));
        status.WriteLine("mailsetup: Exchange is read through its admin API, which Microsoft does not document or support (experimental).");
        return new TenantClients(credential, settings.Cloud, tenant);
    }

    /// <summary>Reads the setup live: the sandbox's, or a real tenant's with the admin signed in; null without either.</summary>
    public MailAppSetupReader? SetupReader => _sandbox?.SetupReader ?? (_admin is null ? null : new MailAppSetupReader(_admin.Graph, _admin.Exchange));

    public async Task<DiagnoseToken> TokenAsync(CancellationToken cancellationToken)
    {
        if (_settings.TokenFile is { } file)
        {
            var stdin = _services.GetService<CliTerminal>()?.Input ?? Console.In;
            var (token, problem) = await TokenInput.ReadAsync(file, stdin, cancellationToken);
            return new DiagnoseToken(token, problem is null ? null : problem with { Subject = "--token-file " + problem.Subject });
        }

        var credential = _settings.Credential!;
        var password = credential.Password ?? credential.AskPassword?.Invoke();
        if (credential.Flow == MailTokenFlow.Ropc && _sandbox is null && string.IsNullOrEmpty(password))
            return new DiagnoseToken(null, new CliError("--auth", $"--auth ropc needs {credential.User}'s password; none was typed."));
        try
        {
            var acquired = _sandbox is not null
                ? await _sandbox.AcquireTokenAsync(AppId!, credential.Flow, _settings.Protocols, credential.User, credential.CertificatePath, credential.ClientSecret, Status, cancellationToken)
                : await new MailTokenSource().AcquireAsync(new MailTokenRequest
                {
                    Cloud = _settings.Cloud,
                    Tenant = credential.Tenant!,
                    ClientId = credential.ClientId!,
                    Flow = credential.Flow,
                    Protocols = _settings.Protocols,
                    ClientSecret = credential.ClientSecret,
                    CertificatePath = credential.CertificatePath,
                    UserName = credential.User,
                    Password = password,
                }, async (code, _) => await Status($"to sign in as the mail user, open {code.VerificationUri} on any device and enter the code {code.UserCode}"), cancellationToken);
            if (credential.Flow == MailTokenFlow.Ropc) await Status("note: the password flow (ROPC) cannot do MFA and Microsoft advises against it; prefer client credentials or device code.");
            return new DiagnoseToken(acquired.AccessToken);
        }
        catch (MailTokenException e)
        {
            return new DiagnoseToken(null, Refused: e);
        }
    }

    /// <summary>The setup read live, where it can be (the sandbox, or with an admin signed in); null elsewhere.</summary>
    public async Task<MailAppSetup?> SetupAsync(CancellationToken cancellationToken) =>
        SetupReader is not { } reader || AppId is null ? null : await reader.ReadAsync(AppId, _settings.Mailbox, cancellationToken);

    /// <summary>The login at <paramref name="target"/> as this diagnosis makes it: its mailbox, mechanism, trusted certificates and (SMTP) envelope.</summary>
    public MailProbeRequest Request(DiagnoseTarget target, string token, ITraceSink? sink) => new()
    {
        Host = target.Host,
        Port = target.Port,
        Tls = target.Tls,
        Mailbox = _settings.Mailbox,
        Token = token,
        Mechanism = _settings.Mechanism,
        Options = new MailConnectionOptions { TrustedCertificates = TrustedCertificates },
        TraceSink = sink,
        Envelope = target.Protocol == MailSetup.Core.Catalog.MailProtocol.Smtp ? _settings.Envelope : null,
    };

    private Task Status(string line) => _status.WriteLineAsync("mailsetup: " + line);

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null) await _sandbox.DisposeAsync();
        _admin?.Dispose();
    }
}
