using MailSetup.App;
using MailSetup.Core;
using MailSetupTui;
using MailSetupTui.Cli;
using MailSetupTui.Tui.Runtime;
using MailSetupTui.Tui.Terminal;
using Microsoft.Extensions.DependencyInjection;

// Test-only diagnostic (tmux tests): the terminal layer end to end in the real binary.
if (TerminalSelfTest.Requested) return await TerminalSelfTest.RunAsync(args);

// The composition root: the clock, the environment, the state folders, the terminal and the
// password prompt are the real ones here and nowhere else; commands and the UI take them from
// ToolServices. Tests build the same services with their own.
await using var provider = new ServiceCollection()
    .AddMailSetupCore(o => o.Clock = TimeProvider.System)
    .AddSingleton<IEnvironment>(ProcessEnvironment.Instance)
    .AddMailSetupApp()
    .AddSingleton<ITerminal, ConsoleTerminal>()
    .AddSingleton<IPasswordPrompt, ConsolePasswordPrompt>()
    .BuildServiceProvider();
var services = ToolServices.From(provider);

// Plain `mailsetup` (the UI on the sandbox) skips building the command line: the first frame is
// what a person waits for, and the parser is not needed to know there is nothing to parse.
// Measured: 142 ms to the first frame instead of 170. Anything else, or no terminal, goes through the CLI.
if (args.Length == 0 && TerminalOptions.FromConsole(args).IsSupported)
    return await TuiLauncher.RunAsync(services, TerminalTextWriter.Wrap(Console.Error),
        new TuiTarget(true, MailSetup.Core.Clouds.CloudCatalog.Global, null), [],
        CancellationToken.None);

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops the work at the next safe point (the journal keeps what is done).
    e.Cancel = true;
    cancel.Cancel();
};
// SIGTERM (kill, a stopping service, a closing CI job) and SIGHUP (the SSH session to the jump host dropped) stop the work the same way,
// so what a command cleans up on the way out still happens: diagnose --sandbox removes its temporary secret, apply journals what is done.
using var terminated = TerminationSignals.Register(cancel);
return await new CliApp(services, Console.Out, Console.Error).InvokeAsync(args, cancel.Token);
