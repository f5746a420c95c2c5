using MailSetup.Core.Execution;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>
/// Rollback takes back what a run created by the step's kind and the ids the journal recorded: a journal is a file that anyone
/// with access could have edited, so nothing it says is sent as a request or a cmdlet.
/// </summary>
public sealed class RollbackTests
{
    private static readonly MailSetup.Core.Plans.SetupRequestInput Input = PlanCases.All["imap-app"];

    private static Task<IReadOnlyList<RollbackItem>> RollBackAsync(SandboxRun run, string journal) =>
        new Rollback(run.Clients.Graph, run.Clients.Exchange).RunAsync(RunJournal.Open(journal), default);

    [Fact]
    public async Task Rollback_never_sends_a_request_or_cmdlet_the_journal_names_and_skips_unknown_kinds_and_bad_ids()
    {
        await using var run = new SandboxRun();
        var applied = await run.ApplyAsync(run.Plan(Input));
        Assert.True(applied.Succeeded, PlanRunnerTests.Describe(applied));
        var (user, mailbox) = run.Tenant.Read(s => (s.Users[0].Id, s.Users[0].Mail));
        var appId = applied.Values["app.id"];
        var journal = Path.Combine(run.Folder, "edited.jsonl");
        File.WriteAllLines(journal,
        [
            // An older record's URL is never requested, and this one records no app.id to build the real undo from.
            $$$"""{"key":"create-app","outcome":"Changed","undo":{"method":"DELETE","url":"https://graph.microsoft.com/v1.0/users/{{{user}}}"}}""",
            $$$"""{"key":"create-sp","outcome":"Changed","created":{"id":"../users/{{{user}}}"}}""",
            $$$$"""{"key":"wipe-mailbox","outcome":"Changed","undo":{"cmdlet":"Remove-Mailbox","parameters":{"Identity":"{{{{mailbox}}}}"}}}""",
            // A create step that recorded no ids is reported, not silently left behind.
            """{"key":"register-exchange-sp","outcome":"Changed"}""",
            // Found, not created, by the run: never removed.
            $$$"""{"key":"create-app","outcome":"Unchanged","values":{"app.id":"{{{appId}}}"},"created":{"id":"{{{appId}}}"}}""",
        ]);

        var items = await RollBackAsync(run, journal);

        Assert.Equal(4, items.Count);
        Assert.All(items, i => Assert.True(i.Skipped && !i.Removed, i.ToString()));
        Assert.Contains(items, i => i.Error!.Contains("records no app.id for 'create-app'", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Error!.Contains($"'../users/{user}', not a GUID", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Error!.Contains("records no Identity for 'register-exchange-sp'", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Error!.Contains("'wipe-mailbox' is no kind of step mailsetup knows how to undo", StringComparison.Ordinal));
        Assert.True(run.Tenant.Read(s => s.Users.Any(u => u.Id == user)), "the user is still there");
        Assert.True(run.Tenant.Read(s => s.Applications.Any(a => a.Id == appId)), "the app the run found is still there");
    }

    [Fact]
    public async Task Rollback_reads_the_ids_of_a_journal_written_before_journals_recorded_them()
    {
        await using var run = new SandboxRun();
        var applied = await run.ApplyAsync(run.Plan(Input));
        Assert.True(applied.Succeeded, PlanRunnerTests.Describe(applied));
        var (appId, spId) = (applied.Values["app.id"], applied.Values["sp.id"]);
        var journal = Path.Combine(run.Folder, "old.jsonl");
        File.WriteAllLines(journal,
        [
            $$$"""
              {"key":"create-app","outcome":"Changed","values":{"app.id":"{{{appId}}}"},
              "undo":{"method":"DELETE","url":"https://example.invalid/x"}}
              """.ReplaceLineEndings(""),
            $$$$"""
              {"key":"fullaccess-{{{{PlanCases.Support}}}}","outcome":"Changed","undo":{"cmdlet":"Remove-Mailbox","parameters":
              {"Identity":"{{{{PlanCases.Support}}}}","User":"{{{{spId}}}}","AccessRights":"FullAccess","Confirm":false}}}
              """.ReplaceLineEndings(""),
        ]);

        var items = await RollBackAsync(run, journal);

        Assert.All(items, i => Assert.True(i.Removed && !i.AlreadyGone, i.ToString()));
        Assert.Equal(["fullaccess-" + PlanCases.Support, "create-app"], items.Select(i => i.StepKey));
        Assert.False(run.Tenant.Read(s => s.Applications.Any(a => a.Id == appId)), "the app is deleted by its recorded id");
        Assert.Empty(run.Tenant.Read(s => s.Exchange.MailboxPermissions.Where(p => p.User == spId).ToList()));
        Assert.True(run.Tenant.Read(s => s.Users.Any(u => u.Mail == PlanCases.Support)), "the mailbox stays: Remove-Mailbox was never run");
    }

    [Theory]
    [InlineData("imap-smtp-three-mailboxes-send-as")]
    [InlineData("graph-gateway-rbac")]
    [InlineData("graph-mail-access-policy")]
    [InlineData("delegated-mail")]
    [InlineData("smtp-app-certificate")]
    public async Task Rollback_removes_each_kind_of_object_a_run_created_by_its_recorded_ids(string caseName)
    {
        await using var run = new SandboxRun();
        var journal = Path.Combine(run.Folder, "run.jsonl");
        var applied = await run.Runner().RunAsync(run.Plan(PlanCases.All[caseName]), RunJournal.Open(journal), null, default);
        Assert.True(applied.Succeeded, PlanRunnerTests.Describe(applied));

        var items = await RollBackAsync(run, journal);

        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i.Removed && !i.AlreadyGone, i.ToString()));
        var apps = run.Tenant.Read(s => s.Applications.Select(a => a.DisplayName).ToList());
        Assert.DoesNotContain(apps, n => n.StartsWith("Contoso", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_rollback_finds_a_removed_mailbox_permission_gone()
    {
        await using var run = new SandboxRun();
        var journal = Path.Combine(run.Folder, "run.jsonl");
        Assert.True((await run.Runner().RunAsync(run.Plan(Input), RunJournal.Open(journal), null, default)).Succeeded);
        Assert.All(await RollBackAsync(run, journal), i => Assert.True(i.Removed && !i.AlreadyGone, i.ToString()));

        var again = await RollBackAsync(run, journal);

        Assert.All(again, i => Assert.True(i.AlreadyGone, i.ToString()));
    }
}
