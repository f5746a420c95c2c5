using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Sandbox.State;
using MailSetup.Testing;
using Microsoft.Graph.Models;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>
/// Apps mailsetup creates are found by their key (Graph's uniqueName), never by display name: an app of the same name made elsewhere
/// stops the run before any change, through the real Graph SDK over HTTP to the sandbox.
/// </summary>
public sealed class AppIdentityTests
{
    private static readonly SetupRequestInput ImapApp = PlanCases.All["imap-app"];

    [Fact]
    public async Task The_app_is_created_under_its_key_and_a_re_run_finds_it_by_that_key()
    {
        await using var run = new SandboxRun();

        var first = await run.ApplyAsync(run.Plan(ImapApp));
        var second = await run.ApplyAsync(run.Plan(ImapApp));

        Assert.True(first.Succeeded && second.Succeeded);
        var app = Assert.Single(AppsNamed(run, ImapApp.AppName!));
        Assert.Equal(AppUniqueName.For(ImapApp.AppName!), app.UniqueName);
        Assert.Equal(StepOutcome.Unchanged, second.Steps.Single(s => s.Step.Key == "create-app").Outcome);
        Assert.Equal(app.Id, second.Values[References.AppObjectId.Name]);
    }

    [Fact]
    public async Task An_app_of_the_same_name_made_in_the_portal_stops_the_run_before_any_change()
    {
        await using var run = new SandboxRun();
        var portalMade = await run.Clients.Graph.Applications.PostAsync(new Application { DisplayName = ImapApp.AppName });
        var before = run.Tenant.Read(s => (s.Applications.Count, s.ServicePrincipals.Count, s.Exchange.ServicePrincipals.Count));
        var journal = Path.Combine(run.Folder, "run.jsonl");

        var stopped = await Assert.ThrowsAsync<ForeignAppsException>(() => run.ApplyAsync(run.Plan(ImapApp), RunJournal.Open(journal)));

        var listed = Assert.Single(stopped.Apps);
        Assert.Equal(portalMade!.AppId, listed.AppId);
        Assert.Equal(portalMade.CreatedDateTime, listed.Created);
        Assert.Equal(ImapApp.AppName, stopped.DisplayName);
        Assert.Equal(before, run.Tenant.Read(s => (s.Applications.Count, s.ServicePrincipals.Count, s.Exchange.ServicePrincipals.Count)));
        Assert.Empty(run.Tenant.Read(s => s.Applications.Single(a => a.Id == portalMade.Id).RequiredResourceAccess));
        Assert.Empty(run.Secrets);
        Assert.False(File.Exists(journal), "a run that changed nothing leaves no step in a journal");
    }

    [Fact]
    public async Task An_app_of_ours_renamed_since_is_found_again_by_its_key_and_not_duplicated()
    {
        await using var run = new SandboxRun();
        var first = await run.ApplyAsync(run.Plan(ImapApp));
        var objectId = first.Values[References.AppObjectId.Name];
        run.Tenant.Change(s => s.Applications.Single(a => a.Id == objectId).DisplayName = "Renamed in the portal");

        var second = await run.ApplyAsync(run.Plan(ImapApp));

        Assert.True(second.Succeeded);
        Assert.Equal(objectId, second.Values[References.AppObjectId.Name]);
        Assert.Equal(StepOutcome.Unchanged, second.Steps.Single(s => s.Step.Key == "create-app").Outcome);
        Assert.Single(run.Tenant.Read(s => s.Applications.Where(a => a.UniqueName == AppUniqueName.For(ImapApp.AppName!)).ToList()));
    }

    private static List<SandboxApplication> AppsNamed(SandboxRun run, string name) =>
        run.Tenant.Read(s => s.Applications.Where(a => a.DisplayName == name).ToList());
}
