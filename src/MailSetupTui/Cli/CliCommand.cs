using System.CommandLine;
using MailSetup.App;
using MailSetup.Sandbox.State;

namespace MailSetupTui.Cli;

/// <summary>Where a command writes: its results, its status and problems, and how it is named in a usage hint.</summary>
internal sealed record CliOutput(TextWriter Output, TextWriter Error, string CommandPath)
{
    public Task<int> UsageAsync(IEnumerable<CliError> errors) => ErrorReport.UsageAsync(Error, errors, CommandPath);

    public Task<int> FailureAsync(CliError problem) => ErrorReport.FailureAsync(Error, problem);
}

/// <summary>
/// A command in three steps: bind the options to a checked <typeparamref name="TInput"/>, collecting
/// every problem (none stops the others being checked), report them all at once (exit 2, nothing
/// done), else run. Binding also runs when the parser itself failed, so one run names every mistake.
/// </summary>
internal abstract class CliCommand<TInput> : ICliCommand where TInput : class
{
    protected CliCommand(string name, string description)
    {
        Command = new Command(name, description);
        Command.SetAction(InvokeAsync);
    }

    public Command Command { get; }

    /// <summary>Adds the command's arguments and options, in the order help lists them.</summary>
    protected void Add(params IEnumerable<Symbol> symbols)
    {
        foreach (var symbol in symbols)
        {
            if (symbol is Option option) Command.Add(option);
            else if (symbol is Argument argument) Command.Add(argument);
        }
    }

    /// <summary>Reads and checks every value; returns the input, or null when a problem was added to <paramref name="errors"/>.</summary>
    protected abstract Task<TInput?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken);

    /// <summary>Does the work with a checked input; returns the exit code.</summary>
    protected abstract Task<int> RunAsync(TInput input, CliOutput io, CancellationToken cancellationToken);

    public async Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var errors = new List<CliError>();
        await BindAsync(result, errors, cancellationToken);
        return errors;
    }

    private async Task<int> InvokeAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var io = new CliOutput(result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, CommandPath.Of(result));
        var errors = new List<CliError>();
        var input = await BindAsync(result, errors, cancellationToken);
        if (errors.Count > 0 || input is null) return await io.UsageAsync(errors);
        try
        {
            return await RunAsync(input, io, cancellationToken);
        }
        catch (SandboxStateException e)
        {
            // Every command that opens the sandbox says the same one line about a state file it cannot use.
            return await io.FailureAsync(new("sandbox", e.Message));
        }
    }
}
