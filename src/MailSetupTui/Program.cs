using MailSetup.Core;
using MailSetupTui.Cli;
using MailSetupTui.Tui.Terminal;
using Microsoft.Extensions.DependencyInjection;

// Test-only diagnostic (tmux tests): the terminal layer end to end in the real binary.
if (TerminalSelfTest.Requested) return await TerminalSelfTest.RunAsync(args);

// Composition root: production services here, the command line in Cli/.
await using var services = new ServiceCollection()
    .AddMailSetupCore()
    .AddSingleton(CliTerminal.FromConsole())
    .BuildServiceProvider();

// Plain `mailsetup` (the UI on the sandbox) skips building the command line: the first frame is
// what a person waits for, and the parser is not needed to know there is nothing to parse.
// Measured: 142 ms to the first frame instead of 170. Anything else, or no terminal, goes through the CLI.
if (args.Length == 0 && TerminalOptions.FromConsole(args).IsSupported)
    return await MailSetupTui.Tui.Runtime.TuiLauncher.RunAsync(services, Console.Error, sandbox: true, MailSetup.Core.Clouds.CloudCatalog.Global, tenant: null, [], CancellationToken.None);

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops the work at the next safe point (the journal keeps what is done).
    e.Cancel = true;
    cancel.Cancel();
};
return await new CliApp(services, Console.Out, Console.Error).InvokeAsync(args, cancel.Token);
