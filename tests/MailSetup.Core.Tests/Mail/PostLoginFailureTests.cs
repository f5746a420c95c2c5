using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Tests.Mail;

/// <summary>
/// Exchange accepts a valid token and refuses what comes after it: the session (IMAP, POP) or the sender (SMTP).
/// Such a login is a failure, and the answer that refused it is the one to explain.
/// </summary>
public sealed class PostLoginFailureTests
{
    private const string Mailbox = "user@contoso.com";
    private const string ServicePrincipal = "11111111-2222-3333-4444-555555555555";

    private static MailProbeRequest Request(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Tls = TlsMode.None,
        Mailbox = Mailbox,
        Token = "CANARY-post-login-token",
        Options = new MailConnectionOptions { ReadTimeout = TimeSpan.FromSeconds(5) },
    };

    /// <summary>Exchange's IMAP up to a successful AUTHENTICATE (tag A2), then <paramref name="afterLogin"/>.</summary>
    private static ScriptedServer ExchangeImap(Func<ScriptedServer.Conversation, Task> afterLogin) => new(async c =>
    {
        await c.SendAsync("* OK The Microsoft Exchange IMAP4 service is ready.\r\n");
        await c.ReadAsync();
        await c.SendAsync(
            "* CAPABILITY IMAP4 IMAP4rev1 AUTH=PLAIN AUTH=XOAUTH2 SASL-IR UIDPLUS MOVE ID UNSELECT CHILDREN IDLE NAMESPACE LITERAL+\r\nA1 OK " +
            "CAPABILITY completed.\r\n");
        await c.ReadAsync();
        await c.SendAsync("A2 OK AUTHENTICATE completed.\r\n");
        await afterLogin(c);
    });

    [Fact]
    public async Task Imap_bad_to_list_after_an_accepted_login_is_a_failed_login_explained_as_not_connected()
    {
        await using var server = ExchangeImap(async c =>
        {
            await c.ReadAsync();
            await c.SendAsync("A3 BAD User is authenticated but not connected.\r\n");
            await c.ReadAsync();
            await c.SendAsync("* BYE Microsoft Exchange Server IMAP4 server signing off.\r\nA4 OK LOGOUT completed.\r\n");
        });

        var result = await new ImapProbe().RunAsync(Request(server.Port), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.AuthenticationAccepted);
        Assert.Equal("A3 BAD User is authenticated but not connected.", result.FinalAnswer);
        Assert.Equal(MailFailureKind.RefusedAfterLogin, result.FailureKind);
        Assert.Equal(TraceStage.Command, result.FailedStage);
        Assert.Equal("A4 LOGOUT", server.Received[^1]);
        var finding = Assert.Single(ProbeDiagnosis.Diagnose(result, Mailbox, ServicePrincipal));
        Assert.Equal("exchange-imap-not-connected", finding.Code);
        Assert.Equal("A3 BAD User is authenticated but not connected.", finding.Evidence);
        Assert.Contains($"Set-CASMailbox -Identity {Mailbox} -ImapEnabled $true", finding.Fix);
        Assert.Contains($"Add-MailboxPermission -Identity {Mailbox} -User {ServicePrincipal} -AccessRights FullAccess", finding.Fix);
    }

    [Fact]
    public async Task Imap_no_to_examine_after_a_working_list_is_a_failed_login()
    {
        await using var server = ExchangeImap(async c =>
        {
            await c.ReadAsync();
            await c.SendAsync("* LIST (\\HasNoChildren) \"/\" INBOX\r\nA3 OK LIST completed.\r\n");
            await c.ReadAsync();
            await c.SendAsync("A4 NO EXAMINE failed: mailbox unavailable.\r\n");
            await c.ReadAsync();
            await c.SendAsync("A5 OK LOGOUT completed.\r\n");
        });

        var result = await new ImapProbe().RunAsync(Request(server.Port), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("A4 NO EXAMINE failed: mailbox unavailable.", result.FinalAnswer);
        Assert.Contains("EXAMINE", result.Failure);
        Assert.Contains(ProbeDiagnosis.Diagnose(result), f => f.Code == "server-auth-rejected");
    }

    [Theory]
    [InlineData("LIST")]
    [InlineData("EXAMINE")]
    public async Task Imap_token_expired_bye_after_login_is_the_final_answer_and_a_failure(string during)
    {
        await using var server = ExchangeImap(async c =>
        {
            await c.ReadAsync();
            if (during == "EXAMINE")
            {
                await c.SendAsync("A3 OK LIST completed.\r\n");
                await c.ReadAsync();
                await c.SendAsync("* 3 EXISTS\r\n");
            }
            await c.SendAsync("* BYE Session invalidated - AccessTokenExpired\r\n");
        });

        var result = await new ImapProbe().RunAsync(Request(server.Port), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.AuthenticationAccepted);
        Assert.Equal("* BYE Session invalidated - AccessTokenExpired", result.FinalAnswer);
        Assert.Contains(during, result.Failure);
        Assert.DoesNotContain(server.Received, l => l.EndsWith("LOGOUT", StringComparison.Ordinal));
        var finding = Assert.Single(ProbeDiagnosis.Diagnose(result));
        Assert.Equal("exchange-token-expired-in-session", finding.Code);
    }

    [Fact]
    public async Task Imap_token_expired_bye_at_logout_still_fails_the_login()
    {
        await using var server = ExchangeImap(async c =>
        {
            await c.ReadAsync();
            await c.SendAsync("A3 OK LIST completed.\r\n");
            await c.ReadAsync();
            await c.SendAsync("A4 OK [READ-ONLY] EXAMINE completed.\r\n");
            await c.ReadAsync();
            await c.SendAsync("* BYE Session invalidated - AccessTokenExpired\r\n");
        });

        var result = await new ImapProbe().RunAsync(Request(server.Port), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("* BYE Session invalidated - AccessTokenExpired", result.FinalAnswer);
        Assert.Equal(MailFailureKind.RefusedAfterLogin, result.FailureKind);
        Assert.Equal("exchange-token-expired-in-session", Assert.Single(ProbeDiagnosis.Diagnose(result)).Code);
    }

    [Fact]
    public async Task Imap_a_working_session_is_still_a_success()
    {
        await using var server = ExchangeImap(async c =>
        {
            await c.ReadAsync();
            await c.SendAsync("* LIST (\\HasNoChildren) \"/\" INBOX\r\nA3 OK LIST completed.\r\n");
            await c.ReadAsync();
            await c.SendAsync("* 0 EXISTS\r\nA4 OK [READ-ONLY] EXAMINE completed.\r\n");
            await c.ReadAsync();
            await c.SendAsync("* BYE signing off\r\nA5 OK LOGOUT completed.\r\n");
        });

        var result = await new ImapProbe().RunAsync(Request(server.Port), CancellationToken.None);

        Assert.True(result.Succeeded, TraceExport.ToText(result.Trace));
        Assert.Equal("A2 OK AUTHENTICATE completed.", result.FinalAnswer);
        Assert.Null(result.FailureKind);
        Assert.Empty(ProbeDiagnosis.Diagnose(result));
    }

    [Fact]
    public async Task Pop_err_to_stat_after_an_accepted_login_is_a_failed_login()
    {
        await using var server = new ScriptedServer(async c =>
        {
            await c.SendAsync("+OK The Microsoft Exchange POP3 service is ready.\r\n");
            await c.ReadAsync();
            await c.SendAsync("+OK\r\nUSER\r\nSASL PLAIN XOAUTH2\r\n.\r\n");
            await c.ReadAsync();
            await c.SendAsync("+ \r\n");
            await c.ReadAsync();
            await c.SendAsync("+OK User successfully authenticated.\r\n");
            await c.ReadAsync();
            await c.SendAsync("-ERR Server Unavailable. 21\r\n");
            await c.ReadAsync();
            await c.SendAsync("+OK Microsoft Exchange Server POP3 server signing off.\r\n");
        });

        var result = await new Pop3Probe().RunAsync(Request(server.Port), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.AuthenticationAccepted);
        Assert.Equal("-ERR Server Unavailable. 21", result.FinalAnswer);
        Assert.Equal(MailFailureKind.RefusedAfterLogin, result.FailureKind);
        Assert.Equal("QUIT", server.Received[^1]);
        Assert.Contains(ProbeDiagnosis.Diagnose(result), f => f.Code == "server-auth-rejected" && f.Evidence == "-ERR Server Unavailable. 21");
    }
}
