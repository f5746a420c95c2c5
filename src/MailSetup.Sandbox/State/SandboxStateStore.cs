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

    public TenantState? Load()
    {
        if (!File.Exists(Path)) return null;
        var state = JsonSerializer.Deserialize<TenantState>(File.ReadAllText(Path), Json)
            ?? throw new InvalidDataException($"sandbox state '{Path}' is empty; run 'mailsetup sandbox reset'.");
        if (state.Version != TenantState.CurrentVersion)
            throw new InvalidDataException(
                $"sandbox state '{Path}' has version {state.Version}, expected {TenantState.CurrentVersion}; run 'mailsetup sandbox reset'.");
        return state;
    }

    public void Save(TenantState state)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temporary = Path + ".tmp";
        // Owner-only from creation: the file holds the sandbox's token-signing key.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
            writer.Write(JsonSerializer.Serialize(state, Json));
        File.Move(temporary, Path, overwrite: true);
    }

    /// <summary>Forgets the tenant; the next run seeds a new one.</summary>
    public void Delete()
    {
        if (File.Exists(Path)) File.Delete(Path);
    }
}
