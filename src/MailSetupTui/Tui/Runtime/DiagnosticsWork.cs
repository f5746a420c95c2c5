using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Preflight;
using MailSetup.Core.Setup;
using MailSetupTui.Cli;
using MailSetupTui.Tui.App;

namespace MailSetupTui.Tui.Runtime;

/// <summary>
/// Diagnostics and preflight for the Diagnostics pane: the app's token by its own flow, a traced
/// login per protocol streamed line by line, and findings ranked with the setup read live.
/// </summary>
internal sealed class DiagnosticsWork(TuiWorkspace workspace, TimeProvider clock, Func<string?> knownSecret, Action<Msg> post)
{
    public async Task DiagnoseAsync(DiagnoseEffect effect, CancellationToken cancellationToken)
    {
        var (appId, token) = await TokenAsync(effect, cancellationToken);
        if (appId is null || token is null) return;
        var setup = await new MailAppSetupReader(workspace.Clients.Graph, workspace.Clients.Exchange).ReadAsync(appId, effect.Mailbox, cancellationToken);
        var claims = JwtClaims.TryDecode(token.AccessToken, out var decoded) ? decoded : null;
        if (claims is not null) post(new TokenRolesMsg(claims.Roles.Concat(claims.Scopes).ToHashSet(StringComparer.OrdinalIgnoreCase)));
        post(new ConsentLoadedMsg(setup.ExchangeRoles.Concat(setup.ExchangeDelegatedScopes).ToHashSet(StringComparer.OrdinalIgnoreCase)));

        var worked = 0;
        foreach (var protocol in effect.Protocols)
        {
            var result = await LoginAsync(protocol, effect.Mailbox, token.AccessToken, cancellationToken);
            var findings = new Diagnostician().Diagnose(ProbeFacts.From(result, clock.GetUtcNow(), effect.Mailbox, workspace.Cloud, claims, setup));
            post(new ProbeFinishedMsg(new ProbeVerdict(protocol, result.Succeeded, result.FinalAnswer ?? result.Failure, findings)));
            if (result.Succeeded) worked++;
        }
        post(new DiagnosticsFinishedMsg($"{worked} of {effect.Protocols.Count} login(s) work for {effect.Mailbox}"));
    }

    public async Task PreflightAsync(PreflightEffect effect, CancellationToken cancellationToken)
    {
        var appId = AppIdOrPost(effect.AppId);
        if (appId is null) return;
        var report = await new PreflightRunner(new MailAppSetupReader(workspace.Clients.Graph, workspace.Clients.Exchange), clock).RunAsync(
            appId, effect.Mailbox, effect.Protocols,
            CanGetToken ? ct => AcquireAsync(new DiagnoseEffect(effect.Protocols, effect.Mailbox, appId), appId, ct) : null,
            (protocol, token, ct) => LoginAsync(protocol, effect.Mailbox, token, ct),
            link => post(new PreflightLinkMsg(link)),
            cancellationToken);
        post(new DiagnosticsFinishedMsg(report.BrokenLink is { } broken ? $"preflight: broken at \"{broken.Title}\"" : report.Passed ? "preflight: every link holds" : "preflight: no broken link; token and login not checked (no app secret)"));
    }

    private bool CanGetToken => workspace.Sandbox is not null || knownSecret() is not null;

    private string? AppIdOrPost(string? appId)
    {
        appId ??= workspace.Sandbox?.FindApp(null)?.AppId;
        if (appId is null) post(new WorkFailedMsg("diagnostics", "no app chosen: adopt one in pane 2, or set one up (p, then a) first"));
        return appId;
    }

    private async Task<(string? AppId, MailToken? Token)> TokenAsync(DiagnoseEffect effect, CancellationToken cancellationToken)
    {
        var protocols = effect.Protocols;
        var appId = AppIdOrPost(effect.AppId);
        if (appId is null) return (null, null);
        if (effect.Flow == MailTokenFlow.Secret && !CanGetToken)
        {
            post(new WorkFailedMsg("diagnostics", $"no client secret for app {appId} in this session; set AZURE_CLIENT_SECRET or use 'mailsetup diagnose --token-file'"));
            return (appId, null);
        }
        try
        {
            return (appId, await AcquireAsync(effect, appId, cancellationToken));
        }
        catch (MailTokenException e)
        {
            post(new TraceMsg(TraceLine.Token("token request refused: " + e.ErrorText)));
            var findings = new Diagnostician().Diagnose(new DiagnosisFacts(clock.GetUtcNow(), AppId: appId, Cloud: workspace.Cloud, ErrorText: e.ErrorText));
            foreach (var protocol in protocols) post(new ProbeFinishedMsg(new ProbeVerdict(protocol, false, "no token: " + e.ErrorText, findings)));
            post(new DiagnosticsFinishedMsg("the token was refused; no login was tried"));
            return (appId, null);
        }
    }

    /// <summary>The app's token by the chosen flow; a device code is shown in the trace (the sandbox approves its own).</summary>
    private Task<MailToken> AcquireAsync(DiagnoseEffect effect, string appId, CancellationToken cancellationToken)
    {
        Task Show(string line)
        {
            post(new TraceMsg(TraceLine.Token(line)));
            return Task.CompletedTask;
        }

        if (workspace.Sandbox is { } sandbox)
        {
            var user = effect.Flow == MailTokenFlow.Secret ? null : effect.User ?? SandboxSignIn(sandbox, effect.Mailbox);
            return sandbox.AcquireTokenAsync(appId, effect.Flow, effect.Protocols, user, null, effect.Flow == MailTokenFlow.Secret ? knownSecret() : null, Show, cancellationToken);
        }
        return new MailTokenSource().AcquireAsync(new MailTokenRequest
        {
            Cloud = workspace.Cloud,
            Tenant = workspace.TenantId,
            ClientId = appId,
            Flow = effect.Flow,
            Protocols = effect.Protocols,
            ClientSecret = knownSecret(),
            UserName = effect.User ?? effect.Mailbox,
            Password = effect.Password,
        }, (code, _) => Show($"to sign in as the mail user, open {code.VerificationUri} on any device and enter the code {code.UserCode}"), cancellationToken);
    }

    /// <summary>Who signs in to the sandbox for a delegated flow: the mailbox's person, or the admin for a shared mailbox (which cannot sign in).</summary>
    private static string SandboxSignIn(MailSetup.Sandbox.Hosting.SandboxDiagnosisSession sandbox, string mailbox) =>
        sandbox.Tenant.Read(s => s.Users.Any(u => u.AccountEnabled && u.UserPrincipalName.Equals(mailbox, StringComparison.OrdinalIgnoreCase)))
            ? mailbox
            : MailSetup.Sandbox.State.TenantSeed.AdminAddress;

    private Task<MailProbeResult> LoginAsync(MailProtocol protocol, string mailbox, string token, CancellationToken cancellationToken)
    {
        var (host, port, tls) = workspace.Sandbox?.Mail.Endpoint(protocol) is { } e
            ? (e.Host, e.Port, e.Tls)
            : DiagnoseTarget.For(protocol, workspace.Cloud, null, null, null) is var t ? (t.Host, t.Port, t.Tls) : default;
        var probe = MailProbe.For(protocol);
        return probe.RunAsync(new MailProbeRequest
        {
            Host = host,
            Port = port,
            Tls = tls,
            Mailbox = mailbox,
            Token = token,
            Options = new MailConnectionOptions { TrustedCertificates = workspace.Sandbox is { } s ? [s.Mail.Certificate] : [] },
            TraceSink = new TuiTraceSink(protocol, post),
        }, cancellationToken);
    }
}
