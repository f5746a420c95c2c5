using System.Text.Json;
using MailSetup.Core.Exchange;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace MailSetup.Core.Execution;

/// <summary>One object rollback took back (or found gone already).</summary>
public sealed record RollbackItem(string StepKey, string What, bool Removed, string? Error)
{
    public const string GoneText = "already gone";

    /// <summary>Nothing was left to remove (an earlier rollback, or someone else, took it).</summary>
    public bool AlreadyGone => Removed && Error == GoneText;
}

/// <summary>
/// Takes back what a journal says a run created, newest first: Graph deletes and removePassword,
/// Exchange Remove- cmdlets. Something already gone counts as done. Changes a run made to existing
/// objects (permissions set on an adopted app) are not undone; the journal does not hold their old values.
/// </summary>
public sealed class Rollback(GraphServiceClient graph, IExchangeCommandRunner? exchange)
{
    private readonly GraphStepExecutor _graph = new(graph);

    /// <summary>
    /// What rollback would take back, newest first: client secrets by the app and keyId the journal recorded (made, whether saved or
    /// not, and not removed again), everything else by its recorded undo.
    /// </summary>
    public static IReadOnlyList<RollbackAction> Actions(RunJournal journal)
    {
        var actions = new List<RollbackAction>();
        var secrets = journal.Secrets().ToDictionary(s => s.KeyId, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in journal.Entries)
        {
            if (entry.Values.TryGetValue(JournalEntry.SecretKeyIdName, out var keyId) && (entry.Secret is not null || entry.Undo is not null))
            {
                if (secrets.Remove(keyId, out var secret))
                    actions.Add(new(entry.Key, $"removePassword keyId {secret.KeyId} (app {secret.AppObjectId})", null, secret));
                continue;
            }
            if (entry.Undo is not { } undo) continue;
            var what =
                undo.Cmdlet is not null
                    ? $"{undo.Cmdlet} {string.Join(' ', (undo.Parameters ?? []).Where(p => p.Key != "Confirm").Select(p => $"-{p.Key} {p.Value}"))}"
                    : $"{undo.Method} {undo.Url}";
            actions.Add(new(entry.Key, what, undo, null));
        }
        actions.Reverse();
        return actions;
    }

    public async Task<IReadOnlyList<RollbackItem>> RunAsync(RunJournal journal, CancellationToken cancellationToken)
    {
        var items = new List<RollbackItem>();
        foreach (var action in Actions(journal))
        {
            try
            {
                if (action.Secret is { } secret)
                {
                    var removed = await SecretRemoval.RemoveAsync(graph, secret.AppObjectId, secret.KeyId, cancellationToken);
                    items.Add(new(action.StepKey, action.What, true, removed ? null : RollbackItem.GoneText));
                    continue;
                }
                var undo = action.Undo!;
                if (undo.Cmdlet is not null)
                {
                    if (exchange is null) throw new InvalidOperationException("no Exchange runner to undo an Exchange step.");
                    await exchange.InvokeAsync(ToCmdlet(undo), cancellationToken);
                }
                else
                {
                    await _graph.SendRawAsync(undo.Method!, undo.Url!, undo.Body, cancellationToken);
                }
                items.Add(new(action.StepKey, action.What, true, null));
            }
            catch (Exception e) when (IsGone(e))
            {
                items.Add(new(action.StepKey, action.What, true, RollbackItem.GoneText));
            }
            catch (Exception e) when (e is ApiException or ExchangeCommandException or HttpRequestException or InvalidOperationException
                or StepFailedException)
            {
                items.Add(new(action.StepKey, action.What, false, e.Message));
            }
        }
        return items;
    }

    private static bool IsGone(Exception e) => e switch
    {
        ApiException { ResponseStatusCode: 404 } => true,
        ExchangeCommandException exchangeError => exchangeError.IsNotFound,
        _ => false,
    };

    private static Cmdlet ToCmdlet(JournalUndo undo) => new(
        undo.Cmdlet!,
        (undo.Parameters ?? []).Select(p => new CmdletParameter(p.Key, p.Value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => p.Value.GetString(),
        })).ToList());
}

/// <summary>One thing rollback takes back: a client secret by keyId, or a recorded undo.</summary>
public sealed record RollbackAction(string StepKey, string What, JournalUndo? Undo, JournaledSecret? Secret);
