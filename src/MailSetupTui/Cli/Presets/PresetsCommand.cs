using System.CommandLine;
using MailSetup.App;
using MailSetup.Core.Catalog;

namespace MailSetupTui.Cli;

/// <summary><c>mailsetup presets</c>: what each scenario preset asks for, as a table or JSON.</summary>
internal sealed class PresetsCommand : CliCommand<PresetsCommand.Input>
{
    private readonly FormatOption _format = new(["text", "json"], "Output format: text or json (default text).");

    public PresetsCommand()
        : base("presets", "List the scenario presets: their permissions, the procedures they follow, and what they are for.") =>
        Add(_format.Option);

    internal sealed record Input(string Format);

    protected override Task<Input?> BindAsync(ParseResult result, List<CliError> errors, CancellationToken cancellationToken) =>
        Task.FromResult(_format.Read(result, errors) is { } format ? new Input(format) : null);

    protected override async Task<int> RunAsync(Input input, CliOutput io, CancellationToken cancellationToken)
    {
        var text = input.Format == "json" ? PresetJson.Render(PresetCatalog.All) : PresetTable.Render(PresetCatalog.All);
        await io.Output.WriteAsync(text);
        await io.Output.FlushAsync(cancellationToken);
        return ExitCodes.Success;
    }
}
