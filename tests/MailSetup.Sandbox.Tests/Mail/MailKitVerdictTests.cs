using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Sasl;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>
/// After the plan is applied, MailKit (an independent client) and the product's probes reach the same verdict on every protocol and
/// mechanism: the logins that work, and the main ways they fail.
/// </summary>
public sealed class MailKitVerdictTests
{
    [Theory]
    [MemberData(nameof(MailLoginTests.Logins), MemberType = typeof(MailLoginTests))]
    public async Task MailKit_logs_in_where_our_probe_does(MailProtocol protocol, SaslMechanismKind mechanism)
    {
        await using var mail = await MailSandbox.StartAsync();
        var token = await mail.TokenAsync();

        var ours = await mail.ProbeAsync(protocol, token, mechanism: mechanism);
        var theirs = await MailKitClient.LoginAsync(mail.Servers, protocol, MailSandbox.Support, token, mechanism);

        Assert.True(ours.Succeeded, ours.Failure);
        Assert.True(theirs.Succeeded, theirs.Error);
    }

    public static TheoryData<string, MailProtocol, SaslMechanismKind> Failures()
    {
        var data = new TheoryData<string, MailProtocol, SaslMechanismKind>();
        foreach (var mechanism in new[] { SaslMechanismKind.XOAuth2, SaslMechanismKind.OAuthBearer })
        {
            data.Add("not registered in Exchange", MailProtocol.Imap, mechanism);
            data.Add("not registered in Exchange", MailProtocol.Pop, mechanism);
            data.Add("role not consented", MailProtocol.Imap, mechanism);
            data.Add("role not consented", MailProtocol.Pop, mechanism);
            data.Add("role not consented", MailProtocol.Smtp, mechanism);
            data.Add("no FullAccess", MailProtocol.Imap, mechanism);
            data.Add("no FullAccess", MailProtocol.Pop, mechanism);
            data.Add("SMTP AUTH off for the tenant", MailProtocol.Smtp, mechanism);
            data.Add("a token for Graph", MailProtocol.Imap, mechanism);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task MailKit_fails_where_our_probe_fails(string failure, MailProtocol protocol, SaslMechanismKind mechanism)
    {
        await using var mail = await MailSandbox.StartAsync();
        switch (failure)
        {
            case "SMTP AUTH off for the tenant":
                // The plan turned it on for the mailbox; a mailbox without a setting of its own follows the tenant (off by default).
                mail.Tenant.Change(s => s.Users.Single(u => u.Mail == MailSandbox.Support).SmtpClientAuthenticationDisabled = null);
                break;
            case "not registered in Exchange":
                mail.Tenant.Change(s => s.Exchange.ServicePrincipals.Clear());
                break;
            case "role not consented":
                mail.RevokeRole(protocol switch
                {
                    MailProtocol.Imap => "IMAP.AccessAsApp",
                    MailProtocol.Pop => "POP.AccessAsApp",
                    _ => "SMTP.SendAsApp",
                });
                break;
            case "no FullAccess":
                mail.Tenant.Change(s => s.Exchange.MailboxPermissions.Clear());
                break;
        }
        var token = await mail.TokenAsync(failure == "a token for Graph" ? "https://graph.microsoft.com/.default" : MailSandbox.ExchangeScope);

        var ours = await mail.ProbeAsync(protocol, token, mechanism: mechanism);
        var theirs = await MailKitClient.LoginAsync(mail.Servers, protocol, MailSandbox.Support, token, mechanism);

        Assert.False(ours.Succeeded, $"our probe passed where {failure} should fail it");
        Assert.False(theirs.Succeeded, $"MailKit passed where {failure} should fail it");
    }
}
