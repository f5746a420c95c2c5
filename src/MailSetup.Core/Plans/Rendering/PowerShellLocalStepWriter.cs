using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// Work on the admin's machine. Making the certificate uses .NET from PowerShell 7: the private
/// key goes into a password-protected PFX next to the script (mode 0600), and only the public
/// certificate (<c>{cert.key}</c>) goes to Entra. A re-run reuses that file, since the certificate
/// Entra holds belongs to it.
/// </summary>
internal sealed partial class PowerShellLocalStepWriter(PowerShellScriptBuilder script, PowerShellVariables variables)
{
    private const string X509 = "System.Security.Cryptography.X509Certificates";

    public void Write(LocalStep step, PowerShellStepLabel label)
    {
        if (step.Work != LocalAction.GenerateCertificate)
            throw new NotSupportedException($"local step '{step.Key}' ({step.Work}) has no PowerShell form.");
        WriteCertificate(step, label);
    }

    private void WriteCertificate(LocalStep step, PowerShellStepLabel label)
    {
        var subject = Setting(step, "subject");
        var keyBits = RsaKeyBits(Setting(step, "key"));
        var days = int.Parse(Setting(step, "validityDays"), NumberStyles.None, CultureInfo.InvariantCulture);
        var fileName = FileName(subject, Setting(step, "displayName"));

        script.Line($"$certificateFile = Join-Path $scriptFolder {PowerShellQuoting.SingleQuoted(fileName)}");
        script.Open("if (Test-Path -LiteralPath $certificateFile) {");
        script.Comment("A re-run keeps the key pair made the first time: the certificate Entra holds belongs to it.");
        script.Line("$pfxPassword = Read-Host -AsSecureString -Prompt \"Password of $certificateFile\"");
        script.Line($"$certificate = [{X509}.X509Certificate2]::new($certificateFile, $pfxPassword)");
        script.Line(label.Status("unchanged"));
        script.Continue("} else {");
        script.Line("$pfxPassword = Read-Host -AsSecureString -Prompt 'Choose a password for the private key file'");
        script.Line("$pfxPasswordAgain = Read-Host -AsSecureString -Prompt 'Type the password again'");
        script.Open(
            "if ([System.Net.NetworkCredential]::new('', $pfxPassword).Password -cne [System.Net.NetworkCredential]::new('', " +
            "$pfxPasswordAgain).Password) {");
        script.Line(label.Failure("the two passwords differ; nothing was saved. Run the script again."));
        script.Close();
        script.Line(string.Create(CultureInfo.InvariantCulture, $"$rsa = [System.Security.Cryptography.RSA]::Create({keyBits})"));
        script.Line(
            $"$certificateRequest = [{X509}.CertificateRequest]::new({PowerShellQuoting.SingleQuoted(subject)}, $rsa, " +
            $"[System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)");
        // The same dates as mailsetup apply's certificate (CertificateMaker): both reach the same end state.
        script.Comment(string.Create(CultureInfo.InvariantCulture,
            $"Valid from a few minutes ago, so a clock slightly ahead of Entra's does not reject it, until {days} days from now."));
        script.Line("$now = [System.DateTimeOffset]::UtcNow");
        script.Line(
            string.Create(CultureInfo.InvariantCulture,
                $"$certificate = $certificateRequest.CreateSelfSigned($now.AddMinutes(-5), $now.AddDays({days}))"));
        script.Line($"Write-PrivateFile -Path $certificateFile -Bytes ($certificate.Export([{X509}.X509ContentType]::Pfx, $pfxPassword))");
        script.Line(label.Status(label.Done));
        script.Close();
        script.Line($"{variables.For(References.CertificateKey)} = [System.Convert]::ToBase64String($certificate.RawData)");
        script.Line($"{variables.For(References.CertificateThumbprint)} = $certificate.Thumbprint");
    }

    private static string Setting(LocalStep step, string name) =>
        step.Settings.FirstOrDefault(s => s.Key == name).Value
        ?? throw new NotSupportedException($"local step '{step.Key}' has no '{name}' setting.");

    private static int RsaKeyBits(string key)
    {
        var match = RsaKey().Match(key);
        if (!match.Success)
            throw new NotSupportedException($"certificate key '{key}' has no PowerShell form; expected 'RSA <bits>'.");
        return int.Parse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary><c>CN=Contoso IMAP</c> and <c>mailsetup 2026-11-21</c> give <c>Contoso-IMAP-mailsetup-2026-11-21.pfx</c>.</summary>
    internal static string FileName(string subject, string displayName)
    {
        var name = subject.StartsWith("CN=", StringComparison.OrdinalIgnoreCase) ? subject[3..] : subject;
        var safe = new StringBuilder();
        foreach (var c in $"{name} {displayName}")
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';
            if (keep) safe.Append(c);
            else if (safe.Length > 0 && safe[^1] != '-') safe.Append('-');
        }
        var stem = safe.ToString().Trim('-', '.');
        return (stem.Length > 0 ? stem : "mailsetup-certificate") + ".pfx";
    }

    [GeneratedRegex(@"^RSA\s+(\d{3,5})$", RegexOptions.CultureInvariant)]
    private static partial Regex RsaKey();
}
