using System.Text.Json;
using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Identity;
using MailSetup.Core.Identity.MailTokens;
using MailSetup.Core.Preflight;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetup.Sandbox.Tests.Support;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Seed;

/// <summary>
/// The seeded apps mailsetup did not make, read and refused through the same paths a diagnosis of a
/// real tenant takes: Graph and the Exchange admin API for the setup, the token endpoint by the
/// app's own secret.
/// </summary>
public sealed class SeededMailAppTests
{
    private static readonly DateTimeOffset Now = TestClock.SnapshotDate;
    private static readonly DateTimeOffset Today = new(Now.UtcDateTime.Date, TimeSpan.Zero);
    private static readonly string Scanner = SeededMailApps.ScannerSmtpAppId;
    private static readonly string Legacy = SeededMailApps.LegacyImapSyncAppId;

    private static Task<SandboxDiagnosisSession> OpenAsync() => SandboxDiagnosisSession.OpenAsync(Sandboxes.Tenant());

    private static Task<PreflightReport> PreflightAsync(SandboxDiagnosisSession session, string appId, string mailbox, MailProtocol protocol) =>
        new PreflightRunner(session.SetupReader, session.Tenant.Clock).RunAsync(appId, mailbox, [protocol], null,
            (_, _, _) => throw new InvalidOperationException("no login expected: a setup link is broken"), null, default);

    [Fact]
    public async Task Scanner_SMTP_is_consented_with_a_valid_secret_but_never_registered_in_Exchange_which_is_the_first_finding()
    {
        await using var session = await OpenAsync();

        var setup = await session.SetupReader.ReadAsync(Scanner, "noreply@contoso.onmicrosoft.com", default);

        Assert.Equal("Scanner SMTP", setup.App?.DisplayName);
        Assert.NotNull(setup.ServicePrincipalId);
        Assert.Equal(["SMTP.SendAsApp"], setup.ExchangeRoles);
        Assert.Null(setup.Exchange);
        Assert.True(setup.SecretExpiresOn > Now.AddYears(1), $"the secret ends {setup.SecretExpiresOn}");
        Assert.False(setup.Mailbox?.FullAccess);
        Assert.False(setup.Mailbox?.SendAs);
        var findings = new Diagnostician().Diagnose(setup.Facts(Now, MailProtocol.Smtp));
        Assert.Equal("exchange-no-service-principal", findings[0].Code);
        Assert.Contains($"New-ServicePrincipal -AppId {Scanner} -ObjectId {setup.ServicePrincipalId}", findings[0].Fix);
        Assert.DoesNotContain(findings, f => f.Code is "consent-missing-role" or "secret-expired" or "secret-expiring");
    }

    [Fact]
    public async Task The_scanner_apps_own_secret_gets_a_token_with_SMTP_SendAsApp_and_preflight_stops_at_the_exchange_registration()
    {
        await using var session = await OpenAsync();

        var token = await session.AcquireTokenAsync(Scanner, MailTokenFlow.Secret, [MailProtocol.Smtp], null, null,
            SeededMailApps.ScannerSmtpSecret, null, default);
        var report = await PreflightAsync(session, Scanner, "noreply@contoso.onmicrosoft.com", MailProtocol.Smtp);

        Assert.Equal(["SMTP.SendAsApp"], JwtClaims.Decode(token.AccessToken).Roles);
        var broken = Assert.IsType<PreflightLink>(report.BrokenLink);
        Assert.Equal("exchange-registration", broken.Key);
        Assert.Equal($"Get-ServicePrincipal lists no AppId {Scanner}", broken.Evidence);
        Assert.All(report.Links.TakeWhile(l => l != broken), l => Assert.Equal(PreflightStatus.Passed, l.Status));
    }

    [Fact]
    public async Task The_legacy_sync_apps_expired_secret_is_refused_with_AADSTS7000222_and_explained()
    {
        await using var session = await OpenAsync();

        var refused = await Assert.ThrowsAsync<MailTokenException>(() => session.AcquireTokenAsync(Legacy, MailTokenFlow.Secret,
            [MailProtocol.Imap], null, null, SeededMailApps.LegacyImapSyncSecret, null, default));

        Assert.Equal(7000222, refused.Failure?.Code);
        var finding = Assert.Single(new Diagnostician().Diagnose(new DiagnosisFacts(Now, AppId: Legacy, ErrorText: refused.ErrorText)));
        Assert.Equal("aadsts-7000222", finding.Code);
        Assert.DoesNotContain(SeededMailApps.LegacyImapSyncSecret, refused.ErrorText);
    }

    [Fact]
    public async Task Legacy_IMAP_Sync_is_set_up_for_sales_and_its_only_broken_link_is_the_expired_secret()
    {
        await using var session = await OpenAsync();
        var sales = SeededMailApps.LegacyImapSyncMailbox;

        var setup = await session.SetupReader.ReadAsync(Legacy, sales, default);
        var report = await PreflightAsync(session, Legacy, sales, MailProtocol.Imap);

        Assert.Equal(["IMAP.AccessAsApp"], setup.ExchangeRoles);
        Assert.Equal(setup.ServicePrincipalId, setup.Exchange?.ObjectId);
        Assert.True(setup.Mailbox?.FullAccess);
        Assert.True(setup.SecretExpiresOn < Now, $"the secret ends {setup.SecretExpiresOn}");
        var finding = Assert.Single(new Diagnostician().Diagnose(setup.Facts(Now, MailProtocol.Imap)));
        Assert.Equal("secret-expired", finding.Code);
        Assert.Contains("AADSTS7000222", finding.Cause);
        Assert.Equal("credential", report.BrokenLink?.Key);
        Assert.StartsWith("every credential has expired; the latest, 'imap sync' ends ", report.BrokenLink!.Evidence);
    }

    [Fact]
    public void The_seeded_apps_are_the_same_all_day_portal_made_and_keep_their_secrets_only_as_hashes()
    {
        var morning = TenantSeed.Create(new TenantSeedOptions(), Today.AddHours(1));
        var evening = TenantSeed.Create(new TenantSeedOptions(), Today.AddHours(23));

        var json = JsonSerializer.Serialize(morning, SandboxStateStore.Json);
        Assert.Equal(json, JsonSerializer.Serialize(evening, SandboxStateStore.Json));
        Assert.DoesNotContain(SeededMailApps.ScannerSmtpSecret, json);
        Assert.DoesNotContain(SeededMailApps.LegacyImapSyncSecret, json);
        var seeded = morning.Applications.Where(a => SeededMailApps.AppIds.Contains(a.AppId)).ToList();
        Assert.Equal(["Scanner SMTP", "Legacy IMAP Sync"], seeded.Select(a => a.DisplayName));
        Assert.All(seeded, a => Assert.Null(a.UniqueName));
        Assert.All(seeded, a => Assert.True(a.CreatedDateTime < Today, $"{a.DisplayName} made {a.CreatedDateTime}"));
        Assert.DoesNotContain(morning.Exchange.ServicePrincipals, sp => sp.AppId == Scanner);
    }
}
