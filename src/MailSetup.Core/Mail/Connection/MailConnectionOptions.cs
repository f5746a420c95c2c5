using System.Security.Cryptography.X509Certificates;

namespace MailSetup.Core.Mail.Connection;

/// <summary>Limits and trust for one connection. Defaults are strict so a hostile or stuck server cannot hang a probe.</summary>
public sealed record MailConnectionOptions
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one whole line (or literal, or TLS handshake, or write) may take: a deadline for the line, not for
    /// each read, so a server trickling a byte at a time cannot stretch it.
    /// </summary>
    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a whole probe may take, from the lookup to the goodbye, whatever the server does.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Most lines accepted as the answer to one command (IMAP untagged responses, an SMTP multiline reply, a POP
    /// CAPA list), and most literals in one IMAP response.
    /// </summary>
    public int MaxResponseLines { get; init; } = 10_000;

    /// <summary>Most server challenges answered in one SASL exchange (a bearer-token login needs two at most).</summary>
    public int MaxSaslRounds { get; init; } = 8;

    /// <summary>Largest IMAP literal accepted (a mailbox name in LIST is a few bytes).</summary>
    public int MaxLiteralLength { get; init; } = 1024 * 1024;

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
