using MailSetup.App;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Tui.Runtime;

/// <summary>
/// <c>mailsetup</c> with no command: the full-screen UI on the sandbox (nothing configured) or on
/// <c>--tenant</c>; on a non-terminal or TERM=dumb, one clear line pointing to the commands.
/// </summary>
internal static class TuiLauncher
{
    public static async Task<int> RunAsync(ToolServices services, TextWriter error, TuiTarget target, IReadOnlyCollection<string> flags,
        CancellationToken cancellationToken)
    {
        var interactive = services.Terminal.Interactive;
        var terminal = TerminalOptions.Detect(flags, services.Environment.Get, interactive, interactive);
        if (terminal.UnsupportedMessage is { } message)
        {
            await error.WriteLineAsync(message);
            return ExitCodes.Failure;
        }

        var clock = services.Clock;
        var initial = TuiState.Initial(80, 24, target.Sandbox, target.Cloud, clock.GetUtcNow(), target.Tenant) with
        {
            Status =
                target.Sandbox ? "working on the built-in sandbox tenant (nothing real is changed); mailsetup --tenant ID works on a real one" : null,
        };

        var loop = new TuiLoop(initial, terminal, clock);
        await using var screen = services.Terminal.Open(e => loop.Post(e switch
        {
            KeyEvent key => new KeyMsg(key.Key),
            ResizeEvent resize => new ResizeMsg(resize.Width, resize.Height),
            _ => throw new InvalidOperationException($"Unknown terminal event {e}."),
        }));
        await using var runner = new EffectRunner(target, services, loop.Post);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var synthetic =
            SyntheticTrace.Rate(services.Environment.Get) is { } rate
                ? SyntheticTrace.RunAsync(rate, loop.Post, clock, stop.Token)
                : Task.CompletedTask;
        await loop.RunAsync(screen, runner.Run, TuiUpdate.Start(), cancellationToken);
        await stop.CancelAsync();
        await synthetic;
        return ExitCodes.Success;
    }
}
