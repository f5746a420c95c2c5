using MailSetup.Core.Catalog;
using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Sandbox.Mail;
using MailSetup.Sandbox.Tests.Execution;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>SMTP AUTH is off in a new tenant (the seeded default, as in Exchange): the plan turns it on where the logins need it.</summary>
public sealed class SmtpAuthSetupTests
{
    [Fact]
    public async Task Applying_smtp_app_turns_smtp_auth_on_for_the_mailbox_only_and_the_smtp_login_then_works()
    {
        await using var mail = await MailSandbox.StartAsync("smtp-app");

        var result = await mail.ProbeAsync(MailProtocol.Smtp, await mail.TokenAsync());

        Assert.True(result.Succeeded, string.Join("\n", MailSandbox.ServerLines(result)) + result.Failure);
        Assert.Equal("235 2.7.0 Authentication successful", result.FinalAnswer);
        Assert.Equal(MailLoginOutcome.Accepted, mail.LastLogin.Outcome);
        Assert.True(mail.Tenant.Read(s => s.Exchange.SmtpClientAuthenticationDisabled));
        Assert.False(mail.Tenant.Read(s => s.Users.Single(u => u.Mail == MailSandbox.Support).SmtpClientAuthenticationDisabled));
        Assert.All(mail.Tenant.Read(s => s.Users.Where(u => u.Mail != MailSandbox.Support).ToList()),
            u => Assert.Null(u.SmtpClientAuthenticationDisabled));
    }

    [Fact]
    public async Task Only_smtp_auth_tenant_turns_it_on_for_the_tenant_and_a_second_apply_leaves_it()
    {
        await using var run = new SandboxRun(mailboxes: 3);
        var input = PlanCases.All["smtp-app-tenant-auth"];

        var first = await run.ApplyAsync(run.Plan(input));
        var second = await run.ApplyAsync(run.Plan(input));

        Assert.True(first.Succeeded, PlanRunnerTests.Describe(first));
        Assert.Equal(StepOutcome.Changed, first.Steps.Single(s => s.Step.Key == "smtp-auth-tenant").Outcome);
        Assert.Equal(StepOutcome.Unchanged, second.Steps.Single(s => s.Step.Key == "smtp-auth-tenant").Outcome);
        Assert.False(run.Tenant.Read(s => s.Exchange.SmtpClientAuthenticationDisabled));
        Assert.Null(run.Tenant.Read(s => s.Users.Single(u => u.Mail == PlanCases.Support).SmtpClientAuthenticationDisabled));
        Assert.Contains(run.Plan(input).Notices, n => n.Code == "smtp-auth-tenant");
    }

    [Fact]
    public async Task A_second_apply_finds_smtp_auth_on_for_the_mailbox_and_changes_nothing()
    {
        await using var run = new SandboxRun(mailboxes: 3);
        var input = PlanCases.All["smtp-app"];

        var first = await run.ApplyAsync(run.Plan(input));
        var second = await run.ApplyAsync(run.Plan(input));

        var key = "smtp-auth-" + PlanCases.Support;
        Assert.Equal(StepOutcome.Changed, first.Steps.Single(s => s.Step.Key == key).Outcome);
        Assert.Equal(StepOutcome.Unchanged, second.Steps.Single(s => s.Step.Key == key).Outcome);
        Assert.DoesNotContain(first.Steps, s => s.Step.Key == "verify-smtp-auth");
    }
}
