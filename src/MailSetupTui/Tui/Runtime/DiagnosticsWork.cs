using MailSetup.App.Diagnosis;
using MailSetup.App.Workspaces;
using MailSetup.Core.Catalog;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Preflight;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.Runtime;

/// <summary>
/// Diagnostics and preflight for the Diagnostics pane: the shared <see cref="DiagnosisRunner"/> and
/// preflight runner on the UI's workspace, their events turned into messages (the trace line by
/// line, each login's verdict, each preflight link).
/// </summary>
internal sealed class DiagnosticsWork(Workspace workspace, DiagnosisRunner runner, TimeProvider clock, Func<string?> knownSecret, Action<Msg> post)
{
    public async Task DiagnoseAsync(DiagnoseEffect effect, CancellationToken cancellationToken)
    {
        var appId = AppIdOrPost(effect.AppId);
        if (appId is null) return;
        if (effect.Flow == MailTokenFlow.Secret && !CanGetToken)
        {
            post(
                new WorkFailedMsg("diagnostics",
                    $"no client secret for app {appId} in this session; set AZURE_CLIENT_SECRET or use 'mailsetup diagnose --token-file'"));
            return;
        }

        var request = Request(effect.Protocols, effect.Mailbox, appId);
        var report =
            await runner.RunAsync(request, async ct => (await AcquireAsync(effect, appId, ct)).AccessToken, e => Post(e, request), cancellationToken);
        if (report.Refused is not null) post(new DiagnosticsFinishedMsg("the token was refused; no login was tried"));
        else post(
            new DiagnosticsFinishedMsg(
                $"{report.Runs.Count(r => r.Result.Succeeded)} of {effect.Protocols.Count} login(s) work for {effect.Mailbox}"));
    }

    public async Task PreflightAsync(PreflightEffect effect, CancellationToken cancellationToken)
    {
        var appId = AppIdOrPost(effect.AppId);
        if (appId is null) return;
        var request = Request(effect.Protocols, effect.Mailbox, appId);
        var report = await new PreflightRunner(workspace.SetupReader, clock).RunAsync(
            appId, effect.Mailbox, effect.Protocols,
            CanGetToken ? ct => AcquireAsync(new DiagnoseEffect(effect.Protocols, effect.Mailbox, appId), appId, ct) : null,
            (protocol, token, ct) => LoginAsync(request, protocol, token, ct),
            link => post(new PreflightLinkMsg(link)),
            cancellationToken);
        post(new DiagnosticsFinishedMsg(report.BrokenLink is { } broken ? $"preflight: broken at \"{broken.Title}\""
            : report.Passed ? "preflight: every link holds" : "preflight: no broken link; token and login not checked (no app secret)"));
    }

    private bool CanGetToken => workspace.IsSandbox || knownSecret() is not null;

    private DiagnosisRequest Request(IReadOnlyList<MailProtocol> protocols, string mailbox, string appId) =>
        new(protocols.Select(p => workspace.Target(p)).ToList(), mailbox, workspace.Cloud)
        {
            AppId = appId,
            Tenant = workspace.TenantId,
            TrustedCertificates = workspace.TrustedCertificates,
            SetupReader = workspace.SetupReader,
        };

    /// <summary>The runner's events as the pane's messages.</summary>
    private void Post(DiagnosisEvent e, DiagnosisRequest request)
    {
        switch (e)
        {
            case TokenRefused refused:
                post(new TraceMsg(TraceLine.Token("token request refused: " + refused.ErrorText)));
                foreach (var target in request.Targets) post(
                    new ProbeFinishedMsg(new ProbeVerdict(target.Protocol, false, "no token: " + refused.ErrorText, refused.Findings)));
                break;
            case TokenReceived { Claims: { } claims }:
                post(new TokenRolesMsg(claims.Roles.Concat(claims.Scopes).ToHashSet(StringComparer.OrdinalIgnoreCase)));
                break;
            case SetupRead read:
                post(
                    new ConsentLoadedMsg(
                        read.Setup.ExchangeRoles.Concat(read.Setup.ExchangeDelegatedScopes).ToHashSet(StringComparer.OrdinalIgnoreCase)));
                break;
            case LoginTraced traced:
                post(new TraceMsg(TraceLine.Mail(traced.Target.Protocol, traced.Event)));
                break;
            case LoginFinished { Run: var run }:
                post(
                    new ProbeFinishedMsg(
                        new ProbeVerdict(run.Target.Protocol, run.Result.Succeeded, run.Result.FinalAnswer ?? run.Result.Failure, run.Findings)));
                break;
        }
    }

    private string? AppIdOrPost(string? appId)
    {
        appId ??= workspace.FindSandboxApp(null)?.AppId;
        if (appId is null) post(new WorkFailedMsg("diagnostics", "no app chosen: adopt one in pane 2, or set one up (p, then a) first"));
        return appId;
    }

    /// <summary>The app's token by the chosen flow; a device code is shown in the trace (the sandbox approves its own).</summary>
    private Task<MailToken> AcquireAsync(DiagnoseEffect effect, string appId, CancellationToken cancellationToken)
    {
        var secret = effect.Flow == MailTokenFlow.Secret || !workspace.IsSandbox ? knownSecret() : null;
        var user = effect.Flow == MailTokenFlow.Secret && workspace.IsSandbox ? null
            : effect.User ?? (workspace.IsSandbox ? workspace.SandboxSignInFor(effect.Mailbox) : effect.Mailbox);
        return workspace.AcquireMailTokenAsync(appId, new MailAppCredential(effect.Flow, secret, null, user, effect.Password), effect.Protocols,
            line =>
        {
            post(new TraceMsg(TraceLine.Token(line)));
            return Task.CompletedTask;
        }, cancellationToken);
    }

    /// <summary>One preflight login, traced into the pane like a diagnosis.</summary>
    private Task<MailProbeResult> LoginAsync(DiagnosisRequest request, MailProtocol protocol, string token, CancellationToken cancellationToken)
    {
        var target = request.Targets.Single(t => t.Protocol == protocol);
        return MailProbe.For(protocol).RunAsync(request.Login(target, token, new TuiTraceSink(target.Protocol, post)), cancellationToken);
    }
}
