using MailSetup.Core.Catalog;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// POP3 as Exchange Online shows it to an OAuth client: CAPA with SASL XOAUTH2 OAUTHBEARER, AUTH
/// with a <c>+ </c> continuation (or an initial response, RFC 5034), USER/PASS refused, and an empty
/// maildrop after login; a session whose token expires ends at the next command.
/// </summary>
internal sealed class PopSession(MailLineChannel channel, MailServerContext context) : MailSession(channel, context)
{
    private MailLoginDecision? _login;
    private string? _user;

    public override string ClosingLine => "-ERR Connection is closed. 13";

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(ExchangeMailTexts.PopGreeting, cancellationToken).ConfigureAwait(false);
        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // As IMAP: a session whose token has expired ends at the next command.
            if (_login?.ExpiresOn is { } expires && Context.Now >= expires)
            {
                await WriteAsync(ExchangeMailTexts.PopTokenExpired, cancellationToken).ConfigureAwait(false);
                return;
            }
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var name = words.Length > 0 ? words[0].ToUpperInvariant() : "";
            if (!await CountingErrorsAsync(() => HandleAsync(name, words.Skip(1).ToArray(), cancellationToken)).ConfigureAwait(false)) return;
        }
    }

    private async Task<bool> HandleAsync(string name, string[] arguments, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case "QUIT":
                await WriteAsync(ExchangeMailTexts.PopSigningOff, cancellationToken).ConfigureAwait(false);
                return false;
            case "CAPA":
                await Channel.WriteLinesAsync(["+OK", "TOP", "UIDL", "SASL XOAUTH2 OAUTHBEARER", "USER", "."], cancellationToken)
                    .ConfigureAwait(false);
                return true;
            case "NOOP" when _login is not null:
                await WriteAsync("+OK", cancellationToken).ConfigureAwait(false);
                return true;
        }
        if (_login is null)
        {
            switch (name)
            {
                case "AUTH" when arguments.Length == 0:
                    await Channel.WriteLinesAsync(["+OK", "XOAUTH2", "OAUTHBEARER", "."], cancellationToken).ConfigureAwait(false);
                    return true;
                case "AUTH":
                    return await AuthenticateAsync(arguments[0].ToUpperInvariant(), arguments.Length > 1 ? arguments[1] : null, cancellationToken)
                        .ConfigureAwait(false);
                case "USER":
                    // Exchange takes USER and refuses at PASS; the password is neither logged nor kept.
                    _user = arguments.FirstOrDefault();
                    await WriteAsync("+OK", cancellationToken).ConfigureAwait(false);
                    return true;
                case "PASS" when _user is not null:
                    Context.Gate.RecordBasicAuth(MailProtocol.Pop, "USER/PASS", _user);
                    _user = null;
                    return await FailAsync(ExchangeMailTexts.PopAuthenticationFailed, cancellationToken).ConfigureAwait(false);
                case "STAT" or "LIST" or "UIDL" or "RETR" or "TOP" or "DELE" or "RSET" or "NOOP" or "PASS":
                    return await FailAsync(ExchangeMailTexts.PopInvalidState, cancellationToken).ConfigureAwait(false);
                default:
                    return await FailAsync(ExchangeMailTexts.PopUnknownCommand, cancellationToken).ConfigureAwait(false);
            }
        }
        switch (name)
        {
            case "STAT":
                await WriteAsync("+OK 0 0", cancellationToken).ConfigureAwait(false);
                return true;
            case "LIST" or "UIDL" when arguments.Length == 0:
                await Channel.WriteLinesAsync(["+OK", "."], cancellationToken).ConfigureAwait(false);
                return true;
            case "LIST" or "UIDL" or "RETR" or "TOP" or "DELE":
                return await FailAsync("-ERR The specified message is out of range.", cancellationToken).ConfigureAwait(false);
            case "RSET":
                await WriteAsync("+OK", cancellationToken).ConfigureAwait(false);
                return true;
            case "AUTH" or "USER" or "PASS":
                return await FailAsync(ExchangeMailTexts.PopInvalidState, cancellationToken).ConfigureAwait(false);
            default:
                return await FailAsync(ExchangeMailTexts.PopUnknownCommand, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> AuthenticateAsync(string mechanism, string? initial, CancellationToken cancellationToken)
    {
        if (!SaslLogin.IsBearerMechanism(mechanism))
        {
            if (mechanism is "PLAIN" or "LOGIN") Context.Gate.RecordBasicAuth(MailProtocol.Pop, mechanism, null);
            return await FailAsync("-ERR Unrecognized authentication type.", cancellationToken).ConfigureAwait(false);
        }
        var decision =
            await SaslConversation.RunAsync(Channel, Context, MailProtocol.Pop, mechanism, initial, "+ ", cancellationToken).ConfigureAwait(false);
        if (decision is null) return await FailAsync("-ERR Authentication canceled.", cancellationToken).ConfigureAwait(false);
        if (decision.Outcome != MailLoginOutcome.Accepted) return await FailAsync(ExchangeMailTexts.PopAuthenticationFailed, cancellationToken)
            .ConfigureAwait(false);
        _login = decision;
        await WriteAsync(ExchangeMailTexts.PopAuthenticated, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> FailAsync(string line, CancellationToken cancellationToken)
    {
        await WriteAsync(line, cancellationToken).ConfigureAwait(false);
        return !TooManyErrors();
    }
}
