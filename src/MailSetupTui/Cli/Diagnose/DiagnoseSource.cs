using MailSetup.App;
using MailSetup.App.Diagnosis;
using MailSetup.App.Workspaces;
using MailSetup.Core.Identity;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Sandbox.State;

namespace MailSetupTui.Cli;

/// <summary>The token for a diagnosis, or why there is none: bad input (exit 2). Entra's refusal is thrown as <see
/// cref="MailTokenException"/>.</summary>
internal sealed record DiagnoseToken(string? Token, CliError? Problem = null);

/// <summary>
/// Where the command line's diagnosis gets its token, its servers and its setup: a token file, the
/// mail app's own flow against a real tenant (with an admin signed in to read the setup, for
/// preflight), or the sandbox's workspace with its mail servers. Status lines go to stderr.
/// </summary>
internal sealed class DiagnoseSource : IAsyncDisposable
{
    private readonly DiagnoseSettings _settings;
    private readonly ToolServices _services;
    private readonly TextWriter _status;
    private readonly Workspace? _workspace;

    private DiagnoseSource(DiagnoseSettings settings, ToolServices services, TextWriter status, Workspace? workspace)
    {
        _settings = settings;
        _services = services;
        _status = status;
        _workspace = workspace;
        AppId = settings.Credential?.ClientId;
        Tenant = workspace?.SandboxTenant?.DefaultDomain ?? settings.Credential?.Tenant;
    }

    public string? AppId { get; private set; }
    public string? Tenant { get; }

    /// <summary>Bad input found only now (an unknown app in the sandbox): exit 2.</summary>
    public CliError? Problem { get; private set; }

    /// <summary>Nothing to diagnose (the sandbox has no mail app yet): exit 1.</summary>
    public CliError? Unavailable { get; private set; }

    /// <param name="signInAdmin">For a real tenant, also sign an admin in (device code) so the setup can be read; the sandbox always can.</param>
    public static async Task<DiagnoseSource> OpenAsync(DiagnoseSettings settings, ToolServices services, TextWriter status,
        CancellationToken cancellationToken, bool signInAdmin = false)
    {
        if (!settings.Sandbox
            && signInAdmin) return new DiagnoseSource(settings, services, status, SignInAdmin(settings, services.Environment, status));
        if (!settings.Sandbox) return new DiagnoseSource(settings, services, status, null);

        var workspace =
            await Workspace.OpenSandboxAsync(services.Folders, services.Clock, mailServers: true, line => status.WriteLineAsync("mailsetup: " + line),
                cancellationToken);
        var source = new DiagnoseSource(settings, services, status, workspace);
        source.PickSandboxApp();
        return source;
    }

    private void PickSandboxApp()
    {
        var clientId = _settings.Credential!.ClientId;
        var app = _workspace!.FindSandboxApp(clientId);
        if (app is null && clientId is not null)
            Problem =
                new("--client-id",
                    $"the sandbox tenant has no app with client id {clientId}; 'mailsetup diagnose --sandbox' without --client-id picks its newest " +
                    "mail app.");
        else if (app is null)
            Unavailable =
                new("--sandbox",
                    "the sandbox tenant has no mail app set up yet; set one up first: mailsetup apply --preset imap-app,smtp-app --app-name " +
                    $"\"Mail Relay\" --mailbox {_settings.Mailbox}; or name one of its seeded apps: --client-id {SeededMailApps.ScannerSmtpAppId} " +
                    $"('{SeededMailApps.ScannerSmtpName}') or {SeededMailApps.LegacyImapSyncAppId} ('{SeededMailApps.LegacyImapSyncName}').");
        else
        {
            AppId = app.AppId;
            if (clientId is null) _status.WriteLine(
                $"mailsetup: sandbox: diagnosing '{app.DisplayName}' (client id {app.AppId}), its newest mail app; --client-id picks another.");
        }
    }

    private static Workspace SignInAdmin(DiagnoseSettings settings, IEnvironment environment, TextWriter status)
    {
        var workspace = Workspace.OpenTenant(
            new SignInOptions { Cloud = settings.Cloud, Tenant = settings.Credential!.Tenant!, Kind = SignInKind.Device,
                ClientId = AdminClient.DefaultClientId },
            environment,
            async (code, _) =>
                await status.WriteLineAsync(
                    $"mailsetup: to sign in as an admin (read-only checks), open {code.VerificationUri} on any device and enter the " +
                    $"code {code.UserCode}"));
        status.WriteLine("mailsetup: Exchange is read through its admin API, which Microsoft does not document or support (experimental).");
        return workspace;
    }

    /// <summary>The diagnosis as the settings ask for it, on the sandbox's servers when diagnosing the sandbox.</summary>
    public DiagnosisRequest Request() => new(
        _settings.Targets.Select(t => _workspace?.Target(t.Protocol, t) ?? t).ToList(), _settings.Mailbox, _settings.Cloud)
    {
        AppId = AppId,
        Tenant = Tenant,
        Mechanism = _settings.Mechanism,
        Envelope = _settings.Envelope,
        TrustedCertificates = _workspace?.IsSandbox == true ? _workspace.TrustedCertificates : _settings.TrustedCertificates,
        SetupReader = _workspace?.SetupReader,
    };

    /// <summary>A token file's token, read now (it may be stdin); null when the token comes from the app's own flow.</summary>
    public async Task<DiagnoseToken?> TokenFileAsync(CancellationToken cancellationToken)
    {
        if (_settings.TokenFile is not { } file) return null;
        var (token, problem) = await TokenInput.ReadAsync(file, _services.Terminal.Input, cancellationToken);
        return new DiagnoseToken(token, problem is null ? null : problem with { Subject = "--token-file " + problem.Subject });
    }

    /// <summary>The password of the password flow, asked now if it must be; a problem (exit 2) when none was typed.</summary>
    public CliError? AskPassword(out string? password)
    {
        var credential = _settings.Credential!;
        password = credential.Password ?? credential.AskPassword?.Invoke();
        return credential.Flow == MailTokenFlow.Ropc && _workspace?.IsSandbox != true && string.IsNullOrEmpty(password)
            ? new CliError("--auth", $"--auth ropc needs {credential.User}'s password; none was typed.")
            : null;
    }

    /// <summary>The mail app's token by its own flow.</summary>
    /// <exception cref="MailTokenException">Entra refused.</exception>
    public async Task<MailToken> AcquireAsync(string? password, CancellationToken cancellationToken)
    {
        var credential = _settings.Credential!;
        var appCredential = new MailAppCredential(credential.Flow, credential.ClientSecret, credential.CertificatePath, credential.User, password);
        var token = _workspace?.IsSandbox == true
            ? await _workspace.AcquireMailTokenAsync(AppId!, appCredential, _settings.Protocols, Status, cancellationToken)
            : await Workspace.AcquireOnTenantAsync(_settings.Cloud, credential.Tenant!, credential.ClientId!, appCredential, _settings.Protocols,
                Status, cancellationToken);
        if (credential.Flow == MailTokenFlow.Ropc) await Status(
            "note: the password flow (ROPC) cannot do MFA and Microsoft advises against it; prefer client credentials or device code.");
        return token;
    }

    private Task Status(string line) => _status.WriteLineAsync("mailsetup: " + line);

    public async ValueTask DisposeAsync()
    {
        if (_workspace is not null) await _workspace.DisposeAsync();
    }
}
