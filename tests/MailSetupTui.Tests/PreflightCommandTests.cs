using MailSetup.App;
using System.Text.Json;
using MailSetup.Sandbox.State;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests;

/// <summary><c>mailsetup preflight</c> in-process against the sandbox (its setup read live, its mail servers on real sockets).</summary>
public sealed class PreflightCommandTests : IDisposable
{
    private const string Support = "support@contoso.onmicrosoft.com";
    private readonly TempFolder _folder = new();
    private readonly SandboxStateStore _store;

    public PreflightCommandTests() => _store = new SandboxStateStore(_folder.File("state/mailsetup/sandbox-tenant.json"));

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(services => services
        .AddSingleton(new StateFolders(Path.GetDirectoryName(_store.Path)!))
        .AddSingleton<IEnvironment>(DictionaryEnvironment.Empty), args);

    private async Task ApplyAsync(string presets)
    {
        var applied = await RunAsync("apply", "--preset", presets, "--app-name", "Mail Relay", "--mailbox", Support, "--yes",
            "--secret-out", _folder.File($"secret-{Guid.NewGuid():N}.txt"));
        Assert.True(applied.ExitCode == 0, applied.ToString());
    }

    [Fact]
    public async Task A_finished_imap_setup_holds_at_every_link_down_to_a_real_login()
    {
        await ApplyAsync("imap-app");

        var result = await RunAsync("preflight", "imap", "--sandbox", "--mailbox", Support);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(10, result.Stdout.Split('\n').Count(l => l.StartsWith("  [ok]", StringComparison.Ordinal)));
        Assert.Contains("[ok]   IMAP login: A2 OK AUTHENTICATE completed.", result.Stdout);
        Assert.Contains("result: every link holds; the login works.", result.Stdout);
    }

    [Fact]
    public async Task An_app_with_a_certificate_and_no_secret_is_walked_without_a_crash()
    {
        var applied = await RunAsync("apply", "--preset", "imap-app", "--app-name", "Cert Reader", "--mailbox", Support, "--certificate", "--yes");
        Assert.True(applied.ExitCode == 0, applied.ToString());

        var result = await RunAsync("preflight", "imap", "--sandbox", "--mailbox", Support);

        Assert.DoesNotContain("Sequence contains no elements", result.Stderr);
        Assert.DoesNotContain("unexpected failure", result.Stderr);
        Assert.True(result.ExitCode is 0 or 1, result.ToString());
        Assert.Contains("[ok]   Client secret or certificate:", result.Stdout);
    }

    [Fact]
    public async Task Smtp_stops_at_smtp_auth_disabled_for_the_tenant_with_the_fix_and_nothing_after_is_checked()
    {
        await ApplyAsync("smtp-app");
        // The plan turned SMTP AUTH on for the mailbox; without that setting it follows the tenant, off by the seed's default.
        SandboxTenant.LoadOrSeed(_store, TestClock.Default)
            .Change(s => s.Users.Single(u => u.Mail == Support).SmtpClientAuthenticationDisabled = null);

        var result = await RunAsync("preflight", "smtp", "--sandbox", "--mailbox", Support);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[FAIL] SMTP AUTH allowed: Get-TransportConfig: SmtpClientAuthenticationDisabled True", result.Stdout);
        Assert.Contains($"fix: Set-CASMailbox -Identity {Support} -SmtpClientAuthenticationDisabled $false", result.Stdout);
        Assert.Contains("[--]   Token carries the role: not checked: an earlier link is broken", result.Stdout);
        Assert.Contains("result: broken at \"SMTP AUTH allowed\"", result.Stdout);
    }

    [Fact]
    public async Task A_wrong_exchange_object_id_breaks_there_and_json_says_so()
    {
        await ApplyAsync("imap-app");
        var tenant = SandboxTenant.LoadOrSeed(_store, TestClock.Default);
        tenant.Change(s =>
        {
            var app = s.Applications.Single(a => a.DisplayName == "Mail Relay");
            s.Exchange.ServicePrincipals.Single(sp => sp.AppId == app.AppId).ObjectId = app.Id;
        });

        var result = await RunAsync("preflight", "imap", "--sandbox", "--mailbox", Support, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("exchange-registration", json.RootElement.GetProperty("brokenAt").GetString());
        var links = json.RootElement.GetProperty("links").EnumerateArray().ToList();
        Assert.Equal("failed", links.Single(l => l.GetProperty("key").GetString() == "exchange-registration").GetProperty("status").GetString());
        Assert.Equal("not-checked", links[^1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_seeded_scanner_app_made_in_the_portal_breaks_at_the_exchange_registration_with_the_fix()
    {
        var scanner = SeededMailApps.ScannerSmtpAppId;

        var result =
            await RunAsync("preflight", "smtp", "--sandbox", "--client-id", scanner, "--mailbox", "noreply@contoso.onmicrosoft.com");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[ok]   Client secret or certificate: 'scanner' ends ", result.Stdout);
        Assert.Contains($"[FAIL] Registered with Exchange (New-ServicePrincipal): Get-ServicePrincipal lists no AppId {scanner}", result.Stdout);
        Assert.Contains($"fix: New-ServicePrincipal -AppId {scanner} -ObjectId ", result.Stdout);
        Assert.Contains("result: broken at \"Registered with Exchange (New-ServicePrincipal)\"", result.Stdout);
    }

    [Fact]
    public async Task The_seeded_legacy_sync_app_breaks_at_its_expired_secret()
    {
        var result = await RunAsync("preflight", "imap", "--sandbox", "--client-id", SeededMailApps.LegacyImapSyncAppId, "--mailbox",
            SeededMailApps.LegacyImapSyncMailbox);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[FAIL] Client secret or certificate: every credential has expired; the latest, 'imap sync' ends ", result.Stdout);
        Assert.Contains("result: broken at \"Client secret or certificate\"", result.Stdout);
    }

    [Theory]
    [InlineData("imap --sandbox", "--mailbox: is required")]
    [InlineData("imap --sandbox --mailbox x@y --cloud china", "--cloud: does not go with --sandbox")]
    [InlineData("imap --mailbox x@y", "--tenant: is required to get a token")]
    [InlineData("imap --mailbox x@y --tenant contoso.com", "--client-id: is required with --tenant")]
    [InlineData("gopher --sandbox --mailbox x@y", "unknown protocol 'gopher'")]
    [InlineData("imap --sandbox --mailbox x@y --format xml", "--format: unknown format 'xml'; expected one of text, json.")]
    public async Task Bad_input_exits_2_and_reads_nothing(string args, string expected)
    {
        var result = await RunAsync(["preflight", .. args.Split(' ')]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.False(File.Exists(_store.Path));
    }
}
