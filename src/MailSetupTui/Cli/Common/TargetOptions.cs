using System.CommandLine;

namespace MailSetupTui.Cli;

/// <summary>Where apply and rollback work, and how to sign in there.</summary>
internal sealed class TargetOptions
{
    public Option<bool> Sandbox { get; } = CommonOptions.Sandbox("Apply to the built-in sandbox tenant (the default when no tenant is given).");

    public Option<string> Tenant { get; } = CommonOptions.Tenant("The real tenant to apply to: its id or a verified domain.");

    public Option<string> Auth { get; } = CommonOptions.Auth(
        "How to sign in to a real tenant: device (default; a code to enter on any device), secret or certificate "
        + "(with --client-id; the secret from AZURE_CLIENT_SECRET), env (the AZURE_* variables).",
        "device|secret|certificate|env");

    public Option<string> ClientId { get; } = CommonOptions.ClientId(
        "The admin app's client id for --auth secret|certificate (device code uses Microsoft's own public client when omitted).");

    public Option<string> CertificatePath { get; } = new("--certificate-path")
    {
        Description = "PEM or PFX certificate of the admin app for --auth certificate.",
        HelpName = "file",
    };

    public IEnumerable<Option> All => [Sandbox, Tenant, Auth, ClientId, CertificatePath];
}
