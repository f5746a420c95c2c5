using System.Net;
using MailSetup.Core.Clouds;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MailSetup.Sandbox.Hosting;

/// <summary>
/// The host's TLS certificate: self-signed, made fresh at every start, for localhost and 127.0.0.1,
/// and also for the global cloud's sign-in, Graph and Exchange hosts, so a client that reaches the
/// sandbox under those names (through a CONNECT proxy, as the real-tenant tests do) can be told to
/// trust it without any change to the client. Nothing trusts it unless told to: the sandbox's own
/// handler pins it, and its key lives only in the serving process.
/// </summary>
internal static class SandboxCertificate
{
    /// <summary>A new certificate with its private key, valid from a day ago for a year.</summary>
    /// <param name="now">Real time, not the tenant's clock: TLS peers judge validity by their own clocks.</param>
    /// <param name="listenAddress">A specific address the server listens on besides loopback, named in the certificate too.</param>
    public static X509Certificate2 Create(DateTimeOffset now, IPAddress? listenAddress = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        if (listenAddress is not null && !IPAddress.IsLoopback(listenAddress) && !listenAddress.Equals(IPAddress.Any)
            && !listenAddress.Equals(IPAddress.IPv6Any))
            names.AddIpAddress(listenAddress);
        var cloud = CloudCatalog.Global;
        foreach (var host in new[] { cloud.Login.Name, cloud.Graph.Name, cloud.Exchange.Name }) names.AddDnsName(host);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        // Round trip through PKCS#12 so the key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    /// <summary>The public part only, safe to hand out.</summary>
    public static X509Certificate2 PublicPart(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadCertificate(certificate.RawData);
}
