using MailSetup.App;
using System.Text.Json;
using System.Text.RegularExpressions;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests;

/// <summary>
/// <c>mailsetup diagnose --sandbox</c> in-process: the sandbox's Exchange-like servers on real sockets,
/// the mail app's token by its own flow, findings ranked with the setup read live.
/// </summary>
public sealed partial class DiagnoseSandboxTests : IDisposable
{
    private const string Support = "support@contoso.onmicrosoft.com";
    private readonly TempFolder _folder = new();
    private readonly SandboxStateStore _store;
    private readonly Dictionary<string, string> _environment = [];

    public DiagnoseSandboxTests() => _store = new SandboxStateStore(_folder.File("state/mailsetup/sandbox-tenant.json"));

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(services => services
        .AddSingleton(new StateFolders(Path.GetDirectoryName(_store.Path)!))
        .AddSingleton<IEnvironment>(new DictionaryEnvironment(_environment)), args);

    private async Task ApplyAsync(string presets = "imap-app,smtp-app", params string[] more)
    {
        var applied = await RunAsync(["apply", "--preset", presets, "--app-name", "Mail Relay", "--mailbox", Support, "--yes",
            .. more.Contains("--secret-out") ? more : [.. more, "--secret-out", _folder.File($"secret-{Guid.NewGuid():N}.txt")]]);
        Assert.True(applied.ExitCode == 0, applied.ToString());
    }

    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")]
    private static partial Regex Jwt();

    [Fact]
    public async Task All_three_protocols_stream_a_trace_and_each_result_is_explained_with_the_live_setup()
    {
        await ApplyAsync();
        // The plan turned SMTP AUTH on for the mailbox; without that setting it follows the tenant, off by the seed's default.
        SandboxTenant.LoadOrSeed(_store, TestClock.Default)
            .Change(s => s.Users.Single(u => u.Mail == Support).SmtpClientAuthenticationDisabled = null);

        var result = await RunAsync("diagnose", "all", "--sandbox", "--mailbox", Support);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(3, Regex.Matches(result.Stdout, @"^== (imap|pop|smtp) 127\.0\.0\.1:\d+ ", RegexOptions.Multiline).Count);
        Assert.Contains("imap: login works (A2 OK AUTHENTICATE completed.)", result.Stdout);
        Assert.Contains("pop: login FAILED (-ERR Authentication failure: unknown user name or bad password.)", result.Stdout);
        Assert.Contains("consent-missing-role", result.Stdout);
        Assert.Contains("smtp: login FAILED (535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.",
            result.Stdout);
        Assert.Contains("[error] smtp-auth-disabled-tenant", result.Stdout);
        Assert.Contains("<token redacted: aud=https://outlook.office365.com", result.Stdout);
        Assert.DoesNotMatch(Jwt(), result.Stdout + result.Stderr);
        Assert.Contains("added a temporary client secret", result.Stderr);
        // The temporary secret is gone again: the app keeps only the secret apply made.
        var tenant = SandboxTenant.LoadOrSeed(_store, TestClock.Default);
        Assert.Empty(
            tenant.Read(
                s =>
                    s.Applications.SelectMany(a => a.PasswordCredentials).Where(p => p.DisplayName == SandboxDiagnosisSession.TemporarySecretName)
                        .ToList()));
    }

    [Fact]
    public async Task Smtp_works_once_smtp_auth_is_allowed_for_the_mailbox_and_the_secret_from_apply_is_used_when_given()
    {
        var secretFile = _folder.File("secret.txt");
        await ApplyAsync("imap-app,smtp-app", "--secret-out", secretFile);
        var tenant = SandboxTenant.LoadOrSeed(_store, TestClock.Default);
        tenant.Change(s => s.Users.Single(u => u.Mail == Support).SmtpClientAuthenticationDisabled = false);

        var result = await RunAsync("diagnose", "smtp", "--sandbox", "--mailbox", Support, "--secret-file", secretFile);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("smtp: login works (235 2.7.0 Authentication successful)", result.Stdout);
        Assert.DoesNotContain("temporary client secret", result.Stderr);
        Assert.DoesNotContain(File.ReadAllText(secretFile).Trim(), result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task The_smtp_envelope_check_needs_send_as_for_another_sender_and_sends_a_test_message_as_the_mailbox()
    {
        await ApplyAsync("imap-app,smtp-app");
        SandboxTenant.LoadOrSeed(_store, TestClock.Default)
            .Change(s => s.Users.Single(u => u.Mail == Support).SmtpClientAuthenticationDisabled = false);

        var other =
            await RunAsync("diagnose", "smtp", "--sandbox", "--mailbox", Support, "--mail-from", "noreply@contoso.onmicrosoft.com", "--rcpt-to",
                "sales@contoso.onmicrosoft.com");
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("smtp: login FAILED (550 5.7.60 SMTP; Client does not have permissions to send as this sender", other.Stdout);
        Assert.Contains("Add-RecipientPermission", other.Stdout);

        var own = await RunAsync("diagnose", "smtp", "--sandbox", "--mailbox", Support, "--rcpt-to", "sales@contoso.onmicrosoft.com", "--send-test");
        Assert.True(own.ExitCode == 0, own.ToString());
        Assert.Contains($"C: MAIL FROM:<{Support}>", own.Stdout);
        Assert.Contains("C: DATA", own.Stdout);
    }

    [Fact]
    public async Task Json_output_has_each_protocol_with_findings_and_a_redacted_trace()
    {
        await ApplyAsync();
        // The plan turned SMTP AUTH on for the mailbox; without that setting it follows the tenant, off by the seed's default.
        SandboxTenant.LoadOrSeed(_store, TestClock.Default)
            .Change(s => s.Users.Single(u => u.Mail == Support).SmtpClientAuthenticationDisabled = null);

        var result = await RunAsync("diagnose", "all", "--sandbox", "--mailbox", Support, "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var protocols = json.RootElement.GetProperty("protocols").EnumerateArray().ToList();
        Assert.Equal(["imap", "pop", "smtp"], protocols.Select(p => p.GetProperty("protocol").GetString()));
        Assert.Equal([true, false, false], protocols.Select(p => p.GetProperty("succeeded").GetBoolean()));
        Assert.Contains(protocols[2].GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "smtp-auth-disabled-tenant");
        Assert.DoesNotMatch(Jwt(), result.Stdout);
    }

    [Fact]
    public async Task A_refused_token_is_explained_without_a_login()
    {
        await ApplyAsync("imap-app");

        // The imap-app is a confidential client with no delegated consent: the password flow without its secret is refused.
        var result =
            await RunAsync("diagnose", "imap", "--sandbox", "--mailbox", Support, "--auth", "ropc", "--user", "admin@contoso.onmicrosoft.com");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("token: FAILED (AADSTS", result.Stdout);
        Assert.Contains("no login was tried", result.Stdout);
        Assert.Matches(@"\[error\] aadsts-\d+", result.Stdout);
        Assert.DoesNotContain("== imap", result.Stdout);
    }

    [Fact]
    public async Task A_sandbox_without_a_mail_app_says_how_to_make_one()
    {
        var result = await RunAsync("diagnose", "imap", "--sandbox", "--mailbox", Support);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the sandbox tenant has no mail app set up yet; set one up first: mailsetup apply --preset imap-app,smtp-app", result.Stderr);
        Assert.Contains($"or name one of its seeded apps: --client-id {SeededMailApps.ScannerSmtpAppId} ('Scanner SMTP')", result.Stderr);
    }

    [Fact]
    public async Task The_seeded_scanner_app_is_diagnosed_as_not_registered_in_exchange()
    {
        var result = await RunAsync("diagnose", "smtp", "--sandbox", "--mailbox", "noreply@contoso.onmicrosoft.com", "--client-id",
            SeededMailApps.ScannerSmtpAppId);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("smtp: login FAILED", result.Stdout);
        Assert.Contains("[error] exchange-no-service-principal", result.Stdout);
        Assert.Contains($"New-ServicePrincipal -AppId {SeededMailApps.ScannerSmtpAppId} -ObjectId ", result.Stdout);
        Assert.Contains("added a temporary client secret to 'Scanner SMTP'", result.Stderr);
    }

    [Fact]
    public async Task The_seeded_legacy_sync_apps_expired_secret_is_refused_a_token_with_AADSTS7000222()
    {
        var secretFile = _folder.File("legacy-secret.txt");
        File.WriteAllText(secretFile, SeededMailApps.LegacyImapSyncSecret);

        var result = await RunAsync("diagnose", "imap", "--sandbox", "--mailbox", SeededMailApps.LegacyImapSyncMailbox, "--client-id",
            SeededMailApps.LegacyImapSyncAppId, "--secret-file", secretFile);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("token: FAILED (AADSTS7000222", result.Stdout);
        Assert.Contains("[error] aadsts-7000222", result.Stdout);
        Assert.DoesNotContain("== imap", result.Stdout);
        Assert.DoesNotContain(SeededMailApps.LegacyImapSyncSecret, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task An_unknown_client_id_in_the_sandbox_is_bad_input()
    {
        await ApplyAsync("imap-app");
        var result = await RunAsync("diagnose", "imap", "--sandbox", "--mailbox", Support, "--client-id", "0f0f0f0f-1111-4222-8333-444455556666");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("mailsetup: error: --client-id: the sandbox tenant has no app with client id 0f0f0f0f-1111-4222-8333-444455556666",
            result.Stderr);
    }

    [Theory]
    [InlineData("--sandbox --host example.com", "--host: does not go with --sandbox")]
    [InlineData("--sandbox --token-file t.jwt", "--token-file: give a token file or the options to get a token")]
    [InlineData("--sandbox --tenant contoso.com", "--sandbox/--tenant: give --sandbox or --tenant, not both.")]
    [InlineData("", "say where the token comes from: --token-file F, --tenant T --client-id C [--auth ...], or --sandbox.")]
    [InlineData("--tenant contoso.com", "--client-id: is required with --tenant: the mail app's client id.")]
    [InlineData("--tenant contoso.com --client-id 0f0f0f0f-1111-4222-8333-444455556666",
        "--auth secret needs the secret in --secret-file or AZURE_CLIENT_SECRET")]
    [InlineData("--tenant contoso.com --client-id nope --auth magic", "--client-id: 'nope' is not a client id; expected a GUID.")]
    [InlineData("--tenant contoso.com --client-id 0f0f0f0f-1111-4222-8333-444455556666 --auth magic",
        "--auth: unknown flow 'magic'; expected one of secret, certificate, device, ropc.")]
    [InlineData("--tenant contoso.com --client-id 0f0f0f0f-1111-4222-8333-444455556666 --auth ropc",
        "--auth ropc needs support@contoso.onmicrosoft.com's password in MAILSETUP_PASSWORD")]
    [InlineData("--tenant contoso.com --client-id 0f0f0f0f-1111-4222-8333-444455556666 --auth certificate",
        "--certificate-path: is required with --auth certificate.")]
    [InlineData("--tenant contoso.com --client-id 0f0f0f0f-1111-4222-8333-444455556666 --auth device --secret-file s",
        "--secret-file: goes with --auth secret or ropc, not device.")]
    [InlineData("--sandbox --send-test", "--rcpt-to: --mail-from, --rcpt-to and --send-test go with smtp (or all).")]
    [InlineData("--sandbox --rcpt-to nobody", "--rcpt-to: 'nobody' is not a mail address.")]
    public async Task Bad_token_options_are_reported_with_exit_2_and_nothing_is_tried(string options, string expected)
    {
        var result = await RunAsync(["diagnose", "imap", "--mailbox", Support, .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.Empty(result.Stdout);
        Assert.False(File.Exists(_store.Path), "nothing was written to the sandbox");
    }
}
