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

    private readonly Option<bool> _newSecret = new("--new-secret")
    {
        Description = "Add a new client secret even when the app has one that an earlier run made (a re-run otherwise makes none).",
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
        Add([.. _setup.All, .. _target.All, _yes, _secretOut, _newSecret, _journal, _format.Option]);
    }

    private TimeProvider Clock => _services.Clock;

    internal sealed record Input(SetupRequest Request, TenantTarget Target, string Format, string? SecretOut, string JournalPath, bool Yes,
        bool NewSecret);

    protected override async Task<int> RunAsync(Input job, CliOutput io, CancellationToken cancellationToken)
    {
        // The secret's file exists (new, 0600, open) before anything can change: a place that fails shows now, not after addPassword.
        SecretOutFile? secretOut;
        try
        {
            secretOut = job.SecretOut is null ? null : SecretOutFile.Create(job.SecretOut);
        }
        catch (IOException e)
        {
            return await io.UsageAsync([new(_secretOut.Name, e.Message)]);
        }
        await using (secretOut) return await RunAsync(job, secretOut, io, cancellationToken);
    }

    private async Task<int> RunAsync(Input job, SecretOutFile? secretOut, CliOutput io, CancellationToken cancellationToken)
    {
        var (output, error) = (io.Output, io.Error);
        var plan = _services.Plans.Build(job.Request);
        // A journal resumes only the plan it was written for, on the target it was written for: checked before anything is asked or done.
        var journal = RunJournal.Open(job.JournalPath);
        if ((journal.PlanProblem(plan) ?? journal.Binding?.TargetProblem(job.Target.JournalTarget, job.JournalPath)) is { } mismatch)
            return await io.UsageAsync([new(_journal.Name, mismatch)]);
        if (JournalInput.UnreadableNotice(journal) is { } unreadable) await error.WriteLineAsync(unreadable);
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
        journal.Bind(JournalBinding.For(plan, job.Target.JournalTarget));
        await error.WriteLineAsync($"mailsetup: applying {plan.Steps.Count} steps to {workspace.Description}; journal {job.JournalPath}");
        // The new secret goes to --secret-out, else (binding made sure) to a terminal that stdout and stderr both are; a file that
        // fails after addPassword hands it to a new owner-only file in the state folder, named in the output.
        var secrets = new ApplySecretSink(secretOut, secretOut is null && _services.Terminal.OutputsAreTerminal ? error : null,
            () => _services.Folders.NewSecretFile(PlanBuilder.AppLabel(plan.Request), Clock.GetUtcNow()), error);
        var runner = new PlanRunner(workspace.Clients.Graph, workspace.Clients.Exchange,
            new CertificateMaker(_services.Folders.Certificates, Clock), secrets, Clock) { NewSecret = job.NewSecret };

        var text = job.Format == "text";
        ApplyResult applied;
        try
        {
            applied = await runner.RunAsync(plan, journal, e =>
            {
                if (text && e is not StepEvent.Started) output.WriteLine(ApplyReport.Line(e));
            }, cancellationToken);
        }
        catch (ForeignAppsException taken)
        {
            // The name check is the plan's first step: nothing has changed, so this is a usage error like any other (exit 2).
            await error.WriteLineAsync(ApplyReport.ForeignApps(taken));
            return ExitCodes.Usage;
        }
        catch (InvalidOperationException e)
        {
            // Found before any step ran: a secret of a stopped run that could not be removed.
            return await io.FailureAsync(new(_journal.Name, e.Message));
        }

        if (applied.UnsavedSecretsRemoved > 0)
            await error.WriteLineAsync(
                $"mailsetup: removed {applied.UnsavedSecretsRemoved} client secret(s) the stopped run made and never saved; a new one is made.");
        if (applied.ExistingSecretMade is { } made)
            await error.WriteLineAsync(ApplyReport.ExistingSecret(made));
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
        // A secret is shown only where nothing of it can land in a file or a pipe; anywhere else it needs a file named before the run.
        if (secretOut is null && request?.Credential is CredentialRequest.ClientSecret && !_services.Terminal.OutputsAreTerminal)
            errors.Add(new(_secretOut.Name,
                "is required when standard output or error is not a terminal: the new client secret is shown only on a terminal, " +
                "and a redirected one could keep it in a file or a log. Name a new file for it."));

        var journal = result.ValueOrDefault(_journal);
        if (journal is not null && JournalInput.Problem(journal, mayBeNew: true) is { } journalProblem)
            errors.Add(new(_journal.Name, journalProblem));
        journal ??= _services.Folders.NewJournal(Clock.GetUtcNow());

        var yes = result.ValueOrDefault(_yes);
        if (!yes && !_services.Terminal.Interactive)
            errors.Add(new(_yes.Name, "is required when no terminal is attached to ask on; read the plan first with 'mailsetup plan'."));

        return request is null || target is null || format is null ? null : new Input(request, target, format, secretOut, journal, yes,
            result.ValueOrDefault(_newSecret));
    }

    /// <summary>A secret file is always new: never overwrite (it may hold another secret), and its folder must exist.</summary>
    private static string? NewFileProblem(string path)
    {
        if (path.Length == 0) return "an empty name is not a file name.";
        if (new FileInfo(path).LinkTarget is not null) return $"'{path}' is a symbolic link; a secret is never written through one.";
        if (File.Exists(path)
            || Directory.Exists(path)) return $"'{path}' exists already; expected a new file (a secret is never written over another).";
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        return folder is not null && !Directory.Exists(folder) ? $"the folder of '{path}' does not exist." : null;
    }
}
