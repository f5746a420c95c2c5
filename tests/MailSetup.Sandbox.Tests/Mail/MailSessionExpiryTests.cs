using MailSetup.Sandbox.Mail;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>POP and SMTP sessions end at the next command once their token has expired, as IMAP sessions do.</summary>
public sealed class MailSessionExpiryTests
{
    [Fact]
    public async Task A_token_expiring_during_a_pop_session_ends_it_at_the_next_command()
    {
        await using var mail = await MailSandbox.StartAsync();
        var token = await mail.TokenAsync();
        await using var pop = await RawMailClient.ConnectAsync(mail.Servers.Host, mail.Servers.PopPort, mail.Servers.Certificate, implicitTls: true);
        await pop.ReadLineAsync();
        Assert.Equal("+OK User successfully authenticated.",
            (await pop.CommandAsync("AUTH XOAUTH2 " + RawMailClient.XOAuth2(MailSandbox.Support, token), _ => true)).Single());
        Assert.Equal("+OK 0 0", (await pop.CommandAsync("STAT", _ => true)).Single());

        mail.Clock.Advance(TimeSpan.FromMinutes(61));
        await pop.WriteLineAsync("STAT");

        Assert.Equal("-ERR Session invalidated - AccessTokenExpired", await pop.ReadLineAsync());
        Assert.Null(await pop.ReadLineAsync());
    }

    [Fact]
    public async Task A_token_expiring_during_an_smtp_session_ends_it_at_the_next_command()
    {
        await using var mail = await MailSandbox.StartAsync();
        mail.Tenant.Change(s => s.Exchange.SmtpClientAuthenticationDisabled = false);
        var token = await mail.TokenAsync();
        await using var smtp = await mail.SmtpLoggedInAsync(token);

        mail.Clock.Advance(TimeSpan.FromMinutes(61));
        await smtp.WriteLineAsync($"MAIL FROM:<{MailSandbox.Support}>");

        var closing = await smtp.ReadLineAsync();
        Assert.StartsWith("421 4.7.0 Session invalidated - AccessTokenExpired", closing);
        Assert.Null(await smtp.ReadLineAsync());
    }
}
