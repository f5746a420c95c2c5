using MailSetup.Core.Catalog;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Preflight;
using MailSetup.Core.Setup;
using MailSetup.Sandbox.Tests.Execution;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Preflight;

/// <summary>
/// The chain walked against a sandbox a plan set up, read live through the real Graph SDK and the
/// Exchange admin API; each test breaks one link the way people break it and checks the walk stops there.
/// </summary>
public sealed class PreflightTests
{
    private const string Support = PlanCases.Support;

    private static async Task<(SandboxRun Run, string AppId)> SetUpAsync(string presets = "imap-app", string mailbox = Support)
    {
        var run = new SandboxRun();
        var result = await run.ApplyAsync(run.Plan(new() { Presets = presets, AppName = "Mail Relay", Mailboxes = [mailbox] }));
        Assert.True(result.Succeeded, PlanRunnerTests.Describe(result));
        return (run, result.Values["app.appId"]);
    }

    private static Task<PreflightReport> WalkAsync(SandboxRun run, string appId, string mailbox, IReadOnlyList<MailProtocol> protocols,
        Func<CancellationToken, Task<MailToken>>? token = null) =>
        new PreflightRunner(new MailAppSetupReader(run.Clients.Graph, run.Clients.Exchange), TimeProvider.System)
            .RunAsync(appId, mailbox, protocols, token, (_, _, _) => throw new InvalidOperationException("no login expected in this test"), null,
                default);

    private static void AssertBrokenAt(PreflightReport report, string key, string evidence)
    {
        var broken = Assert.IsType<PreflightLink>(report.BrokenLink);
        Assert.Equal(key, broken.Key);
        Assert.Contains(evidence, broken.Evidence);
        Assert.False(string.IsNullOrWhiteSpace(broken.Fix));
        var after = report.Links.SkipWhile(l => l != broken).Skip(1).ToList();
        Assert.NotEmpty(after);
        Assert.All(after, l => Assert.Equal(PreflightStatus.NotChecked, l.Status));
        Assert.All(report.Links.TakeWhile(l => l != broken), l => Assert.NotEqual(PreflightStatus.Failed, l.Status));
    }

    [Fact]
    public async Task A_finished_imap_setup_passes_every_setup_link_and_leaves_token_and_login_unchecked_without_a_credential()
    {
        var (run, appId) = await SetUpAsync();
        await using var _ = run;

        var report = await WalkAsync(run, appId, Support, [MailProtocol.Imap]);

        Assert.Equal(
            ["app", "enterprise-app", "credential", "consent", "exchange-registration", "mailbox", "mailbox-permission", "protocol-imap", "token",
                "login-imap"],
            report.Links.Select(l => l.Key));
        Assert.All(report.Links.Take(8), l => Assert.Equal(PreflightStatus.Passed, l.Status));
        Assert.All(report.Links.Skip(8), l => Assert.Equal(PreflightStatus.NotChecked, l.Status));
        Assert.Null(report.BrokenLink);
        Assert.False(report.Passed);
    }

    [Fact]
    public async Task An_unknown_client_id_breaks_the_first_link()
    {
        var (run, _) = await SetUpAsync();
        await using var _ = run;
        var report = await WalkAsync(run, "0f0f0f0f-1111-4222-8333-444455556666", Support, [MailProtocol.Imap]);
        AssertBrokenAt(report, "app", "0f0f0f0f-1111-4222-8333-444455556666");
    }

    [Fact]
    public async Task Exchange_registered_with_the_app_registrations_object_id_is_named_the_classic_mistake()
    {
        var (run, appId) = await SetUpAsync();
        await using var _ = run;
        var appObjectId = run.Tenant.Read(s => s.Applications.Single(a => a.AppId == appId).Id);
        run.Tenant.Change(s => s.Exchange.ServicePrincipals.Single(sp => sp.AppId == appId).ObjectId = appObjectId);

        var report = await WalkAsync(run, appId, Support, [MailProtocol.Imap]);

        AssertBrokenAt(report, "exchange-registration", "classic mistake");
        Assert.Contains($"Remove-ServicePrincipal -Identity {appObjectId}", report.BrokenLink!.Fix);
        Assert.Contains("New-ServicePrincipal -AppId " + appId, report.BrokenLink.Fix);
    }

    [Fact]
    public async Task Consent_removed_breaks_at_consent_naming_the_missing_role()
    {
        var (run, appId) = await SetUpAsync();
        await using var _ = run;
        run.Tenant.Change(s => s.AppRoleAssignments.RemoveAll(a => s.ServicePrincipals.Any(sp => sp.Id == a.PrincipalId && sp.AppId == appId)));

        AssertBrokenAt(await WalkAsync(run, appId, Support, [MailProtocol.Imap]), "consent", "IMAP.AccessAsApp");
    }

    [Fact]
    public async Task Asking_for_pop_of_an_imap_app_breaks_at_consent()
    {
        var (run, appId) = await SetUpAsync();
        await using var _ = run;
        AssertBrokenAt(await WalkAsync(run, appId, Support, [MailProtocol.Imap, MailProtocol.Pop]), "consent", "POP.AccessAsApp");
    }

    [Fact]
    public async Task An_expired_secret_breaks_at_the_credential_and_one_expiring_soon_only_warns()
    {
        var (run, appId) = await SetUpAsync();
        await using var _ = run;
        void EndSecrets(TimeSpan from) => run.Tenant.Change(s =>
        {
            foreach (var secret in s.Applications.Single(a => a.AppId == appId).PasswordCredentials) secret.EndDateTime =
                DateTimeOffset.UtcNow + from;
        });

        EndSecrets(TimeSpan.FromDays(10));
        var warned = await WalkAsync(run, appId, Support, [MailProtocol.Imap]);
        Assert.Equal(PreflightStatus.Warning, warned.Links.Single(l => l.Key == "credential").Status);
        Assert.Null(warned.BrokenLink);

        EndSecrets(TimeSpan.FromDays(-1));
        AssertBrokenAt(await WalkAsync(run, appId, Support, [MailProtocol.Imap]), "credential", "expired");
    }

    [Fact]
    public async Task No_full_access_breaks_at_the_mailbox_permission_with_the_cmdlet_filled_in()
    {
        var (run, appId) = await SetUpAsync();
        await using var _ = run;
        run.Tenant.Change(s => s.Exchange.MailboxPermissions.Clear());
        var spId = run.Tenant.Read(s => s.ServicePrincipals.Single(sp => sp.AppId == appId).Id);

        var report = await WalkAsync(run, appId, Support, [MailProtocol.Imap]);

        AssertBrokenAt(report, "mailbox-permission", "no FullAccess");
        Assert.Equal($"Add-MailboxPermission -Identity {Support} -User {spId} -AccessRights FullAccess", report.BrokenLink!.Fix);
    }

    [Fact]
    public async Task Imap_disabled_on_archive_breaks_at_the_protocol()
    {
        const string archive = "archive@contoso.onmicrosoft.com";
        var (run, appId) = await SetUpAsync(mailbox: archive);
        await using var _ = run;
        AssertBrokenAt(await WalkAsync(run, appId, archive, [MailProtocol.Imap]), "protocol-imap", "ImapEnabled False");
    }

    [Fact]
    public async Task Smtp_auth_disabled_for_the_tenant_breaks_smtp_and_a_mailbox_override_mends_it()
    {
        var (run, appId) = await SetUpAsync("smtp-app");
        await using var _ = run;
        // The plan turned SMTP AUTH on for the mailbox: without that setting it follows the tenant, off by the seed's default.
        run.Tenant.Change(s => s.Users.Single(u => u.Mail == Support).SmtpClientAuthenticationDisabled = null);

        var report = await WalkAsync(run, appId, Support, [MailProtocol.Smtp]);
        AssertBrokenAt(report, "protocol-smtp", "Get-TransportConfig: SmtpClientAuthenticationDisabled True");
        Assert.Contains($"Set-CASMailbox -Identity {Support} -SmtpClientAuthenticationDisabled $false", report.BrokenLink!.Fix);

        run.Tenant.Change(s => s.Users.Single(u => u.Mail == Support).SmtpClientAuthenticationDisabled = false);
        var mended = await WalkAsync(run, appId, Support, [MailProtocol.Smtp]);
        Assert.Equal(PreflightStatus.Passed, mended.Links.Single(l => l.Key == "protocol-smtp").Status);
    }

    [Fact]
    public async Task An_unknown_mailbox_breaks_at_the_mailbox()
    {
        var (run, appId) = await SetUpAsync();
        await using var _ = run;
        AssertBrokenAt(await WalkAsync(run, appId, "nobody@contoso.onmicrosoft.com", [MailProtocol.Imap]), "mailbox",
            "nobody@contoso.onmicrosoft.com");
    }

    [Fact]
    public async Task A_token_refused_by_entra_breaks_at_the_token_with_the_aadsts_explanation()
    {
        var (run, appId) = await SetUpAsync();
        await using var _ = run;

        var report =
            await WalkAsync(run, appId, Support, [MailProtocol.Imap],
                ct => new MailTokenSource(run.Host.CreateHandler()).AcquireAsync(new MailTokenRequest
        {
            Cloud = run.Cloud, Tenant = run.Tenant.TenantId, ClientId = appId, Flow = MailTokenFlow.Secret, ClientSecret = "not-the-secret",
        }, null, ct));

        AssertBrokenAt(report, "token", "AADSTS7000215");
    }

    [Fact]
    public async Task The_apps_own_token_passes_the_token_link_and_the_login_is_tried_with_it()
    {
        var (run, appId) = await SetUpAsync();
        await using var _ = run;
        var tried = new List<MailProtocol>();

        var report = await new PreflightRunner(new MailAppSetupReader(run.Clients.Graph, run.Clients.Exchange), TimeProvider.System).RunAsync(
            appId, Support, [MailProtocol.Imap],
            ct => new MailTokenSource(run.Host.CreateHandler()).AcquireAsync(new MailTokenRequest
            {
                Cloud = run.Cloud, Tenant = run.Tenant.TenantId, ClientId = appId, Flow = MailTokenFlow.Secret,
                ClientSecret = Assert.Single(run.Secrets),
            }, null, ct),
            (protocol, _, _) =>
            {
                tried.Add(protocol);
                // Nothing listens on port 9 of this machine: the login link must turn that into a broken link with a finding.
                return new ImapProbe().RunAsync(
                    new MailProbeRequest { Host = "127.0.0.1", Port = 9, Tls = MailSetup.Core.Mail.Connection.TlsMode.Implicit, Mailbox = Support,
                        Token = "x" }, default);
            }, null, default);

        Assert.Equal(PreflightStatus.Passed, report.Links.Single(l => l.Key == "token").Status);
        Assert.Contains("IMAP.AccessAsApp", report.Links.Single(l => l.Key == "token").Evidence);
        Assert.Equal([MailProtocol.Imap], tried);
        AssertBrokenAtLast(report, "login-imap");
    }

    [Fact]
    public async Task More_mailboxes_are_read_for_a_setup_already_read()
    {
        var (run, appId) = await SetUpAsync();
        await using var _ = run;
        var reader = new MailAppSetupReader(run.Clients.Graph, run.Clients.Exchange);
        var setup = await reader.ReadAsync(appId, null, default);

        var mailboxes = await reader.ReadMailboxesAsync(setup, [Support, "sales@contoso.onmicrosoft.com", "nobody@contoso.onmicrosoft.com"], default);

        Assert.True(mailboxes[Support].FullAccess);
        Assert.False(mailboxes["sales@contoso.onmicrosoft.com"].FullAccess);
        Assert.False(mailboxes.ContainsKey("nobody@contoso.onmicrosoft.com"));
    }

    private static void AssertBrokenAtLast(PreflightReport report, string key)
    {
        Assert.Equal(key, report.BrokenLink?.Key);
        Assert.Same(report.Links[^1], report.BrokenLink);
        Assert.Contains("nothing accepts connections", report.BrokenLink!.Fix, StringComparison.OrdinalIgnoreCase);
    }
}
