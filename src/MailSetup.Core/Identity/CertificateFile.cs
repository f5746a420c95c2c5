using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MailSetup.Core.Identity;

/// <summary>
/// Loads a client certificate with its private key: PEM (certificate and key in one file, as
/// <c>openssl req -x509 -newkey ... -nodes</c> writes them) or PKCS#12 with an optional password.
/// Loading it here, not in Azure.Identity, gives errors that name the file and what is wrong with it.
/// </summary>
public static class CertificateFile
{
    public static X509Certificate2 Load(string path, string? password = null)
    {
        if (!File.Exists(path))
            throw new SignInConfigurationException($"The certificate file '{path}' does not exist.");

        X509Certificate2 certificate;
        try
        {
            certificate = LooksLikePem(path)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException e)
        {
            throw new SignInConfigurationException(
                $"The certificate file '{path}' could not be read ({e.Message.TrimEnd('.')}); it must be PEM with the certificate and its private " +
                "key, or PKCS#12 with the right password.", e);
        }
        catch (ArgumentException e)
        {
            throw new SignInConfigurationException(
                $"The certificate file '{path}' holds no usable certificate and private key ({e.Message.TrimEnd('.')}).", e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new SignInConfigurationException(
                $"The certificate file '{path}' has no private key; sign-in needs the key, not only the certificate.");
        }
        return certificate;
    }

    private static bool LooksLikePem(string path)
    {
        Span<byte> start = stackalloc byte[64];
        using var stream = File.OpenRead(path);
        var read = stream.Read(start);
        return System.Text.Encoding.ASCII.GetString(start[..read]).Contains("-----BEGIN", StringComparison.Ordinal);
    }
}
