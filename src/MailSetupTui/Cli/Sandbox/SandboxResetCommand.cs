using System.CommandLine;
using MailSetup.App;

namespace MailSetupTui.Cli;

/// <summary><c>mailsetup sandbox reset</c>: forgets the saved sandbox tenant; the next run seeds a new one.</summary>
internal sealed class SandboxResetCommand
{
    private readonly StateFolders _folders;

    public SandboxResetCommand(StateFolders folders)
    {
        _folders = folders;
        Command = new Command("reset", "Delete the saved sandbox tenant; the next sandbox run starts from a freshly seeded one.");
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var store = _folders.SandboxStore;
        var existed = File.Exists(store.Path);
        try
        {
            store.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await ErrorReport.FailureAsync(result.InvocationConfiguration.Error,
                new("sandbox reset", $"cannot delete '{store.Path}': {FileProblem.Reason(store.Path, e)}."));
        }
        var output = result.InvocationConfiguration.Output;
        await output.WriteLineAsync(existed
            ? $"Deleted the sandbox tenant at {store.Path}; the next sandbox run seeds a new one."
            : $"No sandbox tenant at {store.Path}; nothing to delete. The next sandbox run seeds a new one.");
        await output.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
