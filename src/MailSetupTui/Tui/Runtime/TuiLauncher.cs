using MailSetup.Core.Clouds;
using MailSetup.Core.Plans;
using MailSetup.Core.Plans.Rendering;
using MailSetup.Sandbox.State;
using MailSetupTui.Cli;
using MailSetupTui.Tui.App;
using MailSetupTui.Tui.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tui.Runtime;

/// <summary>
/// <c>mailsetup</c> with no command: the full-screen UI on the sandbox (nothing configured) or on
/// <c>--tenant</c>; on a non-terminal or TERM=dumb, one clear line pointing to the commands.
/// </summary>
internal static class TuiLauncher
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter error, bool sandbox, Cloud cloud, string? tenant, IReadOnlyCollection<string> flags, CancellationToken cancellationToken)
    {
        var interactive = CliEnvironment.Terminal(services).Interactive;
        var terminal = TerminalOptions.Detect(flags, CliEnvironment.Variables(services), interactive, interactive);
        if (terminal.UnsupportedMessage is { } message)
        {
            await error.WriteLineAsync(message);
            return ExitCodes.Failure;
        }

        var clock = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var store = services.GetService<SandboxStateStore>() ?? SandboxStateStore.Default();
        var options = new TuiOptions(sandbox, cloud, tenant, CliEnvironment.Variables(services));
        var initial = TuiState.Initial(80, 24, sandbox, cloud, clock.GetUtcNow(), tenant) with
        {
            Status = sandbox ? "working on the built-in sandbox tenant (nothing real is changed); mailsetup --tenant ID works on a real one" : null,
        };

        var loop = new TuiLoop(initial, terminal, clock);
        await using var session = TerminalSession.Start(e => loop.Post(e switch
        {
            KeyEvent key => new KeyMsg(key.Key),
            ResizeEvent resize => new ResizeMsg(resize.Width, resize.Height),
            _ => throw new InvalidOperationException($"Unknown terminal event {e}."),
        }));
        await using var runner = new EffectRunner(options, services.GetRequiredService<PlanBuilder>(), services.GetRequiredService<PlanRenderers>(), store, clock, loop.Post);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var synthetic = SyntheticTrace.Rate(options.Environment) is { } rate ? SyntheticTrace.RunAsync(rate, loop.Post, clock, stop.Token) : Task.CompletedTask;
        await loop.RunAsync(session, runner.Run, TuiUpdate.Start(), cancellationToken);
        await stop.CancelAsync();
        await synthetic;
        return ExitCodes.Success;
    }
}
