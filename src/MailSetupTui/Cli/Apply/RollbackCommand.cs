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
internal sealed class RollbackCommand : CliCommand<RollbackCommand.Input>
{
    private readonly TargetOptions _target = new();
    private readonly ToolServices _services;

    private readonly Option<string> _journal = new("--journal")
    {
        Description = "The journal of the apply run to take back (required).",
        HelpName = "file",
    };

    private readonly Option<bool> _yes = new("--yes") { Description = "Remove without asking." };

    private readonly Option<string> _cloud = CommonOptions.Cloud("The cloud of --tenant");

    public RollbackCommand(ToolServices services)
        : base("rollback", "Remove what an apply run created, as its journal records (newest first).")
    {
        _services = services;
        Add([.. _target.All, _cloud, _journal, _yes]);
    }

    internal sealed record Input(TenantTarget Target, string JournalPath, bool Yes);

    protected override async Task<int> RunAsync(Input input, CliOutput io, CancellationToken cancellationToken)
    {
        var output = io.Output;
        var journal = RunJournal.Open(input.JournalPath);
        var undos = Rollback.Actions(journal);
        if (undos.Count == 0)
        {
            await output.WriteLineAsync($"The journal {input.JournalPath} records nothing created: nothing to remove.");
            return ExitCodes.Success;
        }
        await output.WriteLineAsync($"To remove ({undos.Count}, newest first):");
        foreach (var action in undos) await output.WriteLineAsync($"  {action.StepKey}: {action.What}");
        if (!input.Yes)
        {
            await output.WriteAsync("Remove them? [y/N] ");
            var answer = (await _services.Terminal.Input.ReadLineAsync(cancellationToken))?.Trim().ToLowerInvariant();
            if (answer is not ("y" or "yes"))
            {
                await output.WriteLineAsync("Nothing removed.");
                return ExitCodes.Failure;
            }
        }

        await using var workspace = await TenantWorkspace.OpenAsync(input.Target, _services, io.Error, cancellationToken);
        var removed = await new Rollback(workspace.Clients.Graph, workspace.Clients.Exchange).RunAsync(journal, cancellationToken);
        foreach (var item in removed)
            await output.WriteLineAsync(
                $"{(item.Removed ? "removed" : "FAILED "),-8} {item.StepKey}{(item.Error is null ? "" : $" ({item.Error})")}");
        var failed = removed.Count(i => !i.Removed);
        var gone = removed.Count(i => i.AlreadyGone);
        var done = gone == 0 ? $"{removed.Count} removed" : $"{removed.Count(i => i.Removed) - gone} removed, {gone} already gone";
        await output.WriteLineAsync(failed == 0 ? $"Rolled back: {done}." : $"Rollback incomplete: {failed} could not be removed.");
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    protected override Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken)
    {
        var journal = result.ValueOrDefault(_journal);
        if (journal is null) errors.Add(new(_journal.Name, "is required: the journal file an apply run wrote."));
        else if (JournalInput.Problem(journal, mayBeNew: false) is { } journalProblem) errors.Add(new(_journal.Name, journalProblem));
        var cloud = CommonOptions.ReadCloud(result, _cloud, errors) ?? CloudCatalog.Global;
        var target = TenantTarget.Read(result, _target, cloud, _services.Environment, errors);
        var yes = result.ValueOrDefault(_yes);
        if (!yes && !_services.Terminal.Interactive)
            errors.Add(new(_yes.Name, "is required when no terminal is attached to ask on."));
        return Task.FromResult(target is null || journal is null ? null : new Input(target, journal, yes));
    }
}
