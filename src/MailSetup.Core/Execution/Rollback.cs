using System.Text.Json;
using MailSetup.Core.Exchange;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;

namespace MailSetup.Core.Execution;

/// <summary>One object rollback took back (or found gone already).</summary>
public sealed record RollbackItem(string StepKey, string What, bool Removed, string? Error);

/// <summary>
/// Takes back what a journal says a run created, newest first: Graph deletes and removePassword,
/// Exchange Remove- cmdlets. Something already gone counts as done. Changes a run made to existing
/// objects (permissions set on an adopted app) are not undone; the journal does not hold their old values.
/// </summary>
public sealed class Rollback(GraphServiceClient graph, IExchangeCommandRunner? exchange)
{
    private readonly GraphStepExecutor _graph = new(graph);

    public async Task<IReadOnlyList<RollbackItem>> RunAsync(RunJournal journal, CancellationToken cancellationToken)
    {
        var items = new List<RollbackItem>();
        foreach (var entry in journal.Entries.Where(e => e.Undo is not null).Reverse())
        {
            var undo = entry.Undo!;
            var what =
                undo.Cmdlet is not null
                    ? $"{undo.Cmdlet} {string.Join(' ', (undo.Parameters ?? []).Where(p => p.Key != "Confirm").Select(p => $"-{p.Key} {p.Value}"))}"
                    : $"{undo.Method} {undo.Url}";
            try
            {
                if (undo.Cmdlet is not null)
                {
                    if (exchange is null) throw new InvalidOperationException("no Exchange runner to undo an Exchange step.");
                    await exchange.InvokeAsync(ToCmdlet(undo), cancellationToken);
                }
                else
                {
                    await _graph.SendRawAsync(undo.Method!, undo.Url!, undo.Body, cancellationToken);
                }
                items.Add(new(entry.Key, what, true, null));
            }
            catch (Exception e) when (IsGone(e))
            {
                items.Add(new(entry.Key, what, true, "already gone"));
            }
            catch (Exception e) when (e is ApiException or ExchangeCommandException or HttpRequestException or InvalidOperationException)
            {
                items.Add(new(entry.Key, what, false, e.Message));
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
