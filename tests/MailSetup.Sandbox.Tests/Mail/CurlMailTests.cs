using System.Diagnostics;
using MailSetup.Core.Catalog;
using MailSetup.Sandbox.Mail;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>
/// curl, a client we did not write, logs in to each server with --oauth2-bearer. The token goes to
/// curl in a 0600 config file in a temporary folder (not on the command line, not in the repo).
/// </summary>
public sealed class CurlMailTests
{
    private const string Curl = "/usr/bin/curl";

    [Fact]
    public async Task Curl_lists_the_imap_folders()
    {
        Assert.True(File.Exists(Curl), $"{Curl} is missing; .ci/run installs curl");
        await using var mail = await MailSandbox.StartAsync();

        var (exit, output, error) = await RunCurlAsync(mail, mail.Servers.Imap.CurlUrl, await mail.TokenAsync());

        Assert.True(exit == 0, $"curl exit {exit}: {error}");
        Assert.Contains("INBOX", output);
        // curl prefers OAUTHBEARER where it is advertised (IMAP, POP) and falls back to XOAUTH2 (SMTP).
        Assert.Equal((MailLoginOutcome.Accepted, "OAUTHBEARER"), (mail.LastLogin.Outcome, mail.LastLogin.Mechanism));
    }

    [Fact]
    public async Task Curl_lists_the_pop_maildrop()
    {
        Assert.True(File.Exists(Curl), $"{Curl} is missing; .ci/run installs curl");
        await using var mail = await MailSandbox.StartAsync();

        var (exit, _, error) = await RunCurlAsync(mail, mail.Servers.Pop.CurlUrl, await mail.TokenAsync());

        Assert.True(exit == 0, $"curl exit {exit}: {error}");
        Assert.Equal((MailProtocol.Pop, MailLoginOutcome.Accepted, "OAUTHBEARER"),
            (mail.LastLogin.Protocol, mail.LastLogin.Outcome, mail.LastLogin.Mechanism));
    }

    [Fact]
    public async Task Curl_sends_a_message_over_smtp_with_starttls()
    {
        Assert.True(File.Exists(Curl), $"{Curl} is missing; .ci/run installs curl");
        await using var mail = await MailSandbox.StartAsync();
        mail.Tenant.Change(s => s.Exchange.SmtpClientAuthenticationDisabled = false);
        using var folder = new TempFolder();
        var message =
            folder.Write("message.eml", $"From: {MailSandbox.Support}\r\nTo: someone@example.com\r\nSubject: from curl\r\n\r\nHello from curl.\r\n");

        var (exit, _, error) = await RunCurlAsync(mail, mail.Servers.Smtp.CurlUrl, await mail.TokenAsync(),
            "--ssl-reqd", "--mail-from", MailSandbox.Support, "--mail-rcpt", "someone@example.com", "-T", message);

        Assert.True(exit == 0, $"curl exit {exit}: {error}");
        Assert.Equal((MailLoginOutcome.Accepted, "XOAUTH2"), (mail.LastLogin.Outcome, mail.LastLogin.Mechanism));
        var received = Assert.Single(mail.Servers.Messages);
        Assert.Contains("Subject: from curl", received.Data);
    }

    [Fact]
    public async Task Curl_reports_a_refused_login_with_its_login_denied_exit_code()
    {
        Assert.True(File.Exists(Curl), $"{Curl} is missing; .ci/run installs curl");
        await using var mail = await MailSandbox.StartAsync();
        // SMTP AUTH is off for the tenant (the seed's default); the plan turned it on for the mailbox, which then follows the tenant.
        mail.Tenant.Change(s => s.Users.Single(u => u.Mail == MailSandbox.Support).SmtpClientAuthenticationDisabled = null);

        var (exit, _, _) = await RunCurlAsync(mail, mail.Servers.Smtp.CurlUrl, await mail.TokenAsync(),
            "--ssl-reqd", "--mail-from", MailSandbox.Support, "--mail-rcpt", "someone@example.com", "-T", "/dev/null");

        Assert.Equal(67, exit); // CURLE_LOGIN_DENIED
        Assert.Equal(MailLoginOutcome.SmtpAuthDisabledForTenant, mail.LastLogin.Outcome);
    }

    private static async Task<(int Exit, string Output, string Error)> RunCurlAsync(MailSandbox mail, string url, string token, params string[] extra)
    {
        using var folder = new TempFolder();
        var pem = folder.Write("sandbox-mail.pem", mail.Servers.CertificatePem);
        var config = folder.File("curl.config");
        File.WriteAllText(config, "");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(config, $"oauth2-bearer = \"{token}\"\n");

        var start = new ProcessStartInfo(Curl) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-sS", "--max-time", "60", "--cacert", pem, "--url", url, "--user", MailSandbox.Support, "-K",
            config }.Concat(extra))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
