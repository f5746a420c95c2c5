using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailSetup.Core.Execution;

/// <summary>
/// The record of a run, one JSON object a line, appended and flushed after every step, so a run
/// killed at any point can resume and <c>mailsetup rollback</c> knows what was created. It holds
/// reference values (ids) and undo requests, never a secret.
/// </summary>
public sealed class RunJournal
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly object _gate = new();
    private readonly string? _path;
    private readonly List<JournalEntry> _entries;

    private RunJournal(string? path, List<JournalEntry> entries)
    {
        _path = path;
        _entries = entries;
    }

    /// <summary>A journal kept only in memory (no resume across processes).</summary>
    public static RunJournal InMemory() => new(null, []);

    /// <summary>Opens the journal file, reading what an earlier run recorded (missing file: a new run).</summary>
    public static RunJournal Open(string path)
    {
        var entries = new List<JournalEntry>();
        if (File.Exists(path))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (string.IsNullOrWhiteSpace(line)) continue;
                try
                {
                    entries.Add(JsonSerializer.Deserialize<JournalEntry>(line, Json)!);
                }
                catch (JsonException)
                {
                    // A run killed mid-write leaves a torn last line; everything before it stands.
                    break;
                }
            }
        }
        return new(path, entries);
    }

    public string? Path => _path;

    public IReadOnlyList<JournalEntry> Entries
    {
        get { lock (_gate) return _entries.ToList(); }
    }

    /// <summary>Steps an earlier run finished, by key, with the values they produced.</summary>
    public IReadOnlyDictionary<string, JournalEntry> Completed() =>
        Entries.Where(e => e.Outcome is not null && e.Outcome != nameof(StepOutcome.Failed))
               .GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last());

    /// <summary>
    /// Client secrets a run made whose value it may never have handed on: journaled as made (before the value went anywhere), then
    /// neither finished with their step nor removed.
    /// </summary>
    public IReadOnlyList<JournaledSecret> UnsavedSecrets()
    {
        var entries = Entries;
        var settled = entries.Where(e => e.Secret == JournalEntry.SecretWasRemoved || (e.Secret is null && e.Outcome is not null))
            .Select(e => e.Values.GetValueOrDefault(JournalEntry.SecretKeyIdName)).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return entries.Where(e => e.Secret == JournalEntry.SecretWasMade)
            .Select(e => new JournaledSecret(e.Key, e.Values.GetValueOrDefault(JournalEntry.AppObjectIdName) ?? "",
                e.Values.GetValueOrDefault(JournalEntry.SecretKeyIdName) ?? ""))
            .Where(s => s.KeyId.Length > 0 && !settled.Contains(s.KeyId))
            .DistinctBy(s => s.KeyId, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>Every client secret the journal says a run made and did not remove again (saved or not), for rollback.</summary>
    public IReadOnlyList<JournaledSecret> Secrets()
    {
        var entries = Entries;
        var appObjectId = entries.Select(e => e.Values.GetValueOrDefault(JournalEntry.AppObjectIdName)).OfType<string>().LastOrDefault() ?? "";
        var removed = entries.Where(e => e.Secret == JournalEntry.SecretWasRemoved)
            .Select(e => e.Values.GetValueOrDefault(JournalEntry.SecretKeyIdName)).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        return entries.Where(e => e.Secret == JournalEntry.SecretWasMade
                || (e.Secret is null && e.Outcome == nameof(StepOutcome.Changed) && e.Values.ContainsKey(JournalEntry.SecretKeyIdName)))
            .Select(e => new JournaledSecret(e.Key, e.Values.GetValueOrDefault(JournalEntry.AppObjectIdName) ?? appObjectId,
                e.Values[JournalEntry.SecretKeyIdName]))
            .Where(s => s.KeyId.Length > 0 && !removed.Contains(s.KeyId))
            .DistinctBy(s => s.KeyId, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    public void Append(JournalEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            if (_path is null) return;
            // Owner-only: a journal names the tenant's objects and the keyIds of its secrets.
            var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_path))!;
            if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
            else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using var stream = new FileStream(_path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(JsonSerializer.Serialize(entry, Json));
            writer.Write('\n');
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
    }
}

/// <summary>One line of the journal: a finished step, its values and how to undo what it created.</summary>
public sealed record JournalEntry
{
    public required string Key { get; init; }
    public string? Outcome { get; init; }
    public DateTimeOffset At { get; init; }
    public Dictionary<string, string> Values { get; init; } = [];
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

/// <summary>A resolved undo: a Graph request (method, absolute URL, body) or a cmdlet with its parameters.</summary>
public sealed record JournalUndo
{
    public string? Method { get; init; }
    public string? Url { get; init; }
    public string? Body { get; init; }
    public string? Cmdlet { get; init; }
    public Dictionary<string, JsonElement>? Parameters { get; init; }
}
