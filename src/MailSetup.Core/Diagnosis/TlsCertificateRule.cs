namespace MailSetup.Core.Diagnosis;

/// <summary>
/// The server's certificate was not trusted. The connection layer words the reason (name mismatch, chain
/// problems); an expired certificate is told apart by its date so the fix names the server's admin, not us.
/// </summary>
public sealed class TlsCertificateRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisFacts facts)
    {
        if (facts.Probe?.Tls is not { Trusted: false } tls || tls.CertificateSubject.Length == 0) yield break;
        var evidence =
            $"certificate subject={tls.CertificateSubject} issuer={tls.CertificateIssuer} " +
            $"notAfter={tls.CertificateNotAfter:yyyy-MM-dd}: {tls.ValidationResult}";
        if (tls.ValidationResult.Contains("name mismatch", StringComparison.OrdinalIgnoreCase))
            yield return new Finding("tls-name-mismatch", FindingSeverity.Error, evidence,
                "The certificate is not issued for the host name connected to: a wrong --host, an alias, or something in between (a proxy) " +
                "answering.",
                $"Connect with the name the certificate names ({tls.CertificateSubject}); for Exchange Online " +
                $"use {facts.CloudOrGlobal.Exchange.Name} or {facts.CloudOrGlobal.Smtp.Name}.");
        else if (tls.CertificateNotAfter != default && tls.CertificateNotAfter < facts.Now)
            yield return new Finding("tls-expired", FindingSeverity.Error, evidence,
                $"The server's certificate expired on {tls.CertificateNotAfter:yyyy-MM-dd}.",
                "The server's administrator must renew the certificate; check this machine's clock too.");
        else
            yield return new Finding("tls-untrusted", FindingSeverity.Error, evidence,
                "The certificate does not chain to a root this machine trusts: a self-signed or private CA certificate, or a TLS-inspecting proxy.",
                "If the certificate is expected (a test server, a company CA), pass its PEM with --trust-cert; " +
                "otherwise find out who intercepts the connection.");
    }
}
