using System.CommandLine;
using MailSetup.App;

namespace MailSetupTui.Cli;

/// <summary><c>mailsetup sandbox reset</c>: forgets the saved sandbox tenant; the next run seeds a new one.</summary>
internal sealed class SandboxResetCommand : CliCommand<SandboxResetCommand.Input>
{
    private readonly StateFolders _folders;

    public SandboxResetCommand(StateFolders folders)
        : base("reset", "Delete the saved sandbox tenant; the next sandbox run starts from a freshly seeded one.") =>
        _folders = folders;

    /// <summary>Reset takes no values.</summary>
    internal sealed record Input;

    protected override Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken) =>
        Task.FromResult<Input?>(new Input());

    protected override async Task<int> RunAsync(Input input, CliOutput io, CancellationToken cancellationToken)
    {
        var store = _folders.SandboxStore;
        var existed = File.Exists(store.Path);
        try
        {
            store.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await io.FailureAsync(new("sandbox reset", $"cannot delete '{store.Path}': {FileProblem.Reason(store.Path, e)}."));
        }
        await io.Output.WriteLineAsync(existed
            ? $"Deleted the sandbox tenant at {store.Path}; the next sandbox run seeds a new one."
            : $"No sandbox tenant at {store.Path}; nothing to delete. The next sandbox run seeds a new one.");
        await io.Output.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
