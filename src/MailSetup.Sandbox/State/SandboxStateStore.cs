using System.Text.Json;
using System.Text.Json.Serialization;

namespace MailSetup.Sandbox.State;

/// <summary>
/// Keeps the sandbox tenant between runs as one JSON file, where the application's state folders
/// put it (by default <c>$XDG_STATE_HOME/mailsetup/sandbox-tenant.json</c>).
/// Writes go to a temporary file then replace the old one, so a killed run never leaves half a tenant.
/// </summary>
public sealed class SandboxStateStore(string path)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Path { get; } = path;

    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The saved tenant, or null when none is saved yet.</summary>
    /// <exception cref="SandboxStateException">The file is empty, not JSON, cut short or of another version.</exception>
    public TenantState? Load()
    {
        if (!File.Exists(Path)) return null;
        TenantState? state;
        try
        {
            var text = File.ReadAllText(Path);
            if (string.IsNullOrWhiteSpace(text)) throw new SandboxStateException(Path, "is empty");
            // The version first: a file of another version may not even have this version's shape.
            using (var document = JsonDocument.Parse(text))
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("version", out var version)
                    && version.TryGetInt32(out var number) && number != TenantState.CurrentVersion)
                    throw new SandboxStateException(Path, $"has version {number}, expected {TenantState.CurrentVersion}");
            }
            state = JsonSerializer.Deserialize<TenantState>(text, Json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (bad JSON at line {line + 1})" : "";
            throw new SandboxStateException(Path, "is not a saved tenant" + where);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SandboxStateException(Path, $"cannot be read ({e.Message})");
        }
        if (state is null) throw new SandboxStateException(Path, "is empty");
        if (state.Version != TenantState.CurrentVersion)
            throw new SandboxStateException(Path, $"has version {state.Version}, expected {TenantState.CurrentVersion}");
        return state;
    }

    /// <summary>
    /// Saves the tenant: written whole to a temporary file of its own (two processes never share
    /// one) and moved over the old file, so a reader sees the old tenant or the new one, never half.
    /// Returns the saved file's stamp.
    /// </summary>
    public StateStamp Save(TenantState state)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = $"{Path}.{Guid.NewGuid():N}.tmp";
        // Owner-only from creation: the file holds the sandbox's token-signing key.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
                writer.Write(JsonSerializer.Serialize(state, Json));
            File.Move(temporary, Path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return Stamp();
    }

    /// <summary>What the file is now (its time and size), to tell whether another process saved since.</summary>
    public StateStamp Stamp()
    {
        var file = new FileInfo(Path);
        return file.Exists ? new StateStamp(file.LastWriteTimeUtc, file.Length) : default;
    }

    /// <summary>
    /// Holds the tenant for one read-modify-write against every other process (CLI runs, the UI,
    /// <c>sandbox serve</c>): an exclusive lock on a file beside the state, waited for up to 30 seconds.
    /// The lock file also counts the saves, so a holder knows exactly whether another process saved.
    /// </summary>
    public StateLock Lock()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new StateLock(new FileStream(Path + ".lock", options));
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                Thread.Sleep(10);
            }
            catch (IOException e)
            {
                throw new SandboxStateException(Path, $"is held by another mailsetup for over {LockTimeout.TotalSeconds:0} s ({e.Message})");
            }
        }
    }

    /// <summary>Forgets the tenant, keeping the file beside it as a backup; returns the backup's path, or null when there was no tenant.</summary>
    public string? Reset(DateTimeOffset now)
    {
        using var held = Lock();
        if (!File.Exists(Path)) return null;
        var backup = $"{Path}.{now.UtcDateTime:yyyyMMdd-HHmmss}.{Guid.NewGuid().ToString("N")[..6]}.bak";
        File.Move(Path, backup);
        held.Saved();
        return backup;
    }
}

/// <summary>
/// The held lock on a sandbox state: <see cref="Revision"/> counts the saves made under it so far,
/// <see cref="Saved"/> counts one more.
/// </summary>
public sealed class StateLock : IDisposable
{
    private readonly FileStream _file;

    internal StateLock(FileStream file)
    {
        _file = file;
        using var reader = new StreamReader(file, leaveOpen: true);
        Revision = long.TryParse(reader.ReadToEnd().Trim(), System.Globalization.CultureInfo.InvariantCulture, out var revision) ? revision : 0;
    }

    public long Revision { get; private set; }

    public void Saved()
    {
        Revision++;
        _file.SetLength(0);
        _file.Write(System.Text.Encoding.ASCII.GetBytes(Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        _file.Flush();
    }

    public void Dispose() => _file.Dispose();
}

/// <summary>When a state file was last written and how long it is: a cheap hint that another process saved (reads only).</summary>
public readonly record struct StateStamp(DateTime WrittenUtc, long Length);

/// <summary>The sandbox's state file cannot be used; the message says what is wrong, with the file and the way out.</summary>
public sealed class SandboxStateException(string path, string problem)
    : IOException($"the sandbox state '{path}' {problem}; run 'mailsetup sandbox reset' (it keeps the file as a backup)")
{
    public string StatePath { get; } = path;
}
