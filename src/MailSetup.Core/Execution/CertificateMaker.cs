using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailSetup.Core.Plans;

namespace MailSetup.Core.Execution;

/// <summary>
/// Makes the key pair and self-signed certificate of a <see cref="LocalAction.GenerateCertificate"/>
/// step and saves both as one PEM file readable only by its owner (0600, set at creation, in an owner-only folder). Every run makes a new
/// key pair in a file of its own (the credential's name, the time and a random part): two apps, or two runs, never share a key. A resumed
/// run never comes here for a step its journal finished; it goes on with the certificate that journal recorded, so it keeps its own key.
/// </summary>
public sealed class CertificateMaker(string folder, TimeProvider clock) : ILocalWork
{
    public async Task<LocalWorkResult> RunAsync(LocalStep step, CancellationToken cancellationToken)
    {
        if (step.Work != LocalAction.GenerateCertificate)
            throw new NotSupportedException($"local work {step.Work} is not known to this machine.");
        var settings = step.Settings.ToDictionary(s => s.Key, s => s.Value);
        var path = NewPath(settings["displayName"]);
        using var certificate = await MakeAsync(path, settings["subject"],
            int.Parse(settings["validityDays"], System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var values = new Dictionary<string, string>
        {
            [References.CertificateKey.Name] = Convert.ToBase64String(certificate.RawData),
            [References.CertificateThumbprint.Name] = certificate.Thumbprint,
        };
        return new LocalWorkResult(values, true, $"private key and certificate in {path} (mode 0600, thumbprint {certificate.Thumbprint})");
    }

    /// <summary>A file name no other run has: the credential's name, when, and 8 random hex digits.</summary>
    private string NewPath(string displayName)
    {
        var name = new string(displayName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-').ToArray());
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        return Path.Combine(folder, $"{name}-{stamp}-{RandomNumberGenerator.GetHexString(8, lowercase: true)}.pem");
    }

    private async Task<X509Certificate2> MakeAsync(string path, string subject, int days, CancellationToken cancellationToken)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = clock.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(days));
        var pem = rsa.ExportPkcs8PrivateKeyPem() + "\n" + certificate.ExportCertificatePem() + "\n";
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        // Written whole to a temporary file, then moved into place: a run cancelled mid-write leaves no partial key file.
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
