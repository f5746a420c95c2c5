using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Testing;

namespace MailSetup.Core.Tests.Execution;

/// <summary>A journal is bound to its plan and target by its first record, and reading it survives torn or garbled lines.</summary>
public sealed class RunJournalTests : IDisposable
{
    private static readonly SetupRequestInput Input = PlanCases.All["imap-smtp-three-mailboxes-send-as"];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Plan PlanAt(DateTimeOffset time, SetupRequestInput? input = null) => TestPlans.Build(input ?? Input, new TestClock(time));

    [Fact]
    public void The_same_command_line_on_the_same_day_gives_the_same_plan_hash_and_another_day_or_mailbox_another()
    {
        var morning = PlanAt(TestClock.SnapshotDate);
        var evening = PlanAt(TestClock.SnapshotDate.AddHours(12).AddSeconds(17));
        var nextDay = PlanAt(TestClock.SnapshotDate.AddDays(1));
        var otherMailboxes = PlanAt(TestClock.SnapshotDate, Input with { Mailboxes = [PlanCases.Support] });

        Assert.Equal(PlanFingerprint.Of(morning), PlanFingerprint.Of(evening));
        Assert.NotEqual(PlanFingerprint.Of(morning), PlanFingerprint.Of(nextDay));
        Assert.NotEqual(PlanFingerprint.Of(morning), PlanFingerprint.Of(otherMailboxes));
    }

    [Fact]
    public void The_first_record_binds_the_journal_to_its_plan_and_target()
    {
        var path = _folder.File("run.jsonl");
        var plan = PlanAt(TestClock.SnapshotDate);
        RunJournal.Open(path).Bind(JournalBinding.For(plan, JournalTargets.Sandbox));

        var journal = RunJournal.Open(path);

        Assert.Equal(new JournalBinding(PlanFingerprint.Of(plan), "2026-11-21", "sandbox"), journal.Binding);
        Assert.StartsWith("{\"journal\":\"mailsetup run\"", File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Null(journal.PlanProblem(plan));
        Assert.Contains("belongs to another plan", journal.PlanProblem(PlanAt(TestClock.SnapshotDate, PlanCases.All["graph-mail"])));
        Assert.Contains("belongs to a plan made on 2026-11-21, and this plan is of 2026-11-22",
            journal.PlanProblem(PlanAt(TestClock.SnapshotDate.AddDays(1))));
        var tenant = JournalTargets.Tenant("Contoso.onmicrosoft.com", MailSetup.Core.Clouds.CloudCatalog.Global);
        Assert.Contains("was written for the sandbox tenant, not tenant contoso.onmicrosoft.com in the global cloud",
            journal.Binding!.TargetProblem(tenant, path));
    }

    [Fact]
    public void A_journal_without_a_header_stays_unbound_and_is_refused_only_for_steps_the_plan_lacks()
    {
        var path = _folder.Write("old.jsonl", "{\"key\":\"create-app\",\"outcome\":\"Changed\",\"values\":{\"app.id\":\"x\"}}\n");
        var journal = RunJournal.Open(path);
        journal.Bind(JournalBinding.For(PlanAt(TestClock.SnapshotDate), JournalTargets.Sandbox));

        Assert.Null(RunJournal.Open(path).Binding);
        Assert.Null(journal.PlanProblem(PlanAt(TestClock.SnapshotDate)));
        var adopting = PlanAt(TestClock.SnapshotDate, PlanCases.All["imap-app-adopt"]);
        Assert.Contains("records step 'create-app', which this plan does not have", journal.PlanProblem(adopting));
    }

    [Fact]
    public void Torn_and_garbled_lines_are_skipped_and_counted_and_the_records_after_them_still_count()
    {
        var path = _folder.Write("run.jsonl", string.Join('\n',
            "{\"key\":\"create-app\",\"outcome\":\"Changed\"}",
            "{\"key\":\"set-perm",
            "\u0001\u0002 not json",
            "{\"notAKey\":1}",
            "{\"key\":\"create-sp\",\"outcome\":\"Changed\"}",
            "[1,2]",
            "{\"key\":\"add-secret\",\"outcome\":\"Changed\"}") + "\n");

        var journal = RunJournal.Open(path);

        Assert.Equal(["create-app", "create-sp", "add-secret"], journal.Entries.Select(e => e.Key));
        Assert.Equal([2, 3, 4, 6], journal.UnreadableLines);
        Assert.True(journal.HasRecords);
    }

    [Fact]
    public void A_file_without_any_record_has_none()
    {
        var path = _folder.Write("notes.txt", "shopping list\n{\"name\":\"milk\"}\n");
        var journal = RunJournal.Open(path);
        Assert.False(journal.HasRecords);
        Assert.Equal([1, 2], journal.UnreadableLines);
    }
}
