using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Sandbox.State;
using MailSetup.Testing;

namespace MailSetup.Sandbox.Tests.Execution;

/// <summary>
/// A new client secret is journaled by keyId before its value goes anywhere: one nobody holds (the sink failed, or the run stopped
/// before the sink had it) never stays on the app.
/// </summary>
public sealed class SecretJournalTests
{
    private static readonly SetupRequestInput Input = PlanCases.All["imap-smtp-three-mailboxes-send-as"];

    /// <summary>The secrets of the app the run made (the seeded apps keep their own).</summary>
    private static List<string> KeyIds(SandboxRun run) =>
        run.Tenant.Read(s => s.Applications.Where(a => !SeededMailApps.AppIds.Contains(a.AppId))
            .SelectMany(a => a.PasswordCredentials).Select(p => p.KeyId.ToString()).ToList());

    [Fact]
    public async Task A_secret_the_sink_cannot_keep_is_removed_and_the_run_does_not_succeed()
    {
        await using var run = new SandboxRun();
        var journal = RunJournal.Open(Path.Combine(run.Folder, "run.jsonl"));

        var result = await run.Runner(sink: new FailingSink(() => throw new IOException("No space left on device")))
            .RunAsync(run.Plan(Input), journal, null, default);

        Assert.False(result.Succeeded);
        var failed = Assert.Single(result.Steps, s => s.Outcome == StepOutcome.Failed);
        Assert.Equal("add-secret", failed.Step.Key);
        Assert.Contains("could not be saved (No space left on device); it was removed from the app again", failed.Detail);
        Assert.Empty(KeyIds(run));
        Assert.Empty(RunJournal.Open(journal.Path!).UnsavedSecrets());
    }

    [Fact]
    public async Task The_keyId_is_journaled_before_the_secret_reaches_the_sink()
    {
        await using var run = new SandboxRun();
        var journalPath = Path.Combine(run.Folder, "run.jsonl");
        var journaled = new List<string>();
        var sink = new FailingSink(() => journaled.AddRange(RunJournal.Open(journalPath).UnsavedSecrets().Select(s => s.KeyId)));

        var result = await run.Runner(sink: sink).RunAsync(run.Plan(Input), RunJournal.Open(journalPath), null, default);

        Assert.True(result.Succeeded);
        Assert.Equal(KeyIds(run), journaled);
        Assert.DoesNotContain(sink.Received!, File.ReadAllText(journalPath));
    }

    /// <summary>A run killed while the secret is on its way: made and journaled, never saved.</summary>
    private static async Task KilledWhileTheSecretIsOnItsWayAsync(SandboxRun run, string journalPath)
    {
        using var kill = new CancellationTokenSource();
        var killed = run.Runner(sink: new FailingSink(() =>
        {
            kill.Cancel();
            kill.Token.ThrowIfCancellationRequested();
        })).RunAsync(run.Plan(Input), RunJournal.Open(journalPath), null, kill.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => killed);
    }

    [Fact]
    public async Task A_resumed_run_removes_the_secret_a_stopped_run_never_saved_and_makes_a_new_one()
    {
        await using var run = new SandboxRun();
        var journalPath = Path.Combine(run.Folder, "run.jsonl");
        await KilledWhileTheSecretIsOnItsWayAsync(run, journalPath);
        var lost = Assert.Single(KeyIds(run));
        Assert.Equal(lost, Assert.Single(RunJournal.Open(journalPath).UnsavedSecrets()).KeyId);

        var resumed = await run.Runner().RunAsync(run.Plan(Input), RunJournal.Open(journalPath), null, default);

        Assert.True(resumed.Succeeded, PlanRunnerTests.Describe(resumed));
        Assert.Equal(1, resumed.UnsavedSecretsRemoved);
        Assert.True(resumed.NewSecretMade);
        var kept = Assert.Single(KeyIds(run));
        Assert.NotEqual(lost, kept);
        Assert.Single(run.Secrets);
    }

    [Fact]
    public async Task Rollback_removes_a_secret_by_its_keyId_even_when_it_was_never_saved()
    {
        await using var run = new SandboxRun();
        var journalPath = Path.Combine(run.Folder, "run.jsonl");
        await KilledWhileTheSecretIsOnItsWayAsync(run, journalPath);
        Assert.Single(KeyIds(run));

        var items = await new Rollback(run.Clients.Graph, run.Clients.Exchange).RunAsync(RunJournal.Open(journalPath), default);

        Assert.Contains(items, i => i.StepKey == "add-secret" && i.Removed && i.What.StartsWith("removePassword keyId", StringComparison.Ordinal));
        Assert.All(items, i => Assert.True(i.Removed, i.Error));
        Assert.Empty(KeyIds(run));
    }

    /// <summary>Runs <paramref name="onDelivery"/> when the secret arrives (it may throw); keeps the value to check it went nowhere else.</summary>
    private sealed class FailingSink(Action onDelivery) : ISecretSink
    {
        public string? Received { get; private set; }

        public Task DeliverAsync(string credentialName, string secretValue, DateTimeOffset expires, CancellationToken cancellationToken)
        {
            Received = secretValue;
            onDelivery();
            return Task.CompletedTask;
        }
    }
}
