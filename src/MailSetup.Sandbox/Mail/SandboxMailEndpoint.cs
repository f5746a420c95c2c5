using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;

namespace MailSetup.Sandbox.Mail;

/// <summary>Where one of the sandbox's mail protocols answers and how it is secured, as a client needs to be told.</summary>
public sealed record SandboxMailEndpoint(MailProtocol Protocol, string Host, int Port, TlsMode Tls)
{
    /// <summary>The URL curl takes for it, e.g. <c>imaps://127.0.0.1:40993/</c>.</summary>
    public string CurlUrl => Protocol switch
    {
        MailProtocol.Imap => $"imaps://{UrlHost}:{Port}/",
        MailProtocol.Pop => $"pop3s://{UrlHost}:{Port}/",
        _ => $"smtp://{UrlHost}:{Port}",
    };

    /// <summary>An IPv6 address goes in brackets in a URL.</summary>
    private string UrlHost => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
}
