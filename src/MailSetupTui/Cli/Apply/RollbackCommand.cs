using MailSetup.App;
using System.CommandLine;
using MailSetup.Core.Clouds;
using MailSetup.Core.Execution;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup rollback --journal F</c>: removes what an apply run's journal says it created,
/// newest first, on the same target (the sandbox by default). Lists what it will remove and asks
/// unless --yes.
/// </summary>
internal sealed class RollbackCommand : ICliCommand
{
    private readonly TargetOptions _target = new();
    private readonly ToolServices _services;

    private readonly Option<string> _journal = new("--journal")
    {
        Description = "The journal of the apply run to take back (required).",
        HelpName = "file",
    };

    private readonly Option<bool> _yes = new("--yes") { Description = "Remove without asking." };

    private readonly Option<string> _cloud = new("--cloud")
    {
        Description = $"The cloud of --tenant: {string.Join(", ", CloudCatalog.Keys)} (default global).",
        HelpName = string.Join('|', CloudCatalog.Keys),
    };

    public RollbackCommand(ToolServices services)
    {
        _services = services;
        Command = new Command("rollback", "Remove what an apply run created, as its journal records (newest first).");
        foreach (var option in _target.All) Command.Add(option);
        Command.Add(_cloud);
        Command.Add(_journal);
        Command.Add(_yes);
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    private MailSetupTui.Tui.Terminal.ITerminal Terminal => _services.Terminal;

    public Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CliError>>(Prepare(result).Errors);

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
        var (target, journalPath, errors) = Prepare(result);
        if (errors.Count > 0) return await ErrorReport.UsageAsync(error, errors, CommandPath.Of(result));

        var journal = RunJournal.Open(journalPath!);
        var undos = journal.Entries.Where(e => e.Undo is not null).Reverse().ToList();
        if (undos.Count == 0)
        {
            await output.WriteLineAsync($"The journal {journalPath} records nothing created: nothing to remove.");
            return ExitCodes.Success;
        }
        await output.WriteLineAsync($"To remove ({undos.Count}, newest first):");
        foreach (var entry in undos) await output.WriteLineAsync($"  {entry.Key}: {entry.Undo!.Cmdlet ?? entry.Undo.Method + " " + entry.Undo.Url}");
        if (!result.ValueOrDefault(_yes))
        {
            await output.WriteAsync("Remove them? [y/N] ");
            var answer = (await Terminal.Input.ReadLineAsync(cancellationToken))?.Trim().ToLowerInvariant();
            if (answer is not ("y" or "yes"))
            {
                await output.WriteLineAsync("Nothing removed.");
                return ExitCodes.Failure;
            }
        }

        await using var connection = await TenantWorkspace.OpenAsync(target!, _services, error, cancellationToken);
        var removed = await new Rollback(connection.Clients.Graph, connection.Clients.Exchange).RunAsync(journal, cancellationToken);
        foreach (var item in removed)
            await output.WriteLineAsync($"{(item.Removed ? "removed" : "FAILED "),-8} {item.StepKey}{(item.Error is null ? "" : $" ({item.Error})")}");
        var failed = removed.Count(i => !i.Removed);
        await output.WriteLineAsync(failed == 0 ? $"Rolled back: {removed.Count} removed." : $"Rollback incomplete: {failed} could not be removed.");
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private (TenantTarget? Target, string? Journal, List<CliError> Errors) Prepare(ParseResult result)
    {
        var errors = new List<CliError>();
        var journal = result.ValueOrDefault(_journal);
        if (journal is null) errors.Add(new(_journal.Name, "is required: the journal file an apply run wrote."));
        else if (!File.Exists(journal)) errors.Add(new(_journal.Name, $"'{journal}' does not exist; expected the journal file an apply run wrote."));
        var cloudKey = result.ValueOrDefault(_cloud);
        var cloud = CloudCatalog.Global;
        if (cloudKey is not null && !CloudCatalog.TryParse(cloudKey, out cloud))
            errors.Add(new(_cloud.Name, $"unknown cloud '{cloudKey}'; expected one of {string.Join(", ", CloudCatalog.Keys)}."));
        var target = TenantTarget.Read(result, _target, cloud ?? CloudCatalog.Global, _services.Environment, errors);
        if (!result.ValueOrDefault(_yes) && !Terminal.Interactive)
            errors.Add(new(_yes.Name, "is required when no terminal is attached to ask on."));
        return (target, journal, errors);
    }
}
