using System.Diagnostics;
using System.Text.Json;
using MailSetup.Core.Plans;
using Microsoft.Graph;

namespace MailSetup.Core.Execution;

/// <summary>
/// Applies a plan: steps in order, references filled from earlier answers, every create probed
/// first, transient failures retried with jittered back-off, each finished step journaled so a
/// killed run resumes. Independent Exchange mailbox steps run with bounded concurrency. The new
/// client secret goes only to the <see cref="ISecretSink"/>.
/// </summary>
public sealed class PlanRunner(
    GraphServiceClient graph,
    IExchangeCommandRunner? exchange,
    ILocalWork localWork,
    ISecretSink secrets,
    TimeProvider clock,
    RetryPolicy? retry = null,
    int concurrency = 16)
{
    private readonly GraphStepExecutor _graph = new(graph);
    private readonly ExchangeStepExecutor? _exchange = exchange is null ? null : new(exchange);
    private readonly RetryPolicy _retry = retry ?? new RetryPolicy();
    private readonly Random _jitter = new();
    private static readonly IReadOnlyDictionary<string, string> NoValues = new Dictionary<string, string>();

    /// <summary>Adds a new client secret even when the app has one of the plan's name already (<c>--new-secret</c>).</summary>
    public bool NewSecret { get; init; }

    public async Task<ApplyResult> RunAsync(Plan plan, RunJournal journal, Action<StepEvent>? progress, CancellationToken cancellationToken)
    {
        if (journal.PlanProblem(plan) is { } problem) throw new JournalMismatchException(problem);
        var completed = journal.Completed();
        if (_exchange is null && plan.Steps.Any(s => s is ExchangeStep))
            throw new InvalidOperationException("this plan has Exchange steps and no Exchange runner was given.");

        var run = new Run(plan, journal, progress, new Dictionary<string, string>());
        // A secret an earlier run made and never saved is held by nobody: it goes before a new one is made.
        foreach (var unsaved in journal.UnsavedSecrets())
        {
            try
            {
                await SecretRemoval.RemoveAsync(graph, unsaved.AppObjectId, unsaved.KeyId, cancellationToken);
            }
            catch (Exception e) when (e is Microsoft.Kiota.Abstractions.ApiException or HttpRequestException or StepFailedException)
            {
                throw new InvalidOperationException(
                    $"the client secret with keyId {unsaved.KeyId} that the stopped run made was never saved, and removing it failed " +
                    $"({e.Message}); nothing else was done. Run again to retry, or roll back with this journal.", e);
            }
            journal.Append(JournalEntry.SecretRemoved(unsaved.StepKey, unsaved.AppObjectId, unsaved.KeyId, clock.GetUtcNow()));
            run.RemovedUnsaved++;
        }
        for (var index = 0; index < plan.Steps.Count && !run.Stopped;)
        {
            var group = Concurrent(plan.Steps, index);
            if (group.Count > 1)
            {
                // Mailboxes in parallel; each mailbox's own steps in plan order (grant, then check).
                var byMailbox = group.GroupBy(i => plan.Steps[i].Mailbox!, StringComparer.OrdinalIgnoreCase).ToList();
                await Parallel.ForEachAsync(byMailbox,
                    new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
                    async (steps, token) =>
                    {
                        foreach (var i in steps) await RunStepAsync(run, i, completed, token);
                    });
            }
            else
            {
                await RunStepAsync(run, index, completed, cancellationToken);
            }
            index += group.Count;
        }
        var values = run.Values.Where(v => References.All.FirstOrDefault(r => r.Name == v.Key) is not { Secret: true })
            .ToDictionary(v => v.Key, v => v.Value);
        return new ApplyResult(run.Results.OrderBy(r => r.Number).ToList(), values)
        {
            ExistingSecretMade = run.ExistingSecretMade,
            NewSecretMade = run.NewSecretMade,
            UnsavedSecretsRemoved = run.RemovedUnsaved,
        };
    }

    /// <summary>
    /// Steps from <paramref name="start"/> that may run together: consecutive per-mailbox steps
    /// (the plan marks them), which depend only on earlier steps. Anything else runs alone.
    /// </summary>
    private static List<int> Concurrent(IReadOnlyList<PlanStep> steps, int start)
    {
        static bool Independent(PlanStep s) => s.Mailbox is not null && s.Produces.Count == 0;
        var group = new List<int> { start };
        if (!Independent(steps[start])) return group;
        for (var i = start + 1; i < steps.Count && Independent(steps[i]); i++) group.Add(i);
        return group;
    }

    private async Task RunStepAsync(Run run, int index, IReadOnlyDictionary<string, JournalEntry> completed, CancellationToken cancellationToken)
    {
        // A stopped run starts no further step, not even one that sends nothing.
        cancellationToken.ThrowIfCancellationRequested();
        var step = run.Plan.Steps[index];
        var number = index + 1;
        var total = run.Plan.Steps.Count;
        if (completed.TryGetValue(step.Key, out var done))
        {
            lock (run) foreach (var (name, value) in done.Values) run.Values[name] = value;
            Finish(run, number, step, StepOutcome.Resumed, TimeSpan.Zero, "done by an earlier run", null, null);
            return;
        }

        run.Progress?.Invoke(new StepEvent.Started(number, total, step));
        var watch = Stopwatch.StartNew();
        try
        {
            var toRun = NewSecret && HasSecret(step) && step is GraphStep { Probe: not null } withProbe ? withProbe with { Probe = null } : step;
            var (outcome, item, detail, made) =
                await WithRetriesAsync(run, number, step, token => ExecuteAsync(run, toRun, token), cancellationToken);
            var (produced, secret) = Capture(run, step, item);
            foreach (var (name, value) in made) produced[name] = value;
            var created = outcome == StepOutcome.Changed ? Created(run, step, item) : null;
            if (secret is not null) await KeepSecretAsync(run, step, produced, secret, cancellationToken);
            else if (HasSecret(step) && outcome == StepOutcome.Unchanged && item is { } found)
                run.ExistingSecretMade = JsonCapture.TryProperty(found, "startDateTime", out var start) && start.TryGetDateTimeOffset(out var madeOn)
                    ? madeOn : DateTimeOffset.MinValue;
            Finish(run, number, step, outcome, watch.Elapsed, detail, produced, created);
        }
        // The name check's stop goes to the caller whole: it is bad input (nothing changed), not a failed step.
        catch (Exception e) when (e is not ForeignAppsException
            && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            Finish(run, number, step, StepOutcome.Failed, watch.Elapsed, e.Message, null, null);
            run.Stopped = true;
        }
    }

    /// <returns>The outcome, the answer captures read from, a line for the admin, and values made locally.</returns>
    private async Task<(StepOutcome, JsonElement?, string?, IReadOnlyDictionary<string, string>)> ExecuteAsync(Run run, PlanStep step,
        CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> values;
        lock (run) values = new Dictionary<string, string>(run.Values);
        switch (step)
        {
            case GraphStep graphStep:
                var graphRun = await _graph.RunAsync(graphStep, values, cancellationToken);
                return (graphRun.Outcome, graphRun.Item, graphRun.Detail, NoValues);
            case ExchangeStep exchangeStep:
                var exchangeRun = await _exchange!.RunAsync(exchangeStep, values, cancellationToken);
                return (exchangeRun.Outcome, exchangeRun.Item, exchangeRun.Detail, NoValues);
            case LocalStep local:
                // A key pair is made only to be uploaded: when the step that takes it finds its credential on the app already (a re-run),
                // none is made, so no private key lies around that no app knows.
                if (NextConsumer(run.Plan, local) is GraphStep { Probe: { } probe } && await _graph.ExistsAsync(probe, values, cancellationToken))
                    return (StepOutcome.Unchanged, null, "the app has this credential already; no new key pair made", NoValues);
                var work = await localWork.RunAsync(local, cancellationToken);
                lock (run) foreach (var (name, value) in work.Values) run.Values[name] = value;
                return (work.Made ? StepOutcome.Changed : StepOutcome.Unchanged, null, work.Detail, work.Values);
            default:
                throw new NotSupportedException($"step {step.Key} is a {step.GetType().Name}, which this runner cannot run.");
        }
    }

    /// <summary>The first step after <paramref name="step"/> that uses what it produces.</summary>
    private static PlanStep? NextConsumer(Plan plan, PlanStep step)
    {
        var produced = step.Produces.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        return plan.Steps.SkipWhile(s => s != step).Skip(1).FirstOrDefault(s => s.Consumes.Any(r => produced.Contains(r.Name)));
    }

    private async Task<T> WithRetriesAsync<T>(Run run, int number, PlanStep step, Func<CancellationToken, Task<T>> attempt,
        CancellationToken cancellationToken)
    {
        for (var tries = 1; ; tries++)
        {
            using var timeout = new CancellationTokenSource(_retry.RequestTimeout, clock);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                return await attempt(linked.Token);
            }
            catch (Exception e) when (tries < _retry.MaxAttempts
                && TransientFailure.Classify(e, ConsumedValues(run, step), cancellationToken) is { } reason)
            {
                TimeSpan delay;
                lock (_jitter) delay = _retry.DelayFor(tries, reason.RetryAfter, _jitter);
                run.Progress?.Invoke(new StepEvent.Retrying(number, run.Plan.Steps.Count, step, tries, delay, reason.Text));
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private static IReadOnlyCollection<string> ConsumedValues(Run run, PlanStep step)
    {
        lock (run) return step.Consumes.Select(r => run.Values.GetValueOrDefault(r.Name)).OfType<string>().ToList();
    }

    /// <summary>Fills the step's references from its answer; a new secret's value is returned, never kept in the run's values.</summary>
    private static (Dictionary<string, string> Produced, string? Secret) Capture(Run run, PlanStep step, JsonElement? item)
    {
        var produced = new Dictionary<string, string>();
        string? secret = null;
        foreach (var capture in Captures(step))
        {
            var value = (item is { } answer ? JsonCapture.Read(answer, capture.Path) : null) ?? capture.Fallback;
            if (capture.Target.Secret)
            {
                // Only a newly made secret has a value; one found by the probe is never shown again.
                secret = value;
                continue;
            }
            produced[capture.Target.Name] =
                value ?? throw new StepFailedException($"the answer has no '{capture.Path}' for {capture.Target.Placeholder}");
        }
        lock (run) foreach (var (name, value) in produced) run.Values[name] = value;
        return (produced, secret);
    }

    private static IReadOnlyList<ValueCapture> Captures(PlanStep step) => step switch
    {
        GraphStep g => g.Captures,
        ExchangeStep e => e.Captures,
        _ => [],
    };

    private static bool HasSecret(PlanStep step) => Captures(step).Any(c => c.Target.Secret);

    /// <summary>
    /// A new secret: its keyId is journaled before the value goes anywhere, so a run stopped before the sink has it is undone on resume
    /// (and by rollback). When the sink cannot keep it, it is removed from the app at once: no secret is left that nobody holds.
    /// </summary>
    private async Task KeepSecretAsync(Run run, PlanStep step, Dictionary<string, string> produced, string secret,
        CancellationToken cancellationToken)
    {
        string appObjectId, keyId;
        lock (run) appObjectId = run.Values.GetValueOrDefault(References.AppObjectId.Name) ?? "";
        keyId = produced.GetValueOrDefault(References.SecretKeyId.Name)
            ?? throw new StepFailedException("the new secret came without its keyId");
        run.Journal.Append(JournalEntry.SecretUnsaved(step.Key, appObjectId, keyId, clock.GetUtcNow()));
        try
        {
            await secrets.DeliverAsync(CredentialName(step), secret, clock.GetUtcNow(), cancellationToken);
            run.NewSecretMade = true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            string outcome;
            try
            {
                await SecretRemoval.RemoveAsync(graph, appObjectId, keyId, CancellationToken.None);
                run.Journal.Append(JournalEntry.SecretRemoved(step.Key, appObjectId, keyId, clock.GetUtcNow()));
                outcome = "it was removed from the app again, so no secret exists that nobody holds; run again to make a new one";
            }
            catch (Exception removal)
            {
                outcome = $"removing it failed too ({removal.Message}): resume or roll back with the journal to remove it (keyId {keyId})";
            }
            throw new StepFailedException($"the new secret could not be saved ({e.Message}); {outcome}");
        }
    }

    /// <summary>The ids of what a create step made, for rollback (<see cref="CreatedIds"/>).</summary>
    private static Dictionary<string, string>? Created(Run run, PlanStep step, JsonElement? item)
    {
        var undo = step switch
        {
            GraphStep g => g.Undo,
            ExchangeStep e => e.Undo,
            _ => null,
        };
        if (undo is null) return null;
        lock (run) return CreatedIds.Record(undo, run.Values, item);
    }

    private void Finish(Run run, int number, PlanStep step, StepOutcome outcome, TimeSpan elapsed, string? detail,
        Dictionary<string, string>? produced, Dictionary<string, string>? created)
    {
        if (outcome != StepOutcome.Resumed)
        {
            run.Journal.Append(new JournalEntry
            {
                Key = step.Key,
                Outcome = outcome.ToString(),
                At = clock.GetUtcNow(),
                Values = produced ?? [],
                Created = created,
                Error = outcome == StepOutcome.Failed ? detail : null,
            });
        }
        lock (run) run.Results.Add(new StepResult(number, step, outcome, elapsed, detail));
        run.Progress?.Invoke(new StepEvent.Finished(number, run.Plan.Steps.Count, step, outcome, elapsed, detail));
    }

    /// <summary>The credential's name as the step's title quotes it ("Add the client secret 'mailsetup 2026-12-08'"), else the title.</summary>
    private static string CredentialName(PlanStep step)
    {
        var (open, close) = (step.Title.IndexOf('\''), step.Title.LastIndexOf('\''));
        return close > open + 1 ? step.Title[(open + 1)..close] : step.Title;
    }

    private sealed class Run(Plan plan, RunJournal journal, Action<StepEvent>? progress, Dictionary<string, string> values)
    {
        public Plan Plan { get; } = plan;
        public RunJournal Journal { get; } = journal;
        public Action<StepEvent>? Progress { get; } = progress;
        public Dictionary<string, string> Values { get; } = values;
        public List<StepResult> Results { get; } = [];
        public volatile bool Stopped;
        public DateTimeOffset? ExistingSecretMade { get; set; }
        public bool NewSecretMade { get; set; }
        public int RemovedUnsaved { get; set; }
    }
}
