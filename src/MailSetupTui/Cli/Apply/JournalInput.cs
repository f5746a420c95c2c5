using MailSetup.Core.Execution;

namespace MailSetupTui.Cli;

/// <summary>
/// --journal, checked before anything is read from it or written to it: an existing journal must be a
/// bounded text file with at least one journal record, so a binary file, a device or some other file is bad
/// input rather than a run that resumes from garbage, a rollback that hangs or one that finds "nothing to remove".
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
        if (text.All(char.IsWhiteSpace)) return mayBeNew ? null : $"{shown} is empty: it records no run; expected {Expected}.";
        // Torn or garbled lines are skipped when the journal is read; a file without a single record is not a journal at all.
        return RunJournal.Open(path).HasRecords
            ? null
            : $"{shown} is not a journal (no line of it is a journal record); expected {Expected}.";
    }

    /// <summary>The line apply and rollback print when lines of the journal were skipped, or null.</summary>
    public static string? UnreadableNotice(RunJournal journal)
    {
        var lines = journal.UnreadableLines;
        if (lines.Count == 0) return null;
        var shown = string.Join(", ", lines.Take(10).Select(n => $"line {n}")) + (lines.Count > 10 ? ", ..." : "");
        return $"mailsetup: the journal {journal.Path} has {lines.Count} unreadable line(s) ({shown}); skipped them";
    }
}
