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
        Description = "Write the plan to this new file instead of stdout (an existing file or a symbolic link only with --force).",
        HelpName = "file",
    };

    private readonly Option<bool> _force = new(OutputFile.ForceOption)
    {
        Description = "Let --output replace an existing file or symbolic link (the link itself, never its target), once the plan is complete.",
    };

    public PlanCommand(PlanBuilder builder, PlanRenderers renderers)
        : base("plan", "Show the steps (Graph requests and Exchange cmdlets) that set up an app, without changing anything.")
    {
        _builder = builder;
        _renderers = renderers;
        _format =
            new FormatOption(renderers.Formats,
                $"Plan format: {string.Join(", ", renderers.Formats.SkipLast(1))} or {renderers.Formats[^1]} (default {renderers.Formats[0]}).");
        Add([.. _setup.All, _format.Option, _output, _force]);
    }

    /// <summary>A checked plan command: everything needed to run.</summary>
    internal sealed record Input(SetupRequest Request, IPlanRenderer Renderer, string? OutputPath, bool Force);

    protected override async Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken)
    {
        var request = await SetupRequestReader.ReadAsync(result, _setup, errors, cancellationToken);
        var format = _format.Read(result, errors);
        var outputPath = result.ValueOrDefault(_output);
        var force = result.ValueOrDefault(_force);
        if (outputPath is not null && OutputFile.Problem(outputPath, force) is { } outputProblem)
            errors.Add(new(_output.Name, outputProblem));
        else if (outputPath is null && force) errors.Add(new(_force.Name, "goes with --output: without it the plan goes to stdout."));
        return request is null || format is null ? null : new Input(request, _renderers.Get(format), outputPath, force);
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
            await OutputFile.WriteAsync(path, text, input.Force, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Planning changed nothing, so a file that cannot be made is bad input like any other: exit 2.
            return await io.UsageAsync([new(_output.Name, $"cannot write {InputFile.Shown(path)}: {FileProblem.Reason(path, e)}.")]);
        }
        // Status goes to stderr so stdout stays empty (and pipeable) when the plan went to a file.
        await io.Error.WriteLineAsync($"mailsetup: wrote the {input.Renderer.Format} plan ({plan.Steps.Count} steps) to {path}");
        return ExitCodes.Success;
    }
}
