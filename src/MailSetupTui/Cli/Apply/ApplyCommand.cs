using System.CommandLine;
using MailSetup.Core.Execution;
using MailSetup.Core.Plans;
using MailSetup.Core.Plans.Rendering;
using MailSetup.App;
using MailSetup.App.Workspaces;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup apply</c>: builds the plan, shows it, asks (unless --yes), then runs it on the
/// sandbox (the default) or a real tenant, journaling each step so a stopped run resumes.
/// </summary>
internal sealed class ApplyCommand : ICliCommand
{
    private readonly ApplyOptions _options = new();
    private readonly ToolServices _services;

    public ApplyCommand(ToolServices services)
    {
        _services = services;
        Command = new Command("apply", "Apply a setup to the sandbox tenant (default) or a real tenant: shows the plan, asks, then runs it; re-runs change nothing.");
        foreach (var option in _options.All) Command.Add(option);
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    private TimeProvider Clock => _services.Clock;
    private MailSetupTui.Tui.Terminal.ITerminal Terminal => _services.Terminal;

    public async Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken) =>
        (await PrepareAsync(result, cancellationToken)).Errors;

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var job = await PrepareAsync(result, cancellationToken);
        if (job.Errors.Count > 0) return await ErrorReport.UsageAsync(error, job.Errors, CommandPath.Of(result));

        var plan = _services.Plans.Build(job.Request!);
        if (!job.Yes)
        {
            await output.WriteAsync(_services.Renderers.Get("text").Render(plan));
            await output.WriteAsync($"\nApply these {plan.Steps.Count} steps to the {(job.Target!.Sandbox ? "sandbox tenant" : "tenant " + job.Target.SignIn!.Tenant)}? [y/N] ");
            await output.FlushAsync(cancellationToken);
            var answer = (await Terminal.Input.ReadLineAsync(cancellationToken))?.Trim().ToLowerInvariant();
            if (answer is not ("y" or "yes"))
            {
                await output.WriteLineAsync("Nothing applied.");
                return ExitCodes.Failure;
            }
        }

        await using var connection = await TenantWorkspace.OpenAsync(job.Target!, _services, error, cancellationToken);
        var journal = RunJournal.Open(job.JournalPath!);
        await error.WriteLineAsync($"mailsetup: applying {plan.Steps.Count} steps to {connection.Description}; journal {job.JournalPath}");
        // A person at a terminal sees a new secret once; without one (scripts, CI) it goes to a new
        // owner-only file in the state folder, named in the output.
        ISecretSink secrets = job.SecretOut is not null ? new FileSecretSink(job.SecretOut, error)
            : Terminal.Interactive ? new TerminalSecretSink(error)
            : new FileSecretSink(_services.Folders.NewSecretFile(PlanBuilder.AppLabel(plan.Request), Clock.GetUtcNow()), error);
        var runner = new PlanRunner(connection.Clients.Graph, connection.Clients.Exchange,
            new CertificateMaker(_services.Folders.Certificates, Clock), secrets, Clock);

        var text = job.Format == "text";
        var applied = await runner.RunAsync(plan, journal, e =>
        {
            if (text && e is not StepEvent.Started) output.WriteLine(ApplyReport.Line(e));
        }, cancellationToken);

        await output.WriteAsync(text ? ApplyReport.Summary(applied, job.JournalPath!) + "\n" : ApplyReport.Json(applied, job.JournalPath));
        return applied.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    private async Task<ApplyJob> PrepareAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var errors = new List<CliError>();
        var request = await SetupRequestReader.ReadAsync(result, _options.Setup, errors, cancellationToken);
        var target = request is null ? null : TenantTarget.Read(result, _options.Target, request.Cloud, _services.Environment, errors);

        var format = (result.ValueOrDefault(_options.Format) ?? "text").Trim().ToLowerInvariant();
        if (format is not ("text" or "json"))
            errors.Add(new(_options.Format.Name, $"unknown format '{format}'; expected text or json."));

        var secretOut = result.ValueOrDefault(_options.SecretOut);
        if (secretOut is not null && NewFileProblem(secretOut) is { } secretProblem)
            errors.Add(new(_options.SecretOut.Name, secretProblem));

        var journal = result.ValueOrDefault(_options.Journal);
        if (journal is not null && Directory.Exists(journal))
            errors.Add(new(_options.Journal.Name, $"'{journal}' is a folder; expected a journal file (an existing one resumes its run)."));
        journal ??= _services.Folders.NewJournal(Clock.GetUtcNow());

        var yes = result.ValueOrDefault(_options.Yes);
        if (!yes && !Terminal.Interactive)
            errors.Add(new(_options.Yes.Name, "is required when no terminal is attached to ask on; read the plan first with 'mailsetup plan'."));

        return errors.Count > 0 ? new(null, null, format, null, null, yes, errors) : new(request, target, format, secretOut, journal, yes, errors);
    }

    /// <summary>A secret file is always new: never overwrite (it may hold another secret), and its folder must exist.</summary>
    private static string? NewFileProblem(string path)
    {
        if (File.Exists(path) || Directory.Exists(path)) return $"'{path}' exists already; expected a new file (a secret is never written over another).";
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is not null && !Directory.Exists(folder) ? $"the folder of '{path}' does not exist." : null;
    }

    private sealed record ApplyJob(SetupRequest? Request, TenantTarget? Target, string Format, string? SecretOut, string? JournalPath, bool Yes, IReadOnlyList<CliError> Errors);
}
