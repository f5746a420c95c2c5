using System.Diagnostics;
using System.Net.Sockets;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Sandbox.Mail;
using MailSetup.Sandbox.Tests.Support;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>A bad client cannot hurt the servers: bounded lines, idle timeout, connection cap, error cap, prompt shutdown.</summary>
public sealed class MailServerLimitsTests
{
    [Fact]
    public async Task A_line_over_the_limit_closes_the_connection_with_the_protocols_closing_line()
    {
        await using var servers =
            await SandboxMailServers.StartAsync(Sandboxes.Tenant(mailboxes: 1), new SandboxMailOptions { MaxLineLength = 1024 });
        await using var smtp = await Smtp(servers);

        await smtp.WriteLineAsync("NOOP " + new string('x', 5000));

        Assert.StartsWith("421 4.4.2 ", await smtp.ReadLineAsync());
        Assert.Null(await smtp.ReadLineAsync());
    }

    [Fact]
    public async Task A_silent_client_is_disconnected_after_the_idle_timeout()
    {
        await using var servers =
            await SandboxMailServers.StartAsync(Sandboxes.Tenant(mailboxes: 1), new SandboxMailOptions { IdleTimeout = TimeSpan.FromSeconds(1) });
        await using var imap = await RawMailClient.ConnectAsync(servers.Host, servers.ImapPort, servers.Certificate, implicitTls: true);

        Assert.Equal("* OK The Microsoft Exchange IMAP4 service is ready.", await imap.ReadLineAsync());
        Assert.Equal("* BYE Connection is closed. 13", await imap.ReadLineAsync());
        Assert.Null(await imap.ReadLineAsync());
    }

    [Fact]
    public async Task Connections_past_the_limit_are_turned_away_and_the_others_keep_working()
    {
        await using var servers = await SandboxMailServers.StartAsync(Sandboxes.Tenant(mailboxes: 1), new SandboxMailOptions { MaxConnections = 2 });
        await using var first = await Smtp(servers);
        await using var second = await Smtp(servers);

        await using var third = await RawMailClient.ConnectAsync(servers.Host, servers.SmtpPort, servers.Certificate, implicitTls: false);
        Assert.StartsWith("421 4.3.2 ", await third.ReadLineAsync());
        Assert.Null(await third.ReadLineAsync());

        Assert.Equal(["250 2.0.0 OK"], await first.CommandAsync("NOOP", RawMailClient.SmtpFinal));
        Assert.Equal(2, servers.OpenConnections);
    }

    [Fact]
    public async Task A_client_sending_only_garbage_is_cut_off()
    {
        await using var servers = await SandboxMailServers.StartAsync(Sandboxes.Tenant(mailboxes: 1), new SandboxMailOptions { MaxErrors = 3 });
        await using var pop = await RawMailClient.ConnectAsync(servers.Host, servers.PopPort, servers.Certificate, implicitTls: true);
        await pop.ReadLineAsync();

        var answers = new List<string?>();
        for (var i = 0; i < 4; i++)
        {
            await pop.WriteLineAsync("GARBAGE");
            answers.Add(await pop.ReadLineAsync());
        }

        Assert.Equal(["-ERR Protocol error. 14", "-ERR Protocol error. 14", "-ERR Protocol error. 14", "-ERR Protocol error. 14"], answers);
        Assert.Null(await pop.ReadLineAsync());
    }

    [Fact]
    public async Task Only_errors_in_a_row_count()
    {
        await using var servers = await SandboxMailServers.StartAsync(Sandboxes.Tenant(mailboxes: 1), new SandboxMailOptions { MaxErrors = 2 });
        await using var pop = await RawMailClient.ConnectAsync(servers.Host, servers.PopPort, servers.Certificate, implicitTls: true);
        await pop.ReadLineAsync();

        for (var i = 0; i < 5; i++)
        {
            await pop.WriteLineAsync("GARBAGE");
            Assert.Equal("-ERR Protocol error. 14", await pop.ReadLineAsync());
            Assert.Equal("+OK", (await pop.CommandAsync("CAPA", l => l == "."))[0]);
        }
    }

    [Fact]
    public async Task Disposal_closes_open_connections_and_stops_listening_promptly()
    {
        var servers = await SandboxMailServers.StartAsync(Sandboxes.Tenant(mailboxes: 1));
        await using var imap = await RawMailClient.ConnectAsync(servers.Host, servers.ImapPort, servers.Certificate, implicitTls: true);
        await imap.ReadLineAsync();
        await using var smtp = await Smtp(servers);

        var watch = Stopwatch.StartNew();
        await servers.DisposeAsync();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"disposal took {watch.Elapsed}"); // generous: it is well under a second
        Assert.Null(await ReadOrNull(imap));
        Assert.Null(await ReadOrNull(smtp));
        using var late = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => late.ConnectAsync(servers.Host, servers.SmtpPort));
    }

    [Fact]
    public async Task Before_tls_smtp_offers_starttls_and_refuses_auth_and_mail()
    {
        await using var servers = await SandboxMailServers.StartAsync(Sandboxes.Tenant(mailboxes: 1));
        await using var smtp = await Smtp(servers);

        var ehlo = await smtp.CommandAsync("EHLO client.example", RawMailClient.SmtpFinal);

        Assert.Contains("250-STARTTLS", ehlo);
        Assert.DoesNotContain(ehlo, l => l.Contains("AUTH", StringComparison.Ordinal));
        Assert.Equal(["504 5.7.4 Unrecognized authentication type [SN4PR0301CA0001.namprd03.prod.outlook.com]"],
            await smtp.CommandAsync("AUTH XOAUTH2", RawMailClient.SmtpFinal));
        Assert.Equal(["530 5.7.57 Client not authenticated to send mail. [SN4PR0301CA0001.namprd03.prod.outlook.com]"],
            await smtp.CommandAsync("MAIL FROM:<a@b.example>", RawMailClient.SmtpFinal));
    }

    [Fact]
    public async Task The_token_never_appears_in_the_login_log_or_the_servers_answers()
    {
        await using var mail = await MailSandbox.StartAsync();
        var token = await mail.TokenAsync();
        var graph = await mail.TokenAsync("https://graph.microsoft.com/.default");
        var forged = MailSandbox.Resigned(token);
        var lines = new List<string>();
        foreach (var protocol in Enum.GetValues<MailProtocol>())
        foreach (var mechanism in Enum.GetValues<SaslMechanismKind>())
        foreach (var candidate in new[] { token, graph, forged })
            lines.AddRange(MailSandbox.ServerLines(await mail.ProbeAsync(protocol, candidate, mechanism: mechanism)));
        // A SASL payload that is not a login at all, with the token inside.
        await using (var imap =
            await RawMailClient.ConnectAsync(mail.Servers.Host, mail.Servers.ImapPort, mail.Servers.Certificate, implicitTls: true))
        {
            await imap.ReadLineAsync();
            var garbage = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"nonsense {token}"));
            lines.AddRange(await imap.CommandAsync($"A1 AUTHENTICATE XOAUTH2 {garbage}", l => l.StartsWith("A1 ", StringComparison.Ordinal)));
        }

        var logged = mail.Servers.Logins;
        Assert.True(logged.Count >= 19, $"{logged.Count} logins logged");
        Assert.Contains(logged, l => l.Outcome == MailLoginOutcome.Accepted);
        foreach (var secret in new[] { token, graph, forged }.SelectMany(t => t.Split('.')))
        {
            Assert.DoesNotContain(logged, l => l.ToString().Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
        }
        Assert.Equal("the XOAUTH2 response has no 'auth=Bearer <token>'", logged[^1].Reason);
    }

    private static async Task<RawMailClient> Smtp(SandboxMailServers servers)
    {
        var client = await RawMailClient.ConnectAsync(servers.Host, servers.SmtpPort, servers.Certificate, implicitTls: false);
        Assert.StartsWith("220 SN4PR0301CA0001.namprd03.prod.outlook.com Microsoft ESMTP MAIL Service ready", await client.ReadLineAsync());
        return client;
    }

    private static async Task<string?> ReadOrNull(RawMailClient client)
    {
        try
        {
            return await client.ReadLineAsync();
        }
        catch (IOException)
        {
            return null; // a reset is as closed as a close
        }
    }
}
