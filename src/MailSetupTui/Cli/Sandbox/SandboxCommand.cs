using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup sandbox</c>: the simulated Microsoft 365 tenant kept in the user's state folder.
/// </summary>
internal sealed class SandboxCommand : ICliCommand
{
    public SandboxCommand(ToolServices services)
    {
        Command = new Command("sandbox", "Run or reset the sandbox tenant: a simulated Microsoft 365 (Graph, sign-in, Exchange) on this machine.");
        Command.Add(new SandboxResetCommand(services.Folders).Command);
        Command.Add(new SandboxServeCommand(services.Folders, services.Clock).Command);
    }

    public Command Command { get; }

    /// <summary>The subcommands report their own problems.</summary>
    public Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CliError>>([]);
}
