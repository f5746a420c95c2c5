using MailSetup.Core.Exchange;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using static MailSetup.Core.Exchange.CmdletParameter;

namespace MailSetup.Core.Execution;

/// <summary>One object rollback took back, found gone already, could not remove, or skipped.</summary>
public sealed record RollbackItem(string StepKey, string What, bool Removed, string? Error)
{
    public const string GoneText = "already gone";

    /// <summary>Nothing was left to remove (an earlier rollback, or someone else, took it).</summary>
    public bool AlreadyGone => Removed && Error == GoneText;

    /// <summary>Never tried: the journal's record could not be read as something mailsetup made (<see cref="RollbackAction.Problem"/>).</summary>
    public bool Skipped { get; init; }
}

/// <summary>
/// Takes back what a journal says a run created, newest first: client secrets by keyId, everything else by a fixed undo for the
/// step's kind, built from the ids the journal recorded (<see cref="CreatedObjects"/>): Graph deletes through the SDK on the
/// workspace's Graph, Exchange Remove- cmdlets with fixed names and parameters. Nothing the journal says is sent as written. Only
/// steps that created something count (outcome Changed): what a run found and adopted stays. Something already gone counts as done.
/// Changes a run made to existing objects (permissions set on an adopted app) are not undone; the journal does not hold their old values.
/// </summary>
public sealed class Rollback(GraphServiceClient graph, IExchangeCommandRunner? exchange)
{
    /// <summary>
    /// What rollback would take back, newest first: client secrets by the app and keyId the journal recorded (made, whether saved or
    /// not, and not removed again), everything else a step created, by its kind; records it cannot undo come with their problem.
    /// </summary>
    public static IReadOnlyList<RollbackAction> Actions(RunJournal journal)
    {
        var actions = new List<RollbackAction>();
        var secrets = journal.Secrets().ToDictionary(s => s.KeyId, StringComparer.OrdinalIgnoreCase);
        foreach (var entry in journal.Entries)
        {
            if (entry.Values.TryGetValue(JournalEntry.SecretKeyIdName, out var keyId)
                && (entry.Secret is not null || entry.Outcome == nameof(StepOutcome.Changed)))
            {
                if (secrets.Remove(keyId, out var secret))
                    actions.Add(new(entry.Key, $"removePassword keyId {secret.KeyId} (app {secret.AppObjectId})", null, secret, null));
                continue;
            }
            if (entry.Outcome != nameof(StepOutcome.Changed) || !Creates(entry)) continue;
            var (created, problem) = CreatedObjects.Read(entry);
            actions.Add(new(entry.Key, created?.What ?? "cannot undo", created, null, problem));
        }
        actions.Reverse();
        return actions;
    }

    /// <summary>
    /// Whether the step made something: it is of a kind that creates, or it recorded ids or (an older journal) an undo. Changed
    /// steps that only change (the app's permissions, an uploaded certificate) or work on this machine are none of these.
    /// </summary>
    private static bool Creates(JournalEntry entry) =>
        CreatedObjects.KindOf(entry.Key) is not null || entry.Created is not null || entry.Undo is not null;

    public async Task<IReadOnlyList<RollbackItem>> RunAsync(RunJournal journal, CancellationToken cancellationToken)
    {
        var items = new List<RollbackItem>();
        foreach (var action in Actions(journal))
        {
            if (action.Problem is { } problem)
            {
                items.Add(new(action.StepKey, action.What, false, problem) { Skipped = true });
                continue;
            }
            try
            {
                var removed = action.Secret is { } secret
                    ? await SecretRemoval.RemoveAsync(graph, secret.AppObjectId, secret.KeyId, cancellationToken)
                    : await RemoveAsync(action.Object!, cancellationToken);
                items.Add(new(action.StepKey, action.What, true, removed ? null : RollbackItem.GoneText));
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

    /// <returns>True when removed, false when it was gone already.</returns>
    private async Task<bool> RemoveAsync(CreatedObject created, CancellationToken cancellationToken)
    {
        var (id, parent) = (created.Id, created.Parent!);
        switch (created.Kind)
        {
            case CreatedKind.Application:
                await graph.Applications[id].DeleteAsync(cancellationToken: cancellationToken);
                return true;
            case CreatedKind.ServicePrincipal:
                await graph.ServicePrincipals[id].DeleteAsync(cancellationToken: cancellationToken);
                return true;
            case CreatedKind.AppRoleAssignment:
                await graph.ServicePrincipals[parent].AppRoleAssignedTo[id].DeleteAsync(cancellationToken: cancellationToken);
                return true;
            case CreatedKind.DelegatedGrant:
                await graph.Oauth2PermissionGrants[id].DeleteAsync(cancellationToken: cancellationToken);
                return true;
            case CreatedKind.MailboxPermission:
                // Exchange removes a mailbox permission that is not there without a word: ask first, so a second rollback says "gone".
                var granted = await ExchangeAsync(Cmdlet.Create("Get-MailboxPermission", Text("Identity", parent), Text("User", id)),
                    cancellationToken);
                if (!granted.Any(HoldsFullAccess)) return false;
                await ExchangeAsync(Cmdlet.Create("Remove-MailboxPermission", Text("Identity", parent), Text("User", id),
                    Text("AccessRights", "FullAccess"), Flag("Confirm", false)), cancellationToken);
                return true;
            default:
                await ExchangeAsync(RemoveCmdlet(created), cancellationToken);
                return true;
        }
    }

    private static Cmdlet RemoveCmdlet(CreatedObject created) => created.Kind switch
    {
        CreatedKind.ExchangeServicePrincipal => Cmdlet.Create("Remove-ServicePrincipal", Text("Identity", created.Id), Flag("Confirm", false)),
        CreatedKind.RecipientPermission => Cmdlet.Create("Remove-RecipientPermission", Text("Identity", created.Parent!),
            Text("Trustee", created.Id), Text("AccessRights", "SendAs"), Flag("Confirm", false)),
        CreatedKind.ManagementScope => Cmdlet.Create("Remove-ManagementScope", Text("Identity", created.Id), Flag("Confirm", false)),
        CreatedKind.ManagementRoleAssignment =>
            Cmdlet.Create("Remove-ManagementRoleAssignment", Text("Identity", created.Id), Flag("Confirm", false)),
        CreatedKind.ApplicationAccessPolicy =>
            Cmdlet.Create("Remove-ApplicationAccessPolicy", Text("Identity", created.Id), Flag("Confirm", false)),
        _ => throw new InvalidOperationException($"{created.Kind} is not an Exchange object."),
    };

    private async Task<IReadOnlyList<System.Text.Json.JsonElement>> ExchangeAsync(Cmdlet cmdlet, CancellationToken cancellationToken) =>
        exchange is null
            ? throw new InvalidOperationException("no Exchange runner to undo an Exchange step.")
            : await exchange.InvokeAsync(cmdlet, cancellationToken);

    private static bool HoldsFullAccess(System.Text.Json.JsonElement permission) =>
        JsonCapture.TryProperty(permission, "AccessRights", out var rights)
        && (rights.ValueKind == System.Text.Json.JsonValueKind.Array ? rights.EnumerateArray().Select(JsonCapture.Text) : [JsonCapture.Text(rights)])
            .Any(r => r.Contains("FullAccess", StringComparison.OrdinalIgnoreCase));

    private static bool IsGone(Exception e) => e switch
    {
        ApiException { ResponseStatusCode: 404 } => true,
        ExchangeCommandException exchangeError => exchangeError.IsNotFound,
        _ => false,
    };
}

/// <summary>One thing rollback takes back: a client secret by keyId or an object a step created; or, with a problem, a record it skips.</summary>
public sealed record RollbackAction(string StepKey, string What, CreatedObject? Object, JournaledSecret? Secret, string? Problem);
