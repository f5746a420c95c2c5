using MailSetup.Core.Execution;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>A run killed after any step resumes from its journal: it converges and makes nothing twice.</summary>
public sealed class ResumeTests
{
    private static readonly MailSetup.Core.Plans.SetupRequestInput Input = PlanCases.All["imap-smtp-three-mailboxes-send-as"];

    public static TheoryData<int> Steps() => new(Enumerable.Range(1, TestPlans.Build(Input).Steps.Count));

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task A_run_killed_after_a_step_resumes_from_its_journal(int killedAfter)
    {
        await using var run = new SandboxRun();
        var journalPath = Path.Combine(run.Folder, "run.jsonl");
        var plan = run.Plan(Input);

        // Killed once the given number of steps have finished (per-mailbox steps finish in mailbox
        // order, not plan order); the last one finishing ends the run anyway.
        using (var kill = new CancellationTokenSource())
        {
            var finished = 0;
            var killing = run.Runner(concurrency: 1).RunAsync(plan, RunJournal.Open(journalPath),
                e => { if (e is StepEvent.Finished && ++finished == killedAfter) kill.Cancel(); }, kill.Token);
            if (killedAfter < plan.Steps.Count) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => killing);
            else await AllowLateKill(killing);
        }
        Assert.Equal(killedAfter, RunJournal.Open(journalPath).Completed().Count);

        var resumed = await run.Runner().RunAsync(run.Plan(Input), RunJournal.Open(journalPath), null, default);

        Assert.True(resumed.Succeeded, PlanRunnerTests.Describe(resumed));
        Assert.Equal(killedAfter, resumed.Steps.Count(s => s.Outcome == StepOutcome.Resumed));
        Assert.Empty(TenantDuplicates.Find(run.Tenant));
        Assert.Equal(0, (await run.ApplyAsync(run.Plan(Input))).Changed);
    }

    /// <summary>
    /// A kill after the very last step may still reach the run when that step ends a group of per-mailbox steps (the group
    /// waits on the token); every step is journaled by then, which is what the test checks next.
    /// </summary>
    private static async Task AllowLateKill(Task run)
    {
        try
        {
            await run;
        }
        catch (OperationCanceledException)
        {
        }
    }

    [Fact]
    public async Task A_torn_last_line_of_the_journal_is_ignored()
    {
        await using var run = new SandboxRun();
        var journalPath = Path.Combine(run.Folder, "run.jsonl");
        var first = await run.Runner().RunAsync(run.Plan(Input), RunJournal.Open(journalPath), null, default);
        Assert.True(first.Succeeded);
        File.AppendAllText(journalPath, "{\"key\":\"sendas-sal");

        var again = await run.Runner().RunAsync(run.Plan(Input), RunJournal.Open(journalPath), null, default);

        Assert.True(again.Succeeded, PlanRunnerTests.Describe(again));
        Assert.Equal(0, again.Changed);
    }

    [Fact]
    public async Task A_journal_of_another_plan_is_refused()
    {
        await using var run = new SandboxRun();
        var journalPath = Path.Combine(run.Folder, "run.jsonl");
        Assert.True((await run.Runner().RunAsync(run.Plan(Input), RunJournal.Open(journalPath), null, default)).Succeeded);

        var other = run.Plan(PlanCases.All["graph-mail"]);
        var error =
            await Assert.ThrowsAsync<JournalMismatchException>(() => run.Runner().RunAsync(other, RunJournal.Open(journalPath), null, default));
        Assert.Contains("records step", error.Message);
        Assert.Contains("belongs to another plan", error.Message);
    }
}
