using MailSetup.Testing;
using MailSetup.Core;
using MailSetupTui.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests.Support;

/// <summary>Runs the command line in-process, as Program does, with a fixed clock and captured writers.</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        await using var services = new ServiceCollection()
            .AddMailSetupCore(o => o.Clock = FixedClock.Default)
            .BuildServiceProvider();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await new CliApp(services, output, error).InvokeAsync(args);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
