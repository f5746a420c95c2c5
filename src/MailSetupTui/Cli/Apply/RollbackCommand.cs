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
        if (JournalInput.UnreadableNotice(journal) is { } unreadable) await io.Error.WriteLineAsync(unreadable);
        var undos = Rollback.Actions(journal);
        if (undos.Count == 0)
        {
            await output.WriteLineAsync($"The journal {input.JournalPath} records nothing created: nothing to remove.");
            return ExitCodes.Success;
        }
        await output.WriteLineAsync($"To remove ({undos.Count(a => a.Problem is null)}, newest first):");
        foreach (var action in undos.Where(a => a.Problem is null)) await output.WriteLineAsync($"  {action.StepKey}: {action.What}");
        foreach (var action in undos.Where(a => a.Problem is not null)) await output.WriteLineAsync($"  cannot undo: {action.Problem}");
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
        var items = await new Rollback(workspace.Clients.Graph, workspace.Clients.Exchange).RunAsync(journal, cancellationToken);
        foreach (var item in items)
        {
            var state = item.Skipped ? "SKIPPED" : item.Removed ? "removed" : "FAILED ";
            await output.WriteLineAsync($"{state,-8} {item.StepKey}{(item.Error is null ? "" : $" ({item.Error})")}");
        }
        await output.WriteLineAsync(Summary(items));
        return items.All(i => i.Removed) ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>"Rolled back: 3 removed, 4 already gone." or what is left: "Rollback incomplete: 1 could not be removed, 2 skipped."</summary>
    private static string Summary(IReadOnlyList<RollbackItem> items)
    {
        var gone = items.Count(i => i.AlreadyGone);
        var removed = items.Count(i => i.Removed) - gone;
        var (failed, skipped) = (items.Count(i => !i.Removed && !i.Skipped), items.Count(i => i.Skipped));
        if (failed == 0 && skipped == 0)
            return gone == 0 ? $"Rolled back: {removed} removed." : $"Rolled back: {removed} removed, {gone} already gone.";
        var left = new List<string>();
        if (failed > 0) left.Add($"{failed} could not be removed");
        if (skipped > 0) left.Add($"{skipped} skipped (the journal does not say what to remove)");
        return $"Rollback incomplete: {string.Join(", ", left)}; {removed} removed, {gone} already gone.";
    }

    protected override Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken)
    {
        var journal = result.ValueOrDefault(_journal);
        if (journal is null) errors.Add(new(_journal.Name, "is required: the journal file an apply run wrote."));
        else if (JournalInput.Problem(journal, mayBeNew: false) is { } journalProblem) errors.Add(new(_journal.Name, journalProblem));
        var cloud = CommonOptions.ReadCloud(result, _cloud, errors) ?? CloudCatalog.Global;
        var target = TenantTarget.Read(result, _target, cloud, _services.Environment, errors);
        // A journal's ids mean something only on the target it was written for; one written before journals named it is trusted.
        if (journal is not null && target is not null && errors.Count == 0
            && RunJournal.Open(journal).Binding?.TargetProblem(target.JournalTarget, journal) is { } elsewhere)
            errors.Add(new(_journal.Name, elsewhere));
        var yes = result.ValueOrDefault(_yes);
        if (!yes && !_services.Terminal.Interactive)
            errors.Add(new(_yes.Name, "is required when no terminal is attached to ask on."));
        return Task.FromResult(target is null || journal is null ? null : new Input(target, journal, yes));
    }
}
