using MailSetup.Core;
using MailSetupTui.Cli;
using Microsoft.Extensions.DependencyInjection;

// Composition root: production services here, the command line in Cli/.
await using var services = new ServiceCollection()
    .AddMailSetupCore()
    .BuildServiceProvider();

return await new CliApp(services, Console.Out, Console.Error).InvokeAsync(args);
