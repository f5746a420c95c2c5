using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary><c>mailsetup token</c>: work with access tokens (for now: inspect one).</summary>
internal sealed class TokenCommand : ICliCommand
{
    public TokenCommand(ToolServices services)
    {
        Command = new Command("token", "Inspect access tokens: decode the claims and check them for IMAP, POP and SMTP.");
        Command.Add(new TokenInspectCommand(services).Command);
    }

    public Command Command { get; }

    /// <summary>The subcommand reports its own problems.</summary>
    public Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CliError>>([]);
}
