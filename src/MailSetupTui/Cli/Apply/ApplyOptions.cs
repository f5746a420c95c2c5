using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>The options of <c>mailsetup apply</c>: the setup, where to apply it, and how to report.</summary>
internal sealed class ApplyOptions
{
    public SetupOptions Setup { get; } = new();

    public TargetOptions Target { get; } = new();

    public Option<bool> Yes { get; } = new("--yes")
    {
        Description = "Apply without asking (the plan is still printed first).",
    };

    public Option<string> SecretOut { get; } = new("--secret-out")
    {
        Description = "Write the new client secret to this new file (mode 0600); it is shown nowhere else.",
        HelpName = "file",
    };

    public Option<string> Journal { get; } = new("--journal")
    {
        Description = "Journal file: records each finished step so a stopped run resumes from it (default: a new file in the state folder).",
        HelpName = "file",
    };

    public Option<string> Format { get; } = new("--format")
    {
        Description = "Result format: text (progress as it happens) or json (one object at the end).",
        HelpName = "text|json",
    };

    public IEnumerable<Option> All => [.. Setup.All, .. Target.All, Yes, SecretOut, Journal, Format];
}
