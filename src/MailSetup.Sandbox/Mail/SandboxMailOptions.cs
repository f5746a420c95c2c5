using System.Net;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// Ports and per-connection limits of the sandbox's IMAP, POP and SMTP servers. The limits are
/// strict on purpose: the servers face whatever a user points at them (curl, Thunderbird, a
/// broken script) and one bad client must not starve the others or the test run.
/// </summary>
public sealed record SandboxMailOptions
{
    /// <summary>The address the servers listen on: loopback unless the caller says otherwise (<c>sandbox serve --listen</c>).</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>IMAP port (implicit TLS) on 127.0.0.1; null or 0 takes a free port.</summary>
    public int? ImapPort { get; init; }

    /// <summary>POP3 port (implicit TLS) on 127.0.0.1; null or 0 takes a free port.</summary>
    public int? PopPort { get; init; }

    /// <summary>SMTP submission port (STARTTLS) on ListenAddress; null or 0 takes a free port.</summary>
    public int? SmtpPort { get; init; }

    /// <summary>Open connections per protocol; one more is told the server is busy and closed.</summary>
    public int MaxConnections { get; init; } = 64;

    /// <summary>Longest command line accepted. XOAUTH2 lines carry a whole token in base64, so this is generous but bounded.</summary>
    public int MaxLineLength { get; init; } = 32 * 1024;

    /// <summary>How long a connection may stay silent (or leave our answer unread) before it is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a TLS handshake may take.</summary>
    public TimeSpan TlsHandshakeTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest message SMTP accepts (advertised as SIZE); messages are kept in memory.</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>How many received messages are kept for tests to read; older ones are dropped.</summary>
    public int KeptMessages { get; init; } = 20;

    /// <summary>How many login decisions are kept in <see cref="SandboxMailServers.Logins"/>.</summary>
    public int KeptLogins { get; init; } = 1000;

    /// <summary>Unknown, misplaced or refused commands in a row tolerated before the connection is closed.</summary>
    public int MaxErrors { get; init; } = 20;

    /// <summary>The front-end name Exchange puts in its SMTP answers, e.g. <c>535 5.7.3 Authentication unsuccessful [name]</c>.</summary>
    public string ServerName { get; init; } = "SN4PR0301CA0001.namprd03.prod.outlook.com";
}
