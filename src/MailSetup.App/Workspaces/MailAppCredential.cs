using MailSetup.Core.Identity.MailTokens;

namespace MailSetup.App.Workspaces;

/// <summary>
/// How the mail app gets its own token: the flow, and what that flow needs. In the sandbox a missing
/// client secret is made for the run and a password is the sandbox's own. Secrets stay out of
/// <see cref="ToString"/>.
/// </summary>
public sealed record MailAppCredential(MailTokenFlow Flow, string? ClientSecret = null, string? CertificatePath = null, string? User = null,
    string? Password = null)
{
    public override string ToString() =>
        $"MailAppCredential {{ Flow = {Flow}, ClientSecret = {(ClientSecret is null ? "" : "***")}, CertificatePath = {CertificatePath}, " +
        $"User = {User}, Password = {(Password is null ? "" : "***")} }}";
}
