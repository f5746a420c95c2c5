using MailSetup.Core.Catalog;
using MailSetup.Core.Clouds;
using MailSetup.Core.Mail.Connection;

namespace MailSetup.App.Workspaces;

/// <summary>Where one protocol's login is tried. Defaults follow Exchange Online's endpoints in the chosen cloud.</summary>
public sealed record MailTarget(MailProtocol Protocol, string Host, int Port, TlsMode Tls)
{
    /// <summary>
    /// The cloud's host for the protocol, the port Exchange serves it on, and that port's TLS mode; a
    /// TLS mode given without a port picks the port conventionally paired with it.
    /// </summary>
    public static MailTarget For(MailProtocol protocol, Cloud cloud, string? host = null, int? port = null, TlsMode? tls = null)
    {
        var defaultTls = protocol == MailProtocol.Smtp ? TlsMode.StartTls : TlsMode.Implicit;
        var mode = tls ?? defaultTls;
        var defaultHost = protocol == MailProtocol.Smtp ? cloud.Smtp.Name : cloud.Exchange.Name;
        return new MailTarget(protocol, host ?? defaultHost, port ?? DefaultPort(protocol, mode), mode);
    }

    private static int DefaultPort(MailProtocol protocol, TlsMode tls) => (protocol, tls) switch
    {
        (MailProtocol.Imap, TlsMode.Implicit) => 993,
        (MailProtocol.Imap, _) => 143,
        (MailProtocol.Pop, TlsMode.Implicit) => 995,
        (MailProtocol.Pop, _) => 110,
        (MailProtocol.Smtp, TlsMode.Implicit) => 465,
        _ => 587,
    };

    /// <summary>The protocol's name as people type it: imap, pop, smtp.</summary>
    public string Name => Protocol.ToString().ToLowerInvariant();

    public string Describe(string mechanism) =>
        $"{Name} {Host}:{Port} tls={Tls.ToString().ToLowerInvariant()} mech={mechanism}";
}
