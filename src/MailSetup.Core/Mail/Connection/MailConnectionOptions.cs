using System.Security.Cryptography.X509Certificates;

namespace MailSetup.Core.Mail.Connection;

/// <summary>Limits and trust for one connection. Defaults are strict so a hostile or stuck server cannot hang a probe.</summary>
public sealed record MailConnectionOptions
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long any single read or TLS handshake may take.</summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest server line accepted (RFC 5321 allows 512 for replies; IMAP lines run longer).</summary>
    public int MaxLineLength { get; init; } = 64 * 1024;

    /// <summary>
    /// Extra certificates trusted as roots for this connection only (e.g. a test server's self-signed one);
    /// system validation stays on for everything else.
    /// </summary>
    public X509Certificate2Collection TrustedCertificates { get; init; } = [];

    /// <summary>Name checked against the certificate; defaults to the host connected to.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Loads a PEM file of certificates to trust in addition to the system store.</summary>
    public static X509Certificate2Collection TrustPem(string pemPath)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(pemPath);
        return certificates;
    }
}
