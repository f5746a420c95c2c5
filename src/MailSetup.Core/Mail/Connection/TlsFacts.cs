namespace MailSetup.Core.Mail.Connection;

/// <summary>What the TLS handshake showed: negotiated protocol and cipher, the server certificate, and whether we trusted it.</summary>
public sealed record TlsFacts(
    string Protocol,
    string Cipher,
    string CertificateSubject,
    string CertificateIssuer,
    DateTimeOffset CertificateNotAfter,
    string ValidationResult,
    bool Trusted);
