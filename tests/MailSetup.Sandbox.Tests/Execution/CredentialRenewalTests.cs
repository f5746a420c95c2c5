using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>
/// A re-run on a later day finds the secret (or certificate) an earlier run made, whatever day its name carries, and makes none while it
/// is valid for more than 30 days; one close to expiry is renewed.
/// </summary>
public sealed class CredentialRenewalTests
{
    private static Plan PlanOn(DateTimeOffset day, string caseName) =>
        new PlanBuilder(new TestClock(day)).Build(TestPlans.Request(PlanCases.All[caseName]));

    [Theory]
    [InlineData("imap-app", "add-secret")]
    [InlineData("smtp-app-certificate", "upload-certificate")]
    public async Task A_re_run_days_later_finds_the_earlier_credential_and_makes_none(string caseName, string credentialStep)
    {
        await using var run = new SandboxRun();
        var today = TimeProvider.System.GetUtcNow();
        Assert.True((await run.ApplyAsync(PlanOn(today, caseName))).Succeeded);
        var secrets = run.Secrets.Count;

        var later = await run.ApplyAsync(PlanOn(today.AddDays(3), caseName));

        Assert.True(later.Succeeded);
        Assert.Equal(0, later.Changed);
        Assert.Equal(StepOutcome.Unchanged, later.Steps.Single(s => s.Step.Key == credentialStep).Outcome);
        Assert.Equal(secrets, run.Secrets.Count);
        // The one line a re-run prints names the day the found secret was made; a certificate has no such line.
        if (credentialStep == "add-secret") Assert.Equal(today.UtcDateTime.Date, later.ExistingSecretMade?.UtcDateTime.Date);
        else Assert.Null(later.ExistingSecretMade);
    }

    [Fact]
    public async Task A_re_run_when_the_earlier_secret_expires_within_30_days_makes_a_new_one()
    {
        await using var run = new SandboxRun();
        var today = TimeProvider.System.GetUtcNow();
        var first = PlanOn(today, "imap-app");
        Assert.True((await run.ApplyAsync(first)).Succeeded);
        var lifetime = TimeSpan.FromDays(TestPlans.Request(PlanCases.All["imap-app"]).Credential is CredentialRequest.ClientSecret s
            ? s.LifetimeDays : 0);

        var nearExpiry = await run.ApplyAsync(PlanOn(today + lifetime - TimeSpan.FromDays(10), "imap-app"));

        Assert.True(nearExpiry.Succeeded);
        Assert.Equal(StepOutcome.Changed, nearExpiry.Steps.Single(s => s.Step.Key == "add-secret").Outcome);
        Assert.Equal(2, run.Secrets.Count);
    }
}
