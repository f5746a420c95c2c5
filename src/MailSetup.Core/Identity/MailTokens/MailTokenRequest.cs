using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;

namespace MailSetup.Core.Identity.MailTokens;

/// <summary>Which app asks, in which tenant and cloud, by which flow, for which mail protocols.</summary>
public sealed record MailTokenRequest
{
    public required Cloud Cloud { get; init; }

    /// <summary>The tenant id or a verified domain.</summary>
    public required string Tenant { get; init; }

    /// <summary>The mail app's client (application) id.</summary>
    public required string ClientId { get; init; }

    public required MailTokenFlow Flow { get; init; }

    /// <summary>The protocols the token is for; delegated flows ask for exactly their scopes.</summary>
    public IReadOnlyList<MailProtocol> Protocols { get; init; } = [MailProtocol.Imap, MailProtocol.Pop, MailProtocol.Smtp];

    /// <summary>For <see cref="MailTokenFlow.Secret"/>, and optionally for <see cref="MailTokenFlow.Ropc"/> (a confidential client).</summary>
    public string? ClientSecret { get; init; }

    /// <summary>For <see cref="MailTokenFlow.Certificate"/>: PEM with its key, or PKCS#12.</summary>
    public string? CertificatePath { get; init; }

    public string? CertificatePassword { get; init; }

    /// <summary>For <see cref="MailTokenFlow.Ropc"/>: the person's sign-in name.</summary>
    public string? UserName { get; init; }

    /// <summary>For <see cref="MailTokenFlow.Ropc"/>: the person's password.</summary>
    public string? Password { get; init; }

    public IReadOnlyList<string> Scopes => MailTokenScopes.For(this);

    /// <summary>Secrets stay out of logs and exceptions when a request is printed.</summary>
    public override string ToString() =>
        $"MailTokenRequest {{ Cloud = {Cloud.Key}, Tenant = {Tenant}, ClientId = {ClientId}, Flow = {Flow}, " +
        $"ClientSecret = {(ClientSecret is null ? "" : "***")}, CertificatePath = {CertificatePath}, UserName = {UserName}, " +
        $"Password = {(Password is null ? "" : "***")} }}";
}
