using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>The options of <c>mailsetup apply</c>: the setup, where to apply it, and how to report.</summary>
internal sealed class ApplyOptions
{
    public SetupOptions Setup { get; } = new();

    public Option<bool> Sandbox { get; } = new("--sandbox")
    {
        Description = "Apply to the built-in sandbox tenant (the default when no tenant is given).",
    };

    public Option<string> Tenant { get; } = new("--tenant")
    {
        Description = "The real tenant to apply to: its id or a verified domain.",
        HelpName = "id|domain",
    };

    public Option<string> Auth { get; } = new("--auth")
    {
        Description = "How to sign in to a real tenant: device (default; a code to enter on any device), secret or certificate (with --client-id; the secret from AZURE_CLIENT_SECRET), env (the AZURE_* variables).",
        HelpName = "device|secret|certificate|env",
    };

    public Option<string> ClientId { get; } = new("--client-id")
    {
        Description = "The admin app's client id for --auth secret|certificate (device code uses Microsoft's own public client when omitted).",
        HelpName = "guid",
    };

    public Option<string> CertificatePath { get; } = new("--certificate-path")
    {
        Description = "PEM or PFX certificate of the admin app for --auth certificate.",
        HelpName = "file",
    };

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

    public IEnumerable<Option> All => [.. Setup.All, Sandbox, Tenant, Auth, ClientId, CertificatePath, Yes, SecretOut, Journal, Format];
}
