using MailSetup.Core.Catalog;
using MailSetup.Core.Identity;
using MailSetup.Sandbox.Mail;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>smtp-app with --scope rbac: the role assignment "Application SMTP.SendAsApp" is the grant, end to end.</summary>
public sealed class SmtpRbacLoginTests
{
    [Fact]
    public async Task An_smtp_login_under_rbac_works_with_no_mailbox_permission_and_no_entra_consent()
    {
        await using var mail = await MailSandbox.StartAsync(PlanCases.All["smtp-app-rbac"]);
        var token = await mail.TokenAsync();

        var result = await mail.ProbeAsync(MailProtocol.Smtp, token);

        Assert.True(result.Succeeded, string.Join("\n", MailSandbox.ServerLines(result)) + result.Failure);
        Assert.Equal("235 2.7.0 Authentication successful", result.FinalAnswer);
        Assert.True(JwtClaims.TryDecode(token, out var claims));
        Assert.DoesNotContain("SMTP.SendAsApp", claims!.Roles);
        Assert.Empty(mail.Tenant.Read(s => s.Exchange.MailboxPermissions.Where(p => p.User == mail.ServicePrincipalId).ToList()));
        Assert.Empty(mail.Tenant.Read(s => s.Exchange.RecipientPermissions.Where(p => p.Trustee == mail.ServicePrincipalId).ToList()));
    }

    [Fact]
    public async Task Under_rbac_a_mailbox_outside_the_scope_group_is_refused()
    {
        await using var mail = await MailSandbox.StartAsync(PlanCases.All["smtp-app-rbac"]);
        const string outside = "noreply@contoso.onmicrosoft.com";
        mail.Tenant.Change(s => s.Users.Single(u => u.Mail == outside).SmtpClientAuthenticationDisabled = false);

        var result = await mail.ProbeAsync(MailProtocol.Smtp, await mail.TokenAsync(), outside);

        Assert.False(result.Succeeded);
        Assert.Equal(MailLoginOutcome.Refused, mail.LastLogin.Outcome);
        Assert.Contains("does not include " + outside + " in its scope", mail.Servers.Logins[^1].Reason);
    }
}
