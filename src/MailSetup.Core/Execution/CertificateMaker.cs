using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>
/// Makes the key pair and self-signed certificate of a <see cref="LocalAction.GenerateCertificate"/>
/// step and saves both as one PEM file readable only by its owner (0600, set at creation). A file
/// that exists already is reused: the certificate Entra holds belongs to that key, so a resumed or
/// repeated run must not make another.
/// </summary>
public sealed class CertificateMaker(string folder, TimeProvider clock) : ILocalWork
{
    public async Task<LocalWorkResult> RunAsync(LocalStep step, CancellationToken cancellationToken)
    {
        if (step.Work != LocalAction.GenerateCertificate)
            throw new NotSupportedException($"local work {step.Work} is not known to this machine.");
        var settings = step.Settings.ToDictionary(s => s.Key, s => s.Value);
        var path = PathFor(settings["displayName"]);
        var reused = File.Exists(path);
        var certificate = reused
            ? X509Certificate2.CreateFromPemFile(path)
            : await MakeAsync(path, settings["subject"], int.Parse(settings["validityDays"], System.Globalization.CultureInfo.InvariantCulture),
                cancellationToken);
        using (certificate)
        {
            var values = new Dictionary<string, string>
            {
                [References.CertificateKey.Name] = Convert.ToBase64String(certificate.RawData),
                [References.CertificateThumbprint.Name] = certificate.Thumbprint,
            };
            var detail = reused
                ? $"reused the key and certificate in {path} (thumbprint {certificate.Thumbprint})"
                : $"private key and certificate in {path} (mode 0600, thumbprint {certificate.Thumbprint})";
            return new LocalWorkResult(values, !reused, detail);
        }
    }

    public string PathFor(string displayName) =>
        Path.Combine(folder, new string(displayName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray()) + ".pem");

    private async Task<X509Certificate2> MakeAsync(string path, string subject, int days, CancellationToken cancellationToken)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(days));
        var pem = rsa.ExportPkcs8PrivateKeyPem() + "\n" + certificate.ExportCertificatePem() + "\n";
        Directory.CreateDirectory(folder);
        // Written whole to a temporary file, then moved into place: a run cancelled mid-write must not
        // leave a partial file that the next run would take for the existing key.
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            await using (var stream = new FileStream(temporary, options))
            await using (var writer = new StreamWriter(stream))
                await writer.WriteAsync(pem.AsMemory(), cancellationToken);
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
        return X509Certificate2.CreateFromPem(certificate.ExportCertificatePem());
    }
}
