using MailSetup.Core.Plans;

namespace MailSetupTui.Cli;

/// <summary>Reads --mailboxes-file files for the core, which checks the addresses in them.</summary>
internal static class MailboxFileReader
{
    public const string OptionName = "--mailboxes-file";

    /// <summary>Ten thousand addresses are about 300 KB; a larger file is not a mailbox list (or never ends, as /dev/zero).</summary>
    public const int MaxBytes = 4 * 1024 * 1024;

    /// <summary>The files that could be read; each one that could not adds an error naming it and why.</summary>
    public static Task<IReadOnlyList<MailboxFile>> ReadAsync(IEnumerable<string> paths, List<CliError> errors,
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
            var (text, problem) = InputFile.ReadText(path, MaxBytes, "a text file with one address a line");
            if (text is null) errors.Add(new(OptionName, problem!));
            else files.Add(new(path, text));
        }
        return Task.FromResult<IReadOnlyList<MailboxFile>>(files);
    }
}
