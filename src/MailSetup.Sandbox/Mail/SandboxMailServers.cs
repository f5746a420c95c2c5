using System.Security.Cryptography.X509Certificates;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Connection;
using MailSetup.Sandbox.Hosting;
using MailSetup.Sandbox.State;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// Exchange-like IMAP (implicit TLS), POP3 (implicit TLS) and SMTP submission (STARTTLS) servers
/// for the sandbox tenant, on 127.0.0.1. Logins use XOAUTH2 or OAUTHBEARER with tokens from the
/// sandbox's token endpoint, and are decided as Exchange Online decides them, with its exact
/// answers, from the tenant as it is at that moment. Clients trust <see cref="Certificate"/>.
/// </summary>
public sealed class SandboxMailServers : IAsyncDisposable
{
    private readonly MailServerContext _context;
    private readonly MailListener _imap;
    private readonly MailListener _pop;
    private readonly MailListener _smtp;
    private readonly X509Certificate2 _serverCertificate;
    private int _disposed;

    private SandboxMailServers(MailServerContext context, MailListener imap, MailListener pop, MailListener smtp, X509Certificate2 serverCertificate)
    {
        _context = context;
        _imap = imap;
        _pop = pop;
        _smtp = smtp;
        _serverCertificate = serverCertificate;
        Certificate = SandboxCertificate.PublicPart(serverCertificate);
        Host = context.Options.ListenAddress.ToString();
    }

    /// <summary>The address the servers listen on: 127.0.0.1 unless <see cref="SandboxMailOptions.ListenAddress"/> says otherwise.</summary>
    public string Host { get; }

    public int ImapPort => _imap.Port;
    public int PopPort => _pop.Port;
    public int SmtpPort => _smtp.Port;

    /// <summary>The servers' self-signed certificate (public part; for localhost and 127.0.0.1), for clients to trust.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary><see cref="Certificate"/> as PEM, for curl's --cacert or a mail client's trust store.</summary>
    public string CertificatePem => Certificate.ExportCertificatePem();

    public SandboxMailEndpoint Imap => new(MailProtocol.Imap, Host, ImapPort, TlsMode.Implicit);
    public SandboxMailEndpoint Pop => new(MailProtocol.Pop, Host, PopPort, TlsMode.Implicit);
    public SandboxMailEndpoint Smtp => new(MailProtocol.Smtp, Host, SmtpPort, TlsMode.StartTls);

    public IReadOnlyList<SandboxMailEndpoint> Endpoints => [Imap, Pop, Smtp];

    public SandboxMailEndpoint Endpoint(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => Imap,
        MailProtocol.Pop => Pop,
        _ => Smtp,
    };

    /// <summary>Every login decision so far (bounded), oldest first: protocol, mailbox, outcome and reason; never a token.</summary>
    public IReadOnlyList<MailLoginRecord> Logins => _context.Logins.Snapshot();

    /// <summary>The last messages SMTP accepted (bounded by <see cref="SandboxMailOptions.KeptMessages"/>).</summary>
    public IReadOnlyList<SandboxReceivedMessage> Messages => _context.Messages();

    public int OpenConnections => _imap.OpenConnections + _pop.OpenConnections + _smtp.OpenConnections;

    public static Task<SandboxMailServers> StartAsync(SandboxTenant tenant, SandboxMailOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        options ??= new SandboxMailOptions();
        // Real time, not the tenant's clock: TLS peers judge the certificate by their own clocks.
        var certificate = SandboxCertificate.Create(TimeProvider.System.GetUtcNow(), options.ListenAddress);
        var context = new MailServerContext(tenant, options, certificate, new MailLoginLog(options.KeptLogins));
        var started = new List<MailListener>();
        try
        {
            started.Add(
                MailListener.Start(options.ListenAddress, options.ImapPort ?? 0, context, implicitTls: true, c => new ImapSession(c, context),
                    "* BYE Too many connections."));
            started.Add(
                MailListener.Start(options.ListenAddress, options.PopPort ?? 0, context, implicitTls: true, c => new PopSession(c, context),
                    "-ERR Too many connections."));
            started.Add(
                MailListener.Start(options.ListenAddress, options.SmtpPort ?? 0, context, implicitTls: false, c => new SmtpSession(c, context),
                    "421 4.3.2 The maximum number of concurrent connections has exceeded a limit, closing transmission channel"));
        }
        catch
        {
            foreach (var listener in started) listener.DisposeAsync().AsTask().GetAwaiter().GetResult();
            certificate.Dispose();
            throw;
        }
        return Task.FromResult(new SandboxMailServers(context, started[0], started[1], started[2], certificate));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await Task.WhenAll(_imap.DisposeAsync().AsTask(), _pop.DisposeAsync().AsTask(), _smtp.DisposeAsync().AsTask()).ConfigureAwait(false);
        _serverCertificate.Dispose();
        Certificate.Dispose();
    }
}
