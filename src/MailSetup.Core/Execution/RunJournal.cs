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

    public void Append(JournalEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
            if (_path is null) return;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_path))!);
            using var stream = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
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
}

/// <summary>A resolved undo: a Graph request (method, absolute URL, body) or a cmdlet with its parameters.</summary>
public sealed record JournalUndo
{
    public string? Method { get; init; }
    public string? Url { get; init; }
    public string? Body { get; init; }
    public string? Cmdlet { get; init; }
    public Dictionary<string, JsonElement>? Parameters { get; init; }
}
