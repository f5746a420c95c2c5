using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>A command that only groups others (<c>mailsetup sandbox</c>, <c>mailsetup token</c>): each of them checks its own values.</summary>
internal sealed class CommandGroup : ICliCommand
{
    public CommandGroup(string name, string description, params IReadOnlyList<ICliCommand> children)
    {
        Children = children;
        Command = new Command(name, description);
        foreach (var child in children) Command.Add(child.Command);
    }

    public Command Command { get; }

    public IReadOnlyList<ICliCommand> Children { get; }

    public Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CliError>>([]);
}
