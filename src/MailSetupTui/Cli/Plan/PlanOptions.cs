using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>The options of <c>mailsetup plan</c>: the setup, and how to write the plan.</summary>
internal sealed class PlanOptions
{
    public SetupOptions Setup { get; } = new();

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Plan format: text, json, http or powershell (default text).",
        HelpName = "text|json|http|powershell",
    };

    public Option<string> Output { get; } = new("--output")
    {
        Description = "Write the plan to this file (replaced only once the plan is complete) instead of stdout.",
        HelpName = "file",
    };

    public IEnumerable<Option> All => [.. Setup.All, Format, Output];
}
