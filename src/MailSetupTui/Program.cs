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

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // First Ctrl+C stops the work at the next safe point (the journal keeps what is done).
    e.Cancel = true;
    cancel.Cancel();
};
return await new CliApp(services, Console.Out, Console.Error).InvokeAsync(args, cancel.Token);
