using MailSetup.Core.Clouds;

namespace MailSetup.Core.Identity;

/// <summary>
/// Everything needed to sign in to one tenant. Which fields matter depends on <see cref="Kind"/>;
/// <see cref="SignInCredentialFactory"/> says which one is missing.
/// </summary>
public sealed record SignInOptions
{
    public required Cloud Cloud { get; init; }

    /// <summary>The tenant id or one of its verified domains (contoso.onmicrosoft.com).</summary>
    public string? Tenant { get; init; }

    public SignInKind Kind { get; init; } = SignInKind.Device;

    /// <summary>The app (client) id that signs in: a public client for <see cref="SignInKind.Device"/>.</summary>
    public string? ClientId { get; init; }

    public string? ClientSecret { get; init; }

    /// <summary>A PEM file holding the certificate and its private key, or a PKCS#12 (.pfx/.p12) file.</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The password of a PKCS#12 file, if it has one.</summary>
    public string? CertificatePassword { get; init; }

    /// <summary>
    /// Where Entra ID is for this cloud. Always https: MSAL refuses anything else. A login host
    /// override may carry a port (<c>127.0.0.1:5443</c>); it becomes part of the authority.
    /// </summary>
    public Uri AuthorityHost => new($"https://{Cloud.Login.Name}/");

    /// <summary>Secrets stay out of logs and exceptions when options are printed.</summary>
    public override string ToString() =>
        $"SignInOptions {{ Cloud = {Cloud.Key}, Tenant = {Tenant}, Kind = {Kind}, ClientId = {ClientId}, " +
        $"ClientSecret = {(ClientSecret is null ? "" : "***")}, CertificatePath = {CertificatePath}, " +
        $"CertificatePassword = {(CertificatePassword is null ? "" : "***")} }}";
}
