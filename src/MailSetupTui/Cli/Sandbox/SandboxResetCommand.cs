using System.CommandLine;
using MailSetup.App;

namespace MailSetupTui.Cli;

/// <summary><c>mailsetup sandbox reset</c>: forgets the saved sandbox tenant; the next run seeds a new one.</summary>
internal sealed class SandboxResetCommand : CliCommand<SandboxResetCommand.Input>
{
    private readonly StateFolders _folders;
    private readonly TimeProvider _clock;

    public SandboxResetCommand(StateFolders folders, TimeProvider clock)
        : base("reset", "Set the saved sandbox tenant aside (kept as a backup beside it); the next sandbox run starts from a freshly seeded one.")
    {
        _folders = folders;
        _clock = clock;
    }

    /// <summary>Reset takes no values.</summary>
    internal sealed record Input;

    protected override Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken) =>
        Task.FromResult<Input?>(new Input());

    protected override async Task<int> RunAsync(Input input, CliOutput io, CancellationToken cancellationToken)
    {
        var store = _folders.SandboxStore;
        string? backup;
        try
        {
            backup = store.Reset(_clock.GetUtcNow());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await io.FailureAsync(new("sandbox reset", $"cannot set '{store.Path}' aside: {FileProblem.Reason(store.Path, e)}."));
        }
        await io.Output.WriteLineAsync(backup is not null
            ? $"Reset the sandbox tenant at {store.Path} (the old one is kept as {backup}); the next sandbox run seeds a new one."
            : $"No sandbox tenant at {store.Path}; nothing to delete. The next sandbox run seeds a new one.");
        await io.Output.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
