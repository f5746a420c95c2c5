using MailSetup.Testing;
using MailSetup.Core;
using MailSetupTui.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests.Support;

/// <summary>Runs the command line in-process, as Program does, with a fixed clock and captured writers.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(_ => { }, args);

    /// <summary>With extra services: a sandbox state store in a temporary folder, an environment, a terminal.</summary>
    public static async Task<CliResult> RunAsync(Action<IServiceCollection> configure, params string[] args)
    {
        var collection = new ServiceCollection().AddMailSetupCore(o => o.Clock = FixedClock.Default);
        configure(collection);
        await using var services = collection.BuildServiceProvider();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await new CliApp(services, output, error).InvokeAsync(args);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
