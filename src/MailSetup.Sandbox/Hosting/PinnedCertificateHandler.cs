using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// Client handlers that trust exactly one server certificate, compared by SHA-256 of its DER bytes,
/// and nothing else: the sandbox's certificate is never added to any trust store.
/// </summary>
internal static class PinnedCertificateHandler
{
    public static SocketsHttpHandler Create(X509Certificate2 pinned)
    {
        var expected = pinned.GetCertHash(HashAlgorithmName.SHA256);
        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                // Chain and name errors are expected for a self-signed certificate; the pin is the check.
                RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                    certificate is not null
                    && CryptographicOperations.FixedTimeEquals(certificate.GetCertHash(HashAlgorithmName.SHA256), expected),
            },
        };
    }
}
