namespace MailSetup.Core.Mail.Connection;

/// <summary>How a connection is secured: TLS from the first byte, upgraded in-band, or not at all.</summary>
public enum TlsMode
{
    Implicit,
    StartTls,
    None,
}
