using MailSetup.App;
using System.CommandLine;
using MailSetup.Core.Catalog;

namespace MailSetupTui.Cli;

/// <summary><c>mailsetup presets</c>: what each scenario preset asks for, as a table or JSON.</summary>
internal sealed class PresetsCommand : ICliCommand
{
    private static IReadOnlyList<string> Formats { get; } = ["text", "json"];

    private readonly Option<string> _format = new("--format")
    {
        Description = "Output format: text or json (default text).",
        HelpName = "text|json",
    };

    public PresetsCommand()
    {
        Command = new Command("presets", "List the scenario presets: their permissions, the seed procedures they follow, and what they are for.");
        Command.Add(_format);
        Command.SetAction(RunAsync);
    }

    public Command Command { get; }

    public Task<IReadOnlyList<CliError>> CheckAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var errors = new List<CliError>();
        ReadFormat(result, errors);
        return Task.FromResult<IReadOnlyList<CliError>>(errors);
    }

    private async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var errors = new List<CliError>();
        var format = ReadFormat(result, errors);
        if (format is null) return await ErrorReport.UsageAsync(result.InvocationConfiguration.Error, errors, CommandPath.Of(result));

        var text = format == "json" ? PresetJson.Render(PresetCatalog.All) : PresetTable.Render(PresetCatalog.All);
        var output = result.InvocationConfiguration.Output;
        await output.WriteAsync(text);
        await output.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }

    private string? ReadFormat(ParseResult result, List<CliError> errors)
    {
        var given = result.ValueOrDefault(_format);
        var wanted = (given ?? Formats[0]).Trim().ToLowerInvariant();
        if (Formats.Contains(wanted)) return wanted;
        var near = NameSuggestions.Nearest(wanted, Formats);
        var hint = near.Count > 0 ? $" (did you mean '{near[0]}'?)" : "";
        errors.Add(new(_format.Name, $"unknown format '{given}'{hint}; expected one of {string.Join(", ", Formats)}."));
        return null;
    }
}
