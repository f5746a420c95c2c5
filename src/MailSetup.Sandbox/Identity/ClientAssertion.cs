using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Identity;

/// <summary>
/// Checks a client assertion: a JWT signed with the private key of a certificate in the app's
/// keyCredentials, named in the header by its SHA-1 (<c>x5t</c>) or SHA-256 (<c>x5t#S256</c>)
/// thumbprint, issued by and about the app, and within its lifetime.
/// </summary>
internal static class ClientAssertion
{
    // Entra tolerates some clock difference between the client and itself.
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    public static void Check(SandboxApplication application, string assertion, DateTimeOffset now)
    {
        if (!Jws.TryDecode(assertion, out var token)) throw EntraErrors.MalformedAssertion("The assertion is not a JWT");

        var sha1 = token.HeaderString("x5t");
        var sha256 = token.HeaderString("x5t#S256");
        if (sha1 is null && sha256 is null) throw EntraErrors.MalformedAssertion("The assertion header names no certificate (x5t)");

        var (credential, certificate) = Named(application, sha1, sha256);
        if (credential is null || certificate is null) throw EntraErrors.AssertionKeyNotRegistered(application.AppId, sha1 ?? sha256);

        using (certificate)
        {
            using var key = certificate.GetRSAPublicKey();
            if (key is null || !token.IsSignedBy(key))
                throw EntraErrors.AssertionSignatureInvalid("The signature does not match the registered certificate");
        }
        if (now < credential.StartDateTime || credential.EndDateTime <= now)
            throw EntraErrors.AssertionSignatureInvalid("The key used is expired");

        if (!string.Equals(token.String("iss"), application.AppId, StringComparison.OrdinalIgnoreCase) ||
            !string.Equals(token.String("sub"), application.AppId, StringComparison.OrdinalIgnoreCase))
            throw EntraErrors.AssertionNotForClient(application.AppId);

        var notBefore = token.Seconds("nbf");
        var expires = token.Seconds("exp");
        if (expires is null) throw EntraErrors.MalformedAssertion("The assertion has no expiry (exp)");
        if (DateTimeOffset.FromUnixTimeSeconds(expires.Value) + Skew <= now ||
            (notBefore is not null && now + Skew < DateTimeOffset.FromUnixTimeSeconds(notBefore.Value)))
            throw EntraErrors.AssertionOutsideLifetime();
    }

    /// <summary>The key credential whose certificate the header names, with that certificate (the caller disposes it).</summary>
    private static (SandboxKeyCredential? Credential, X509Certificate2? Certificate) Named(SandboxApplication application, string? sha1,
        string? sha256)
    {
        foreach (var credential in application.KeyCredentials)
        {
            var certificate = Certificate(credential);
            if (certificate is null) continue;
            if (Names(certificate, sha1, sha256)) return (credential, certificate);
            certificate.Dispose();
        }
        return (null, null);
    }

    private static X509Certificate2? Certificate(SandboxKeyCredential credential)
    {
        try
        {
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(credential.Key));
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null; // a key credential that holds no certificate can sign nothing
        }
    }

    private static bool Names(X509Certificate2 certificate, string? sha1, string? sha256) =>
        (sha1 is not null && Base64Url.EncodeToString(certificate.GetCertHash(HashAlgorithmName.SHA1)) == sha1) ||
        (sha256 is not null && Base64Url.EncodeToString(certificate.GetCertHash(HashAlgorithmName.SHA256)) == sha256);
}
