using MailSetup.App;
using System.CommandLine;
using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Plans;
using MailSetup.Core.Plans.Rendering;

namespace MailSetupTui.Cli;

/// <summary>
/// <c>mailsetup plan</c>: checks the whole command line, builds the plan offline and writes it in
/// the chosen format. Nothing is written anywhere unless every check passed.
/// </summary>
internal sealed class PlanCommand : ICliCommand
{
    private const string DefaultFormat = "text";

    private readonly PlanBuilder _builder;
    private readonly PlanRenderers _renderers;
    private readonly PlanOptions _options = new();

    public PlanCommand(PlanBuilder builder, PlanRenderers renderers)
    {
        _builder = builder;
        _renderers = renderers;
        Command = new Command("plan", "Show the steps (Graph requests and Exchange cmdlets) that set up an app, without changing anything.");
        foreach (var option in _options.All) Command.Add(option);
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    public async Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken) =>
        (await PrepareAsync(result, cancellationToken)).Errors;

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var output = result.InvocationConfiguration.Output;
        var error = result.InvocationConfiguration.Error;
        var job = await PrepareAsync(result, cancellationToken);
        if (job.Errors.Count > 0) return await ErrorReport.UsageAsync(error, job.Errors, CommandPath.Of(result));

        // Render completely before touching stdout or the file: a renderer that throws leaves both untouched.
        var plan = _builder.Build(job.Request!);
        var text = job.Renderer!.Render(plan);
        if (!text.EndsWith('\n')) text += "\n";

        if (job.OutputPath is null)
        {
            await output.WriteAsync(text);
            await output.FlushAsync(cancellationToken);
            return ExitCodes.Success;
        }
        try
        {
            await PlanOutputFile.WriteAsync(job.OutputPath, text, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await ErrorReport.FailureAsync(error, new(PlanOutputFile.OptionName, $"cannot write '{job.OutputPath}': {FileProblem.Reason(job.OutputPath, e)}."));
        }
        // Status goes to stderr so stdout stays empty (and pipeable) when the plan went to a file.
        await error.WriteLineAsync($"mailsetup: wrote the {job.Renderer.Format} plan ({plan.Steps.Count} steps) to {job.OutputPath}");
        return ExitCodes.Success;
    }

    /// <summary>Reads and checks every value; all problems are collected, none stops the others being checked.</summary>
    private async Task<PlanJob> PrepareAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var errors = new List<CliError>();
        var request = await SetupRequestReader.ReadAsync(result, _options.Setup, errors, cancellationToken);
        var renderer = ReadRenderer(result.ValueOrDefault(_options.Format), errors);
        var outputPath = result.ValueOrDefault(_options.Output);
        if (outputPath is not null && PlanOutputFile.Problem(outputPath) is { } outputProblem)
            errors.Add(new(PlanOutputFile.OptionName, outputProblem));

        if (errors.Count > 0 || request is null) return new(null, null, null, errors);
        return new(request, renderer, outputPath, errors);
    }

    private IPlanRenderer? ReadRenderer(string? format, List<CliError> errors)
    {
        var wanted = (format ?? DefaultFormat).Trim();
        var known = _renderers.Formats;
        if (known.Contains(wanted, StringComparer.OrdinalIgnoreCase)) return _renderers.Get(wanted);
        var near = NameSuggestions.Nearest(wanted, known);
        var hint = near.Count > 0 ? $" (did you mean '{near[0]}'?)" : "";
        errors.Add(new(_options.Format.Name, $"unknown format '{format}'{hint}; expected one of {string.Join(", ", known)}."));
        return null;
    }

    /// <summary>A checked plan command: either everything needed to run, or the reasons it cannot.</summary>
    private sealed record PlanJob(SetupRequest? Request, IPlanRenderer? Renderer, string? OutputPath, IReadOnlyList<CliError> Errors);
}
