using MailSetup.App;
using System.CommandLine;
using MailSetup.Core.Clouds;
using MailSetupTui.Tui.Runtime;
using MailSetupTui.Tui.Terminal;

namespace MailSetupTui.Cli;

/// <summary>
/// Plain <c>mailsetup</c>: the full-screen terminal UI, on the sandbox tenant when nothing is given,
/// or on <c>--tenant</c> (device-code sign-in shown in the Tenant pane).
/// </summary>
internal sealed class RootUi(ToolServices services)
{
    public Option<bool> Sandbox { get; } = CommonOptions.Sandbox("Open the UI on the built-in sandbox tenant (the default when no tenant is given).");
    public Option<string> Tenant { get; } =
        CommonOptions.Tenant("Open the UI on a real tenant (its id or a verified domain); an admin signs in by device code.");
    public Option<string> Cloud { get; } = CommonOptions.Cloud("The tenant's cloud");
    public Option<bool> NoColor { get; } =
        new(TerminalOptions.NoColorFlag) { Description = "No colours (as NO_COLOR does); focus stays visible by inverse video." };
    public Option<bool> Ascii { get; } =
        new(TerminalOptions.AsciiFlag) { Description = "ASCII borders for terminals and fonts without box drawing." };

    public IEnumerable<Option> All => [Sandbox, Tenant, Cloud, NoColor, Ascii];

    public async Task<int> RunAsync(ParseResult result, CancellationToken cancellationToken)
    {
        var (settings, errors) = Read(result);
        var error = result.InvocationConfiguration.Error;
        if (settings is null) return await ErrorReport.UsageAsync(error, errors, CommandPath.Of(result));
        var flags = new List<string>();
        if (result.ValueOrDefault(NoColor)) flags.Add(TerminalOptions.NoColorFlag);
        if (result.ValueOrDefault(Ascii)) flags.Add(TerminalOptions.AsciiFlag);
        var code =
            await TuiLauncher.RunAsync(services, error, new TuiTarget(settings.Value.Tenant is null, settings.Value.Cloud, settings.Value.Tenant),
                flags, cancellationToken);
        if (code != ExitCodes.Success) await RootUsage.RunAsync(result, cancellationToken);
        return code;
    }

    private ((Cloud Cloud, string? Tenant)? Settings, List<CliError> Errors) Read(ParseResult result)
    {
        var errors = new List<CliError>();
        var tenant = CommonOptions.ReadTenant(result, Tenant, errors);
        CommonOptions.CheckSandboxOrTenant(result.ValueOrDefault(Sandbox), tenant, errors);
        var cloud = CommonOptions.ReadCloud(result, Cloud, errors);
        if (cloud is not null && tenant is null && cloud.Name != CloudName.Global)
            errors.Add(new("--cloud", $"the sandbox is a tenant in the global cloud, not '{result.ValueOrDefault(Cloud)}'; give --tenant too."));
        return errors.Count > 0 ? (null, errors) : ((cloud ?? CloudCatalog.Global, tenant), errors);
    }
}
