using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>
/// The record of a run, one JSON object a line, appended and flushed after every step, so a run
/// killed at any point can resume and <c>mailsetup rollback</c> knows what was created. It holds
/// reference values and the ids of what it created, never a secret.
/// Its first record binds it to its plan and target (<see cref="JournalBinding"/>).
/// </summary>
public sealed class RunJournal
{
    private readonly object _gate = new();
    private readonly string? _path;
    private readonly List<JournalEntry> _entries;

    private RunJournal(string? path, List<JournalEntry> entries, JournalBinding? binding, IReadOnlyList<int> unreadable)
    {
        _path = path;
        _entries = entries;
        Binding = binding;
        UnreadableLines = unreadable;
    }

    /// <summary>A journal kept only in memory (no resume across processes).</summary>
    public static RunJournal InMemory() => new(null, [], null, []);

    /// <summary>
    /// Opens the journal file, reading what an earlier run recorded (missing file: a new run). A line that is not a record (torn by
    /// a killed run, or garbled) is skipped and counted in <see cref="UnreadableLines"/>; the records after it still count.
    /// </summary>
    public static RunJournal Open(string path)
    {
        var entries = new List<JournalEntry>();
        var unreadable = new List<int>();
        JournalBinding? binding = null;
        if (File.Exists(path))
        {
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                switch (JournalLines.Read(line))
                {
                    case JournalEntry entry:
                        entries.Add(entry);
                        break;
                    // Only the first record binds the journal; a header further down was not written by a run.
                    case JournalBinding header when binding is null && entries.Count == 0:
                        binding = header;
                        break;
                    default:
                        unreadable.Add(number);
                        break;
                }
            }
        }
        return new(path, entries, binding, unreadable);
    }

    /// <summary>The plan and target the journal was written for; null for a new journal or one written before journals had a header.</summary>
    public JournalBinding? Binding { get; private set; }

    /// <summary>Numbers (from 1) of lines that held no record and were skipped.</summary>
    public IReadOnlyList<int> UnreadableLines { get; }

    /// <summary>Whether the journal holds any record (a header or a step), as opposed to nothing or only unreadable lines.</summary>
    public bool HasRecords => Binding is not null || Entries.Count > 0;

    /// <summary>
    /// Why this journal cannot resume <paramref name="plan"/>, or null. A bound journal compares the plan's hash; one written before
    /// journals had a header is refused only when it records a step the plan does not have.
    /// </summary>
    public string? PlanProblem(Plan plan)
    {
        if (Binding is { } binding) return binding.PlanProblem(plan, _path ?? "in memory");
        var unknown = Completed().Keys.Except(plan.Steps.Select(s => s.Key)).FirstOrDefault();
        return unknown is null
            ? null
            : $"the journal {_path} records step '{unknown}', which this plan does not have: it belongs to another plan. Use another --journal file.";
    }

    /// <summary>
    /// Binds a journal that holds no record yet to <paramref name="binding"/> by writing it as the first record. A bound journal, or
    /// an older one with steps, is left as it is (check <see cref="PlanProblem"/> and <see cref="JournalBinding.TargetProblem"/> first).
    /// </summary>
    public void Bind(JournalBinding binding)
    {
        lock (_gate)
        {
            if (Binding is not null || _entries.Count > 0) return;
            Binding = binding;
            Write(JournalLines.Header(binding));
        }
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
            Write(JournalLines.Entry(entry));
        }
    }

    private void Write(string line)
    {
        if (_path is null) return;
        // Owner-only: a journal names the tenant's objects and the keyIds of its secrets.
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(_path))!;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using var stream = new FileStream(_path, options);
        using var writer = new StreamWriter(stream);
        writer.Write(line);
        writer.Write('\n');
        writer.Flush();
        stream.Flush(flushToDisk: true);
    }
}

/// <summary>A journal that belongs to another plan or target than the one it is used with; found before anything changed.</summary>
public sealed class JournalMismatchException(string message) : InvalidOperationException(message);
