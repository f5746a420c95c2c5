using MailSetup.App;
using MailSetup.App.Workspaces;
using MailSetup.Core.Clouds;
using MailSetup.Core.Execution;
using MailSetup.Core.Identity;
using MailSetup.Core.Plans;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.Runtime;

/// <summary>
/// Does the work effects ask for, each on the thread pool, answering with messages; never touches
/// the state. One piece of long work (apply, diagnostics) runs at a time and can be cancelled.
/// </summary>
internal sealed class EffectRunner(TuiTarget target, ToolServices services, Action<Msg> post) : IAsyncDisposable
{
    private readonly CancellationTokenSource _lifetime = new();
    private readonly SemaphoreSlim _opening = new(1, 1);
    private Workspace? _workspace;
    private CancellationTokenSource? _work;
    private string? _lastSecret;

    private void Post(Msg msg) => post(msg);

    private TimeProvider Clock => services.Clock;

    public void Run(Effect effect)
    {
        switch (effect)
        {
            case CancelWorkEffect:
                _work?.Cancel();
                return;
            case QuitEffect:
                return;
            case DiagnoseEffect or PreflightEffect or ApplyEffect:
                _work?.Dispose();
                _work = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token);
                Start(effect, _work.Token);
                return;
            default:
                Start(effect, _lifetime.Token);
                return;
        }
    }

    private void Start(Effect effect, CancellationToken cancellationToken) => _ = Task.Run(async () =>
    {
        try
        {
            await DoAsync(effect, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            if (effect is DiagnoseEffect or PreflightEffect) post(new DiagnosticsFinishedMsg("cancelled"));
        }
        catch (Exception e)
        {
            // Work must never take the UI down: the failure is shown where the work was asked for, in
            // Entra's words when it was Entra (Azure.Identity's own message leaves the AADSTS code out).
            post(new WorkFailedMsg(Area(effect), MailSetup.Core.Identity.SignInFailure.From(e)?.Description ?? e.Message));
        }
    }, CancellationToken.None);

    private static string Area(Effect effect) => effect switch
    {
        SignInEffect => "sign-in",
        ApplyEffect => "apply",
        ExportPlanEffect => "export",
        DiagnoseEffect or PreflightEffect => "diagnostics",
        SaveSecretEffect => "secret",
        _ => "work",
    };

    private async Task DoAsync(Effect effect, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case SignInEffect:
                await SignInAsync(cancellationToken);
                break;
            case SignOutEffect:
                await SignOutAsync();
                break;
            case LoadDirectoryEffect:
                await LoadDirectoryAsync(cancellationToken);
                break;
            case BuildPlanEffect build:
                BuildPlan(build.Input);
                break;
            case ExportPlanEffect export:
                await ExportAsync(export, cancellationToken);
                break;
            case ApplyEffect apply:
                await ApplyAsync(apply.Plan, cancellationToken);
                break;
            case DiagnoseEffect diagnose:
                await Diagnostics(await WorkspaceAsync(cancellationToken)).DiagnoseAsync(diagnose, cancellationToken);
                break;
            case PreflightEffect preflight:
                await Diagnostics(await WorkspaceAsync(cancellationToken)).PreflightAsync(preflight, cancellationToken);
                break;
            case ReadAppSetupEffect read:
                await ReadAppSetupAsync(read, cancellationToken);
                break;
            case SaveSecretEffect save:
                await SaveSecretAsync(save, cancellationToken);
                break;
        }
    }

    private DiagnosticsWork Diagnostics(Workspace workspace) =>
        new(workspace, services.Diagnosis, Clock,
            () => _lastSecret ?? (workspace.IsSandbox ? null : services.Environment.Get(EnvironmentSignIn.ClientSecret)), post);

    /// <summary>
    /// The workspace, opened on first use: after the first frame, so the identity stack never delays
    /// the UI. A real tenant's device code goes to the Tenant pane; the sandbox's sign-in lines would
    /// only repeat what that pane shows.
    /// </summary>
    private async Task<Workspace> WorkspaceAsync(CancellationToken cancellationToken)
    {
        await _opening.WaitAsync(cancellationToken);
        try
        {
            return _workspace ??= target.Sandbox
                ? await Workspace.OpenSandboxAsync(services.Folders, Clock, mailServers: true, status: null, cancellationToken)
                : Workspace.OpenTenant(
                    new SignInOptions { Cloud = target.Cloud, Tenant = target.Tenant!, Kind = SignInKind.Device,
                        ClientId = AdminClient.DefaultClientId },
                    services.Environment,
                    (code, _) =>
                    {
                        post(new DeviceCodeMsg(code.UserCode, code.VerificationUri.ToString()));
                        return Task.CompletedTask;
                    });
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task SignInAsync(CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(cancellationToken);
        // The first Graph call is what signs in (device code on a real tenant; the sandbox approves its own).
        // The tenant's id (a GUID, whatever --tenant named it) and default domain, when the admin may read them.
        string tenantId = workspace.TenantId, domain = workspace.TenantId;
        try
        {
            var organization = await workspace.Clients.Graph.Organization.GetAsync(cancellationToken: cancellationToken);
            var org = organization?.Value?.FirstOrDefault();
            tenantId = org?.Id ?? tenantId;
            domain = org?.VerifiedDomains?.FirstOrDefault(d => d.IsDefault == true)?.Name ?? org?.VerifiedDomains?.FirstOrDefault()?.Name ?? domain;
        }
        catch (Microsoft.Graph.Models.ODataErrors.ODataError e) when (e.ResponseStatusCode == 403)
        {
            // Signed in, but not allowed to read the organization: the tenant as given names it well enough.
        }
        var (account, roles) = await WhoSignedInAsync(workspace, cancellationToken);
        post(new SignedInMsg(tenantId, domain, account, roles));
        await LoadDirectoryAsync(cancellationToken);
    }

    /// <summary>The signed-in person and their mail-relevant directory roles, from the admin's own (cached) Graph token.</summary>
    private static async Task<(string Account, IReadOnlyList<string> Roles)> WhoSignedInAsync(Workspace workspace,
        CancellationToken cancellationToken)
    {
        var token =
            await workspace.Admin.GetTokenAsync(new Azure.Core.TokenRequestContext([.. MailSetup.Core.Identity.AdminScopes.Graph(workspace.Cloud)]),
                cancellationToken);
        return MailSetup.Core.Identity.JwtClaims.TryDecode(token.Token, out var claims)
            ? (claims.UserPrincipalName ?? "the signed-in admin", MailSetup.Core.Identity.AdminRoles.Names(claims.DirectoryRoleIds))
            : ("the signed-in admin", []);
    }

    /// <summary>Forgets the signed-in clients (and their cached tokens); the next sign-in starts afresh.</summary>
    private async Task SignOutAsync()
    {
        await _opening.WaitAsync();
        try
        {
            if (_workspace is not null) await _workspace.DisposeAsync();
            _workspace = null;
            _lastSecret = null;
        }
        finally
        {
            _opening.Release();
        }
        post(new SignedOutMsg());
    }

    private async Task LoadDirectoryAsync(CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(cancellationToken);
        post(new AppsLoadedMsg(await DirectoryReads.AppsAsync(workspace.Clients, cancellationToken)));
        post(new MailboxesLoadedMsg(await DirectoryReads.MailboxesAsync(workspace.Clients, cancellationToken)));
    }

    private async Task ReadAppSetupAsync(ReadAppSetupEffect read, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(cancellationToken);
        var reader = workspace.SetupReader;
        var setup = await reader.ReadAsync(read.AppId, mailbox: null, cancellationToken);
        post(new ConsentLoadedMsg(setup.ExchangeRoles.Concat(setup.ExchangeDelegatedScopes).ToHashSet(StringComparer.OrdinalIgnoreCase)));
        var mailboxes = await reader.ReadMailboxesAsync(setup, read.Mailboxes, cancellationToken);
        post(
            new MailboxAccessMsg(read.AppId,
                mailboxes.ToDictionary(m => m.Key, m => new MailboxAccess(m.Value.FullAccess, m.Value.SendAs), StringComparer.OrdinalIgnoreCase)));
    }

    private void BuildPlan(SetupRequestInput input)
    {
        var (request, errors) = SetupRequestParser.Parse(input, PaneFieldNames.Instance);
        if (request is null)
        {
            post(new PlanRejectedMsg(errors.Select(PaneFieldNames.Instance.Describe).ToList()));
            return;
        }
        var plan = services.Plans.Build(request);
        post(new PlanReadyMsg(plan, services.Renderers.Get("text").Render(plan).Replace("\r", "").Split('\n')));
    }

    private async Task ExportAsync(ExportPlanEffect export, CancellationToken cancellationToken)
    {
        var path = StateFolders.FileNamed(export.Path);
        // Never over an existing file, never through a symbolic link (even a dangling one, which File.Exists does not see).
        if (new FileInfo(path).LinkTarget is { } link) throw new IOException($"'{path}' is a symbolic link (to '{link}'); choose a new file name");
        if (File.Exists(path) || Directory.Exists(path)) throw new IOException($"'{path}' exists already; choose a new file name");
        var text = services.Renderers.Get(export.Format).Render(export.Plan);
        // CreateNew (O_EXCL) also refuses a name made in the meantime, link or file.
        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        await using (var writer = new StreamWriter(stream))
            await writer.WriteAsync(text.AsMemory(), cancellationToken);
        post(new PlanExportedMsg(path));
    }

    private async Task ApplyAsync(Plan plan, CancellationToken cancellationToken)
    {
        var workspace = await WorkspaceAsync(cancellationToken);
        var journalPath = services.Folders.NewJournal(Clock.GetUtcNow());
        var runner = new PlanRunner(workspace.Clients.Graph, workspace.Clients.Exchange,
            new CertificateMaker(services.Folders.Certificates, Clock), new PostingSecretSink(this), Clock);
        var journal = RunJournal.Open(journalPath);
        var target = workspace.IsSandbox ? JournalTargets.Sandbox : JournalTargets.Tenant(workspace.TenantId, workspace.Cloud);
        journal.Bind(JournalBinding.For(plan, target));
        ApplyResult result;
        try
        {
            result = await runner.RunAsync(plan, journal, e => post(new ApplyStepMsg(e)), cancellationToken);
        }
        catch (ForeignAppsException taken)
        {
            post(new AppNameTakenMsg(taken.DisplayName, taken.Apps));
            return;
        }
        post(new ApplyFinishedMsg(result));
        await LoadDirectoryAsync(cancellationToken);
    }

    private async Task SaveSecretAsync(SaveSecretEffect save, CancellationToken cancellationToken)
    {
        var path = StateFolders.FileNamed(save.Path);
        await SecretFile.WriteNewAsync(path, save.Secret, cancellationToken);
        post(new SecretSavedMsg(path));
    }

    /// <summary>The apply's new secret goes to the App pane (shown once) and is remembered for this session's diagnostics only.</summary>
    private sealed class PostingSecretSink(EffectRunner runner) : ISecretSink
    {
        public Task DeliverAsync(string credentialName, string secretValue, DateTimeOffset expires, CancellationToken cancellationToken)
        {
            runner._lastSecret = secretValue;
            runner.Post(new SecretMsg(secretValue, credentialName));
            return Task.CompletedTask;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        if (_workspace is not null) await _workspace.DisposeAsync();
        _lifetime.Dispose();
        _work?.Dispose();
        _opening.Dispose();
    }
}

/// <summary>Where the UI works: the sandbox, or a tenant (its id or domain) in its cloud.</summary>
internal sealed record TuiTarget(bool Sandbox, Cloud Cloud, string? Tenant);
