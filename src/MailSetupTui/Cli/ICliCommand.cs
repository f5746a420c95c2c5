using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>A subcommand that can check its own values even when the parser already failed.</summary>
internal interface ICliCommand
{
    Command Command { get; }

    /// <summary>
    /// Every problem with this command's values that the parser cannot see. Called when the parser
    /// found errors too, so that one run reports all problems and not just the parser's.
    /// </summary>
    Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken);

    /// <summary>The commands under this one, which check their own values.</summary>
    IReadOnlyList<ICliCommand> Children => [];
}
