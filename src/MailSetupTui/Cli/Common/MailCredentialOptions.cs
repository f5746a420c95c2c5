using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>
/// How diagnose and preflight get the mail app's own token: the app (--client-id) in a tenant
/// (--tenant) or the sandbox (--sandbox), by a flow (--auth). Secrets and passwords never come from
/// the command line, where other users of a jump host can read them.
/// </summary>
internal sealed class MailCredentialOptions
{
    public const string PasswordVariable = "MAILSETUP_PASSWORD";

    public Option<bool> Sandbox { get; } = CommonOptions.Sandbox(
        "Use the built-in sandbox tenant: its Exchange-like IMAP/POP/SMTP servers, its token endpoint, and a temporary client secret for the app.");

    public Option<string> Tenant { get; } = CommonOptions.Tenant("The tenant the mail app lives in: its id or a verified domain.");

    public Option<string> ClientId { get; } = CommonOptions.ClientId(
        "The mail app's client (application) id. With --sandbox it defaults to the sandbox's newest mail app.");

    public Option<string> Auth { get; } = CommonOptions.Auth(
        "How the mail app gets its token: secret (default; from --secret-file or AZURE_CLIENT_SECRET), certificate (--certificate-path), "
            + $"device (a person signs in with a code), ropc (a person's password from {PasswordVariable} or a prompt; not recommended: no MFA).",
        "secret|certificate|device|ropc");

    public Option<string> SecretFile { get; } = new("--secret-file")
    {
        Description = "File holding the mail app's client secret (e.g. what 'apply --secret-out' wrote).",
        HelpName = "file",
    };

    public Option<string> CertificatePath { get; } = new("--certificate-path")
    {
        Description = "PEM (certificate and key) or PFX of the mail app, for --auth certificate.",
        HelpName = "file",
    };

    public Option<string> User { get; } = new("--user")
    {
        Description = "Who signs in for --auth ropc (and who the sandbox approves a device code as); default: the mailbox.",
        HelpName = "address",
    };

    public IEnumerable<Option> All => [Sandbox, Tenant, ClientId, Auth, SecretFile, CertificatePath, User];
}
