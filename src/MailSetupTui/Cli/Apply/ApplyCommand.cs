using System.CommandLine;
using MailSetup.App;
using MailSetup.Core.Execution;
using MailSetup.Core.Plans;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup apply</c>: builds the plan, shows it, asks (unless --yes), then runs it on the
/// sandbox (the default) or a real tenant, journaling each step so a stopped run resumes.
/// </summary>
internal sealed class ApplyCommand : CliCommand<ApplyCommand.Input>
{
    private readonly ToolServices _services;
    private readonly SetupOptions _setup = new();
    private readonly TargetOptions _target = new();
    private readonly FormatOption _format = new(["text", "json"], "Result format: text (progress as it happens) or json (one object at the end).");

    private readonly Option<bool> _yes = new("--yes") { Description = "Apply without asking (the plan is still printed first)." };

    private readonly Option<string> _secretOut = new("--secret-out")
    {
        Description = "Write the new client secret to this new file (mode 0600); it is shown nowhere else.",
        HelpName = "file",
    };

    private readonly Option<string> _journal = new("--journal")
    {
        Description = "Journal file: records each finished step so a stopped run resumes from it (default: a new file in the state folder).",
        HelpName = "file",
    };

    public ApplyCommand(ToolServices services)
        : base("apply", "Apply a setup to the sandbox tenant (default) or a real tenant: shows the plan, asks, then runs it; re-runs change nothing.")
    {
        _services = services;
        Add([.. _setup.All, .. _target.All, _yes, _secretOut, _journal, _format.Option]);
    }

    private TimeProvider Clock => _services.Clock;

    internal sealed record Input(SetupRequest Request, TenantTarget Target, string Format, string? SecretOut, string JournalPath, bool Yes);

    protected override async Task<int> RunAsync(Input job, CliOutput io, CancellationToken cancellationToken)
    {
        var (output, error) = (io.Output, io.Error);
        var plan = _services.Plans.Build(job.Request);
        if (!job.Yes)
        {
            await output.WriteAsync(_services.Renderers.Get("text").Render(plan));
            await output.WriteAsync(
                $"\nApply these {plan.Steps.Count} steps to the {(job.Target.Sandbox ? "sandbox tenant" : "tenant " + job.Target.SignIn!.Tenant)}? " +
                $"[y/N] ");
            await output.FlushAsync(cancellationToken);
            var answer = (await _services.Terminal.Input.ReadLineAsync(cancellationToken))?.Trim().ToLowerInvariant();
            if (answer is not ("y" or "yes"))
            {
                await output.WriteLineAsync("Nothing applied.");
                return ExitCodes.Failure;
            }
        }

        await using var workspace = await TenantWorkspace.OpenAsync(job.Target, _services, error, cancellationToken);
        var journal = RunJournal.Open(job.JournalPath);
        await error.WriteLineAsync($"mailsetup: applying {plan.Steps.Count} steps to {workspace.Description}; journal {job.JournalPath}");
        // A person at a terminal sees a new secret once; without one (scripts, CI) it goes to a new
        // owner-only file in the state folder, named in the output.
        ISecretSink secrets = job.SecretOut is not null ? new FileSecretSink(job.SecretOut, error)
            : _services.Terminal.Interactive ? new TerminalSecretSink(error)
            : new FileSecretSink(_services.Folders.NewSecretFile(PlanBuilder.AppLabel(plan.Request), Clock.GetUtcNow()), error);
        var runner = new PlanRunner(workspace.Clients.Graph, workspace.Clients.Exchange,
            new CertificateMaker(_services.Folders.Certificates, Clock), secrets, Clock);

        var text = job.Format == "text";
        var applied = await runner.RunAsync(plan, journal, e =>
        {
            if (text && e is not StepEvent.Started) output.WriteLine(ApplyReport.Line(e));
        }, cancellationToken);

        await output.WriteAsync(text ? ApplyReport.Summary(applied, job.JournalPath) + "\n" : ApplyReport.Json(applied, job.JournalPath));
        return applied.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }

    protected override async Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken)
    {
        var request = await SetupRequestReader.ReadAsync(result, _setup, errors, cancellationToken);
        var target = request is null ? null : TenantTarget.Read(result, _target, request.Cloud, _services.Environment, errors);
        var format = _format.Read(result, errors);

        var secretOut = result.ValueOrDefault(_secretOut);
        if (secretOut is not null && InputFile.PathProblem(secretOut, "a new file for the client secret") is { } secretPathProblem)
            errors.Add(new(_secretOut.Name, secretPathProblem));
        else if (secretOut is not null && NewFileProblem(secretOut) is { } secretProblem)
            errors.Add(new(_secretOut.Name, secretProblem));

        var journal = result.ValueOrDefault(_journal);
        if (journal is not null && JournalInput.Problem(journal, mayBeNew: true) is { } journalProblem) errors.Add(new(_journal.Name, journalProblem));
        journal ??= _services.Folders.NewJournal(Clock.GetUtcNow());

        var yes = result.ValueOrDefault(_yes);
        if (!yes && !_services.Terminal.Interactive)
            errors.Add(new(_yes.Name, "is required when no terminal is attached to ask on; read the plan first with 'mailsetup plan'."));

        return request is null || target is null || format is null ? null : new Input(request, target, format, secretOut, journal, yes);
    }

    /// <summary>A secret file is always new: never overwrite (it may hold another secret), and its folder must exist.</summary>
    private static string? NewFileProblem(string path)
    {
        if (File.Exists(path)
            || Directory.Exists(path)) return $"'{path}' exists already; expected a new file (a secret is never written over another).";
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is not null && !Directory.Exists(folder) ? $"the folder of '{path}' does not exist." : null;
    }
}
