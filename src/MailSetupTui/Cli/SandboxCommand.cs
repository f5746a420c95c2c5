using System.CommandLine;
using MailSetup.Sandbox.State;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup sandbox</c>: the simulated Microsoft 365 tenant kept in the user's state folder.
/// The state store comes from the services when one is registered (tests), else the XDG default.
/// </summary>
internal sealed class SandboxCommand : ICliCommand
{
    public SandboxCommand(IServiceProvider services)
    {
        Func<SandboxStateStore> store = () => services.GetService<SandboxStateStore>() ?? SandboxStateStore.Default();
        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        Command = new Command("sandbox", "Run or reset the sandbox tenant: a simulated Microsoft 365 (Graph, sign-in, Exchange) on this machine.");
        Command.Add(new SandboxResetCommand(store).Command);
        Command.Add(new SandboxServeCommand(store, clock).Command);
    }

    public Command Command { get; }

    /// <summary>The subcommands report their own problems.</summary>
    public Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CliError>>([]);
}
