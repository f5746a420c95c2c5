using MailSetup.App;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace MailSetupTui.Cli;

/// <summary>
/// The <c>mailsetup</c> command line, built over a service provider and two writers so tests run
/// it in-process exactly as the executable does.
/// </summary>
public sealed class CliApp
{
    public const string Name = "mailsetup";

    private readonly TextWriter _error;
    private readonly InvocationConfiguration _invocation;
    private readonly IReadOnlyList<ICliCommand> _commands;
    private readonly RootUi _ui;

    public CliApp(ToolServices services, TextWriter output, TextWriter error)
    {
        // Every word a command writes crosses the terminal sanitizer: no value (a claim, a server line, an app
        // name, an exception message) can put a control character or a bidi override on the terminal.
        output = TerminalTextWriter.Wrap(output);
        error = TerminalTextWriter.Wrap(error);
        _error = error;
        // Exceptions come to InvokeAsync, which reports them in one line: never a stack trace for the user.
        _invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        _commands =
        [
            new PlanCommand(services.Plans, services.Renderers),
            new PresetsCommand(),
            new CommandGroup("sandbox", "Run or reset the sandbox tenant: a simulated Microsoft 365 (Graph, sign-in, Exchange) on this machine.",
                new SandboxResetCommand(services.Folders, services.Clock), new SandboxServeCommand(services.Folders, services.Clock)),
            new ApplyCommand(services),
            new RollbackCommand(services),
            new CommandGroup("token", "Inspect access tokens: decode the claims and check them for IMAP, POP and SMTP.",
                new TokenInspectCommand(services)),
            new DiagnoseCommand(services),
            new PreflightCommand(services),
        ];
        _ui = new RootUi(services);
        Root = BuildRoot(_commands, _ui);
    }

    /// <summary>
    /// The root command. A plain <see cref="Command"/> rather than <see cref="RootCommand"/>: that one
    /// names itself after the running executable, which in tests is the test host.
    /// </summary>
    public Command Root { get; }

    public async Task<int> InvokeAsync(IReadOnlyList<string> args, CancellationToken cancellationToken = default)
    {
        try
        {
            return await ParseAndInvokeAsync(args, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the shell's convention for a run stopped by SIGINT, as System.CommandLine's own handler answers.
            return 130;
        }
        catch (Exception e)
        {
            // The last resort: every expected problem is reported where it happens; this one was not
            // expected, so it is named (type and message) in one line, without a stack trace.
            await _error.WriteLineAsync($"mailsetup: error: unexpected failure: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
            return ExitCodes.Failure;
        }
    }

    private async Task<int> ParseAndInvokeAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var result = Root.Parse(args);
        // System.CommandLine would print its own errors plus help and exit 1; the CLI reports every
        // problem in its own shape and exits 2 (see ExitCodes). Only --help overrides errors.
        if (result.Errors.Count > 0 && result.Action is not { ClearsParseErrors: true })
            return await ReportParseErrorsAsync(result, cancellationToken);
        return await result.InvokeAsync(_invocation, cancellationToken);
    }

    private async Task<int> ReportParseErrorsAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var errors = ParseErrors.From(result).ToList();
        var command = All(_commands).FirstOrDefault(c => c.Command == result.CommandResult.Command);
        // An error on an option of another command (--version given with 'plan') means this
        // command was not really asked for: its checks would only add noise.
        var foreign = result.Errors.Any(e => e.SymbolResult is OptionResult o && command?.Command.Options.Contains(o.Option) != true);
        if (command is not null && !foreign)
        {
            // The command's own checks add what the parser could not see; an option the parser
            // already rejected is not reported twice (its value is missing or partial).
            var rejected = errors.Select(e => e.Subject).ToHashSet(StringComparer.Ordinal);
            var more = await command.CheckAsync(result, cancellationToken);
            errors.AddRange(more.Where(e => !e.Options.Any(rejected.Contains)));
        }
        return await ErrorReport.UsageAsync(_error, errors, CommandPath.Of(result));
    }

    private static IEnumerable<ICliCommand> All(IEnumerable<ICliCommand> commands) =>
        commands.SelectMany(c => All(c.Children).Prepend(c));

    private static Command BuildRoot(IEnumerable<ICliCommand> commands, RootUi ui)
    {
        var root = new Command(Name, "Set up Microsoft 365 mail OAuth2 (XOAUTH2) for IMAP, POP, SMTP and Graph.");
        // Recursive so that every subcommand takes --help, as under a RootCommand.
        root.Add(new HelpOption { Recursive = true });
        root.Add(new VersionOption { Action = new VersionAction() });
        foreach (var command in commands) root.Add(command.Command);
        foreach (var option in ui.All) root.Add(option);
        root.SetAction(ui.RunAsync);
        return root;
    }
}
