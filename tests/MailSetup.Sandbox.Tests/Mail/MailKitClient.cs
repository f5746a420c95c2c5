using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Pop3;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailSetup.Core.Catalog;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Sandbox.Mail;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>
/// MailKit, a client we did not write, logging in to the sandbox's servers with OAuth (XOAUTH2 or OAUTHBEARER) and doing what a mail
/// app does next: IMAP opens the inbox, POP counts the maildrop, SMTP is ready to send. Its verdict is whether all of that worked.
/// </summary>
internal static class MailKitClient
{
    public sealed record Verdict(bool Succeeded, string? Error);

    public static async Task<Verdict> LoginAsync(SandboxMailServers servers, MailProtocol protocol, string mailbox, string token,
        SaslMechanismKind mechanism)
    {
        MailKit.Security.SaslMechanism sasl = mechanism == SaslMechanismKind.XOAuth2
            ? new SaslMechanismOAuth2(mailbox, token)
            : new SaslMechanismOAuthBearer(mailbox, token);
        var endpoint = servers.Endpoint(protocol);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var client = Client(protocol);
        // Trust exactly the sandbox's certificate, as a mail client given its PEM would.
        client.ServerCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(servers.Certificate.RawData);
        client.Timeout = 20_000;
        try
        {
            var tls = protocol == MailProtocol.Smtp ? SecureSocketOptions.StartTls : SecureSocketOptions.SslOnConnect;
            await client.ConnectAsync(endpoint.Host, endpoint.Port, tls, timeout.Token);
            await client.AuthenticateAsync(sasl, timeout.Token);
            switch (client)
            {
                case ImapClient imap:
                    await imap.Inbox.OpenAsync(FolderAccess.ReadOnly, timeout.Token);
                    break;
                case Pop3Client pop:
                    await pop.GetMessageCountAsync(timeout.Token);
                    break;
            }
            await client.DisconnectAsync(quit: true, timeout.Token);
            return new Verdict(true, null);
        }
        catch (Exception e) when (e is AuthenticationException or ProtocolException or CommandException or IOException
            or OperationCanceledException or ServiceNotAuthenticatedException or ServiceNotConnectedException)
        {
            return new Verdict(false, $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static IMailService Client(MailProtocol protocol) => protocol switch
    {
        MailProtocol.Imap => new ImapClient(),
        MailProtocol.Pop => new Pop3Client(),
        _ => new SmtpClient(),
    };
}
