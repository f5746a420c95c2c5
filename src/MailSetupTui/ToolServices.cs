using MailSetup.App;
using MailSetup.App.Diagnosis;
using MailSetup.Core.Plans;
using MailSetup.Core.Plans.Rendering;
using MailSetupTui.Tui.Terminal;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui;

/// <summary>
/// What the commands and the terminal UI are built with, taken once from the composition root
/// (Program.cs; tests build their own). Every part is required:
/// a test that forgets one fails at once instead of quietly using the real clock, environment,
/// terminal or ~/.local/state.
/// </summary>
public sealed record ToolServices(
    TimeProvider Clock,
    StateFolders Folders,
    IEnvironment Environment,
    ITerminal Terminal,
    IPasswordPrompt Passwords,
    PlanBuilder Plans,
    PlanRenderers Renderers,
    DiagnosisRunner Diagnosis)
{
    public static ToolServices From(IServiceProvider services) => new(
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<StateFolders>(),
        services.GetRequiredService<IEnvironment>(),
        services.GetRequiredService<ITerminal>(),
        services.GetRequiredService<IPasswordPrompt>(),
        services.GetRequiredService<PlanBuilder>(),
        services.GetRequiredService<PlanRenderers>(),
        services.GetRequiredService<DiagnosisRunner>());
}
