using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MailSetup.Sandbox.Tests.Identity.Support;

/// <summary>Self-signed client certificates, made per test, and the files the product reads them from.</summary>
public static class TestCertificates
{
    public static X509Certificate2 Create(string subject = "CN=Mail Relay")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(30));
    }

    /// <summary>Certificate and private key in one PEM file, as <c>openssl req -x509 -nodes</c> writes them.</summary>
    public static string WritePem(X509Certificate2 certificate, string folder)
    {
        var path = Path.Combine(folder, "client.pem");
        using var key = certificate.GetRSAPrivateKey()!;
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
        return path;
    }

    public static string WritePfx(X509Certificate2 certificate, string folder, string password)
    {
        var path = Path.Combine(folder, "client.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
