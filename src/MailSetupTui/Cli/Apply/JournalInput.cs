using System.Text.Json;

namespace MailSetupTui.Cli;

/// <summary>
/// --journal, checked before anything is read from it or written to it: an existing journal must be a
/// bounded text file of journal lines (JSON objects with a step key), so a binary file, a device or some
/// other file is bad input rather than a run that resumes from garbage or a rollback that hangs.
/// </summary>
internal static class JournalInput
{
    /// <summary>A journal is one short line a step; thousands of runs would not reach this.</summary>
    public const int MaxBytes = 16 * 1024 * 1024;

    private const string Expected = "the journal file an apply run wrote (one JSON object a line)";

    /// <summary>Null when <paramref name="path"/> is a new file (<paramref name="mayBeNew"/>) or a journal, else what is wrong.</summary>
    public static string? Problem(string path, bool mayBeNew)
    {
        if (InputFile.PathProblem(path, Expected) is { } pathProblem) return pathProblem;
        var shown = InputFile.Shown(path);
        if (Directory.Exists(path)) return $"{shown} is a folder; expected {Expected} (an existing one resumes its run).";
        if (!File.Exists(path))
        {
            if (!mayBeNew) return $"{shown} does not exist; expected {Expected}.";
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            return folder is not null && !Directory.Exists(folder) ? $"cannot make {shown}: folder '{folder}' does not exist." : null;
        }
        var (text, problem) = InputFile.ReadText(path, MaxBytes, Expected);
        if (text is null) return problem;
        var first = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (first is null) return mayBeNew ? null : $"{shown} is empty: it records no run; expected {Expected}.";
        try
        {
            using var line = JsonDocument.Parse(first);
            if (line.RootElement.ValueKind == JsonValueKind.Object && line.RootElement.TryGetProperty("key", out var key)
                && key.ValueKind == JsonValueKind.String)
                return null;
        }
        catch (JsonException)
        {
        }
        return $"{shown} is not a journal (its first line is not a journal entry); expected {Expected}.";
    }
}
