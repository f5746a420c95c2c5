using MailSetup.Core.Plans;

namespace MailSetupTui.Cli;

/// <summary>Reads --mailboxes-file files for the core, which checks the addresses in them.</summary>
internal static class MailboxFileReader
{
    public const string OptionName = "--mailboxes-file";

    /// <summary>The files that could be read; each one that could not adds an error naming it and why.</summary>
    public static async Task<IReadOnlyList<MailboxFile>> ReadAsync(IEnumerable<string> paths, List<CliError> errors,
        CancellationToken cancellationToken)
    {
        var files = new List<MailboxFile>();
        foreach (var path in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                errors.Add(new(OptionName, "is empty; expected the path of a file with one address a line."));
                continue;
            }
            try
            {
                files.Add(new(path, await File.ReadAllTextAsync(path, cancellationToken)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Add(new(OptionName, $"cannot read '{path}': {FileProblem.Reason(path, e)}."));
            }
        }
        return files;
    }
}
