namespace MailSetupTui.Cli;

/// <summary>
/// The --output file. Checked up front so that a bad path is a usage error like any other, and
/// written through a temporary file in the same folder, so the target holds either its old content
/// or the whole new plan, never part of one.
/// </summary>
internal static class PlanOutputFile
{
    public const string OptionName = "--output";

    /// <summary>Null when the plan can be written to <paramref name="path"/>, else what is wrong.</summary>
    public static string? Problem(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) return "is empty; expected a file path.";
        if (Directory.Exists(path)) return $"'{path}' is a directory; expected a file path.";
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder)) return $"cannot write '{path}': folder '{folder}' does not exist.";
        return null;
    }

    public static async Task WriteAsync(string path, string text, CancellationToken cancellationToken)
    {
        var target = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, text, cancellationToken);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
