using System.Text.Json;

namespace MailSetup.Core.Execution;

/// <summary>One line of the journal: a finished step, its values and the ids of what it created.</summary>
public sealed record JournalEntry
{
    public required string Key { get; init; }
    public string? Outcome { get; init; }
    public DateTimeOffset At { get; init; }
    public Dictionary<string, string> Values { get; init; } = [];

    /// <summary>
    /// For a step that created something: its ids, by the names the step's undo uses (<c>id</c> for the created object's own id,
    /// <c>exo.sp.id</c>, or an Exchange cmdlet's parameter such as <c>Identity</c>). Rollback builds a fixed undo for the step's
    /// kind from these, checked; it never runs a request or cmdlet read from the file.
    /// </summary>
    public Dictionary<string, string>? Created { get; init; }

    /// <summary>What journals of older versions recorded instead of <see cref="Created"/>; only its cmdlet parameters are read, as ids.</summary>
    public JournalUndo? Undo { get; init; }
    public string? Error { get; init; }

    /// <summary>For a client secret: <c>made</c> (journaled before its value went anywhere) or <c>removed</c> (taken back by the run).</summary>
    public string? Secret { get; init; }

    public const string SecretWasMade = "made";
    public const string SecretWasRemoved = "removed";
    internal const string AppObjectIdName = "app.id";
    internal const string SecretKeyIdName = "secret.keyId";

    /// <summary>A new secret, by keyId, before its value is handed to anyone.</summary>
    public static JournalEntry SecretUnsaved(string stepKey, string appObjectId, string keyId, DateTimeOffset at) => new()
    {
        Key = stepKey,
        At = at,
        Secret = SecretWasMade,
        Values = new() { [AppObjectIdName] = appObjectId, [SecretKeyIdName] = keyId },
    };

    /// <summary>A secret the run removed again (nobody held it).</summary>
    public static JournalEntry SecretRemoved(string stepKey, string appObjectId, string keyId, DateTimeOffset at) => new()
    {
        Key = stepKey,
        At = at,
        Secret = SecretWasRemoved,
        Values = new() { [AppObjectIdName] = appObjectId, [SecretKeyIdName] = keyId },
    };
}

/// <summary>A client secret a journal records: the step that made it, the app's object id and the secret's keyId (never its value).</summary>
public sealed record JournaledSecret(string StepKey, string AppObjectId, string KeyId);

/// <summary>An older journal's undo: a Graph request or a cmdlet. Never sent as written; see <see cref="JournalEntry.Created"/>.</summary>
public sealed record JournalUndo
{
    public string? Method { get; init; }
    public string? Url { get; init; }
    public string? Body { get; init; }
    public string? Cmdlet { get; init; }
    public Dictionary<string, JsonElement>? Parameters { get; init; }
}
