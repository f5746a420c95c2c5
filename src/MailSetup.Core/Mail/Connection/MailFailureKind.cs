namespace MailSetup.Core.Mail.Connection;

/// <summary>Why a probe broke off before the login was decided, or why a decided login still failed.</summary>
public enum MailFailureKind
{
    /// <summary>The server stopped answering, answered too slowly, or the whole probe ran out of time.</summary>
    Timeout,

    /// <summary>The server closed or reset the connection before the dialogue was over.</summary>
    ConnectionClosed,

    /// <summary>The server broke the protocol or our limits: a nonsense line, an endless reply, a huge literal.</summary>
    ProtocolViolation,

    /// <summary>The TLS handshake failed (an untrusted certificate, or no TLS spoken at all).</summary>
    Tls,

    /// <summary>The server refused to start TLS (STARTTLS, STLS): a TLS problem, found before any token was sent.</summary>
    StartTlsRefused,

    /// <summary>The server accepted the authentication but refused the session (the first command after it, or a BYE).</summary>
    RefusedAfterLogin,

    /// <summary>The server refused the SMTP envelope or the test message after a successful login.</summary>
    RefusedEnvelope,

    /// <summary>Anything else (a bug of ours); the failure text names the exception.</summary>
    Unexpected,
}
