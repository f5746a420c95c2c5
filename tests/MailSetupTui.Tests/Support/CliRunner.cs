using MailSetup.Testing;
using MailSetupTui.Cli;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests.Support;

/// <summary>Runs the command line in-process, as Program does, with the test services and captured writers.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(_ => { }, args);

    /// <summary>
    /// With extra services: state folders, an environment, a terminal. Without state folders of its
    /// own the run gets a temporary one, deleted afterwards: a test never writes to the real state.
    /// </summary>
    public static async Task<CliResult> RunAsync(Action<IServiceCollection> configure, params string[] args)
    {
        using var state = new TempFolder();
        var collection = TestServices.Collection(state.Path);
        configure(collection);
        await using var provider = collection.BuildServiceProvider();
        return await RunAsync(ToolServices.From(provider), args);
    }

    public static async Task<CliResult> RunAsync(ToolServices services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await new CliApp(services, output, error).InvokeAsync(args);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
