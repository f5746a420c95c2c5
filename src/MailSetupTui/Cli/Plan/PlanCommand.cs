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
internal sealed class PlanCommand : CliCommand<PlanCommand.Input>
{
    private readonly PlanBuilder _builder;
    private readonly PlanRenderers _renderers;
    private readonly SetupOptions _setup = new();
    private readonly FormatOption _format;

    private readonly Option<string> _output = new("--output")
    {
        Description = "Write the plan to this file (replaced only once the plan is complete) instead of stdout.",
        HelpName = "file",
    };

    public PlanCommand(PlanBuilder builder, PlanRenderers renderers)
        : base("plan", "Show the steps (Graph requests and Exchange cmdlets) that set up an app, without changing anything.")
    {
        _builder = builder;
        _renderers = renderers;
        _format =
            new FormatOption(renderers.Formats,
                $"Plan format: {string.Join(", ", renderers.Formats.SkipLast(1))} or {renderers.Formats[^1]} (default {renderers.Formats[0]}).");
        Add([.. _setup.All, _format.Option, _output]);
    }

    /// <summary>A checked plan command: everything needed to run.</summary>
    internal sealed record Input(SetupRequest Request, IPlanRenderer Renderer, string? OutputPath);

    protected override async Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken)
    {
        var request = await SetupRequestReader.ReadAsync(result, _setup, errors, cancellationToken);
        var format = _format.Read(result, errors);
        var outputPath = result.ValueOrDefault(_output);
        if (outputPath is not null && PlanOutputFile.Problem(outputPath) is { } outputProblem)
            errors.Add(new(PlanOutputFile.OptionName, outputProblem));
        return request is null || format is null ? null : new Input(request, _renderers.Get(format), outputPath);
    }

    protected override async Task<int> RunAsync(Input input, CliOutput io, CancellationToken cancellationToken)
    {
        // Render completely before touching stdout or the file: a renderer that throws leaves both untouched.
        var plan = _builder.Build(input.Request);
        var text = input.Renderer.Render(plan);
        if (!text.EndsWith('\n')) text += "\n";

        if (input.OutputPath is not { } path)
        {
            await io.Output.WriteAsync(text);
            await io.Output.FlushAsync(cancellationToken);
            return ExitCodes.Success;
        }
        try
        {
            await PlanOutputFile.WriteAsync(path, text, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await io.FailureAsync(new(PlanOutputFile.OptionName, $"cannot write '{path}': {FileProblem.Reason(path, e)}."));
        }
        // Status goes to stderr so stdout stays empty (and pipeable) when the plan went to a file.
        await io.Error.WriteLineAsync($"mailsetup: wrote the {input.Renderer.Format} plan ({plan.Steps.Count} steps) to {path}");
        return ExitCodes.Success;
    }
}
