using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Sandbox.Mail;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>Logins that work: the product's probes against the sandbox's servers with a token from its token endpoint.</summary>
public sealed class MailLoginTests
{
    public static TheoryData<MailProtocol, SaslMechanismKind> Logins() => new()
    {
        { MailProtocol.Imap, SaslMechanismKind.XOAuth2 },
        { MailProtocol.Imap, SaslMechanismKind.OAuthBearer },
        { MailProtocol.Pop, SaslMechanismKind.XOAuth2 },
        { MailProtocol.Pop, SaslMechanismKind.OAuthBearer },
        { MailProtocol.Smtp, SaslMechanismKind.XOAuth2 },
        { MailProtocol.Smtp, SaslMechanismKind.OAuthBearer },
    };

    [Theory]
    [MemberData(nameof(Logins))]
    public async Task An_app_set_up_by_the_plan_logs_in_with_exchanges_exact_answer(MailProtocol protocol, SaslMechanismKind mechanism)
    {
        // SMTP AUTH is off in a new tenant (the seed's default, as in Exchange); the plan turns it on for the mailbox.
        await using var mail = await MailSandbox.StartAsync();

        var result = await mail.ProbeAsync(protocol, await mail.TokenAsync(), mechanism: mechanism);

        Assert.True(result.Succeeded, string.Join("\n", MailSandbox.ServerLines(result)) + result.Failure);
        var expected = protocol switch
        {
            MailProtocol.Imap => "A2 OK AUTHENTICATE completed.",
            MailProtocol.Pop => "+OK User successfully authenticated.",
            _ => "235 2.7.0 Authentication successful",
        };
        Assert.Equal(expected, result.FinalAnswer);
        var login = mail.LastLogin;
        Assert.Equal((protocol, MailLoginOutcome.Accepted, MailSandbox.Support, mail.AppId),
            (login.Protocol, login.Outcome, login.Mailbox, login.AppId));
        Assert.Equal(mechanism == SaslMechanismKind.XOAuth2 ? "XOAUTH2" : "OAUTHBEARER", login.Mechanism);
        Assert.Equal(0, result.Trace.Count(e => e.Text.Contains(" BAD ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task After_an_imap_login_the_inbox_lists_and_opens_empty()
    {
        await using var mail = await MailSandbox.StartAsync();

        var result = await mail.ProbeAsync(MailProtocol.Imap, await mail.TokenAsync());

        var lines = MailSandbox.ServerLines(result);
        Assert.Contains("* LIST (\\HasNoChildren) \"/\" INBOX", lines);
        Assert.Contains("* 0 EXISTS", lines);
        Assert.Contains("A4 OK [READ-ONLY] EXAMINE completed.", lines);
        Assert.Equal("* OK The Microsoft Exchange IMAP4 service is ready.", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("* CAPABILITY ", StringComparison.Ordinal) && l.Contains("AUTH=XOAUTH2 AUTH=OAUTHBEARER SASL-IR"));
    }

    [Fact]
    public async Task Imap_takes_the_sasl_response_after_a_continuation_too()
    {
        await using var mail = await MailSandbox.StartAsync();
        var token = await mail.TokenAsync();
        var bearer = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(
            $"n,a={MailSandbox.Support},\u0001host=127.0.0.1\u0001port={mail.Servers.ImapPort}\u0001auth=Bearer {token}\u0001\u0001"));

        await using var imap =
            await RawMailClient.ConnectAsync(mail.Servers.Host, mail.Servers.ImapPort, mail.Servers.Certificate, implicitTls: true);
        await imap.ReadLineAsync();

        Assert.Equal(["+ "], await imap.CommandAsync("A1 AUTHENTICATE OAUTHBEARER", l => l.StartsWith('+')));
        Assert.Equal(["A1 OK AUTHENTICATE completed."], await imap.CommandAsync(bearer, l => l.StartsWith("A1 ", StringComparison.Ordinal)));
        Assert.Equal("A2 OK [READ-WRITE] SELECT completed.",
            (await imap.CommandAsync("A2 SELECT \"INBOX\"", l => l.StartsWith("A2 ", StringComparison.Ordinal)))[^1]);
        Assert.Equal(["* SEARCH", "A3 OK UID SEARCH completed."],
            await imap.CommandAsync("A3 UID SEARCH ALL", l => l.StartsWith("A3 ", StringComparison.Ordinal)));
        Assert.Equal("OAUTHBEARER", mail.LastLogin.Mechanism);
    }

    [Fact]
    public async Task A_pop_login_sees_an_empty_maildrop()
    {
        await using var mail = await MailSandbox.StartAsync();

        var result = await mail.ProbeAsync(MailProtocol.Pop, await mail.TokenAsync());

        var lines = MailSandbox.ServerLines(result);
        Assert.Equal("+OK The Microsoft Exchange POP3 service is ready.", lines[0]);
        Assert.Contains("SASL XOAUTH2 OAUTHBEARER", lines);
        Assert.Contains("+OK 0 0", lines);
    }
}
