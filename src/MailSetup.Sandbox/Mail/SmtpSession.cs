using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MailSetup.Core.Catalog;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// SMTP submission as Exchange Online shows it: a plain greeting, STARTTLS, AUTH only under TLS
/// (XOAUTH2 advertised with LOGIN, as Exchange does; OAUTHBEARER accepted too), basic auth refused
/// with Exchange's answer, SMTP AUTH switches honoured, and MAIL FROM held to the logged-in mailbox
/// or one it has SendAs on; a session whose token expires ends at the next command. Accepted messages are kept in memory, never
/// delivered.
/// </summary>
internal sealed partial class SmtpSession(MailLineChannel channel, MailServerContext context) : MailSession(channel, context)
{
    private const int MaxRecipients = 100;

    private bool _greeted;
    private MailLoginDecision? _login;
    private string? _from;
    private readonly List<string> _recipients = [];

    private string Server => Context.Options.ServerName;

    public override string ClosingLine => "421 4.4.2 Connection dropped due to idle timeout or a protocol limit";

    public override async Task RunAsync(CancellationToken cancellationToken)
    {
        await WriteAsync($"220 {Server} Microsoft ESMTP MAIL Service ready at {Context.Now.ToString("R", CultureInfo.InvariantCulture)}",
            cancellationToken).ConfigureAwait(false);
        while (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            // As IMAP: a session whose token has expired ends at the next command.
            if (_login?.ExpiresOn is { } expires && Context.Now >= expires)
            {
                await WriteAsync(ExchangeMailTexts.SmtpTokenExpired(Server), cancellationToken).ConfigureAwait(false);
                return;
            }
            var split = line.IndexOf(' ');
            var name = (split < 0 ? line : line[..split]).ToUpperInvariant();
            var arguments = split < 0 ? "" : line[(split + 1)..].Trim();
            if (!await CountingErrorsAsync(() => HandleAsync(name, arguments, cancellationToken)).ConfigureAwait(false)) return;
        }
    }

    private async Task<bool> HandleAsync(string name, string arguments, CancellationToken cancellationToken)
    {
        switch (name)
        {
            case "EHLO":
                _greeted = true;
                ResetTransaction();
                await Channel.WriteLinesAsync(Ehlo(), cancellationToken).ConfigureAwait(false);
                return true;
            case "HELO":
                _greeted = true;
                ResetTransaction();
                await WriteAsync($"250 {Server} Hello [127.0.0.1]", cancellationToken).ConfigureAwait(false);
                return true;
            case "STARTTLS":
                return await StartTlsAsync(cancellationToken).ConfigureAwait(false);
            case "AUTH":
                return await AuthenticateAsync(arguments, cancellationToken).ConfigureAwait(false);
            case "MAIL":
                return await MailFromAsync(arguments, cancellationToken).ConfigureAwait(false);
            case "RCPT":
                return await RecipientAsync(arguments, cancellationToken).ConfigureAwait(false);
            case "DATA":
                return await DataAsync(cancellationToken).ConfigureAwait(false);
            case "RSET":
                ResetTransaction();
                await WriteAsync("250 2.0.0 Resetting", cancellationToken).ConfigureAwait(false);
                return true;
            case "NOOP":
                await WriteAsync("250 2.0.0 OK", cancellationToken).ConfigureAwait(false);
                return true;
            case "QUIT":
                await WriteAsync("221 2.0.0 Service closing transmission channel", cancellationToken).ConfigureAwait(false);
                return false;
            default:
                return await FailAsync("500 5.3.3 Unrecognized command", cancellationToken).ConfigureAwait(false);
        }
    }

    private IEnumerable<string> Ehlo()
    {
        List<string> lines = [$"{Server} Hello [127.0.0.1]", $"SIZE {Context.Options.MaxMessageBytes}", "PIPELINING", "DSN", "ENHANCEDSTATUSCODES"];
        // Exchange offers AUTH only once the connection is encrypted.
        lines.Add(Channel.IsTls ? "AUTH LOGIN XOAUTH2" : "STARTTLS");
        lines.AddRange(["8BITMIME", "BINARYMIME", "CHUNKING", "SMTPUTF8"]);
        return lines.Select((l, i) => (i == lines.Count - 1 ? "250 " : "250-") + l);
    }

    private async Task<bool> StartTlsAsync(CancellationToken cancellationToken)
    {
        if (Channel.IsTls) return await FailAsync("503 5.5.1 TLS already active", cancellationToken).ConfigureAwait(false);
        await WriteAsync("220 2.0.0 SMTP server ready", cancellationToken).ConfigureAwait(false);
        await Channel.StartTlsAsync(Context.Certificate, cancellationToken).ConfigureAwait(false);
        // RFC 3207: everything learnt before TLS is forgotten; the client greets again.
        _greeted = false;
        _login = null;
        ResetTransaction();
        return true;
    }

    private async Task<bool> AuthenticateAsync(string arguments, CancellationToken cancellationToken)
    {
        if (!_greeted) return await FailAsync("503 5.5.2 Send hello first", cancellationToken).ConfigureAwait(false);
        if (!Channel.IsTls) return await FailAsync(ExchangeMailTexts.SmtpUnrecognizedAuth(Server), cancellationToken).ConfigureAwait(false);
        if (_login is not null) return await FailAsync("503 5.5.2 Already authenticated", cancellationToken).ConfigureAwait(false);

        var words = arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var mechanism = words.Length > 0 ? words[0].ToUpperInvariant() : "";
        var initial = words.Length > 1 ? words[1] : null;
        if (mechanism is "LOGIN" or "PLAIN") return await BasicAuthAsync(mechanism, initial, cancellationToken).ConfigureAwait(false);
        if (!SaslLogin.IsBearerMechanism(mechanism)) return await FailAsync(ExchangeMailTexts.SmtpUnrecognizedAuth(Server), cancellationToken)
            .ConfigureAwait(false);

        var decision =
            await SaslConversation.RunAsync(Channel, Context, MailProtocol.Smtp, mechanism, initial, "334 ", cancellationToken).ConfigureAwait(false);
        if (decision is null) return await FailAsync("501 5.0.0 Authentication canceled", cancellationToken).ConfigureAwait(false);
        var answer = decision.Outcome switch
        {
            MailLoginOutcome.Accepted => ExchangeMailTexts.SmtpAuthenticated,
            MailLoginOutcome.SmtpAuthDisabledForTenant => ExchangeMailTexts.SmtpAuthDisabled("Tenant", Server),
            MailLoginOutcome.SmtpAuthDisabledForMailbox => ExchangeMailTexts.SmtpAuthDisabled("Mailbox", Server),
            _ => ExchangeMailTexts.SmtpAuthenticationFailed(Server),
        };
        if (decision.Outcome != MailLoginOutcome.Accepted) return await FailAsync(answer, cancellationToken).ConfigureAwait(false);
        _login = decision;
        await WriteAsync(answer, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>AUTH LOGIN / PLAIN: play the exchange through so the client sees Exchange's real answer; the password is discarded unread.</summary>
    private async Task<bool> BasicAuthAsync(string mechanism, string? initial, CancellationToken cancellationToken)
    {
        string? user = null;
        if (mechanism == "LOGIN")
        {
            var name = initial;
            if (name is null)
            {
                await WriteAsync("334 VXNlcm5hbWU6", cancellationToken).ConfigureAwait(false); // "Username:"
                name = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
                if (name is null) return false;
            }
            user = DecodeUser(name);
            await WriteAsync("334 UGFzc3dvcmQ6", cancellationToken).ConfigureAwait(false); // "Password:"
            if (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is null) return false;
        }
        else if (initial is null)
        {
            await WriteAsync("334 ", cancellationToken).ConfigureAwait(false);
            if (await ReadLineAsync(cancellationToken).ConfigureAwait(false) is null) return false;
        }
        Context.Gate.RecordBasicAuth(MailProtocol.Smtp, mechanism, user);
        return await FailAsync(ExchangeMailTexts.SmtpBasicAuthDisabled(Server), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> MailFromAsync(string arguments, CancellationToken cancellationToken)
    {
        if (!_greeted) return await FailAsync("503 5.5.2 Send hello first", cancellationToken).ConfigureAwait(false);
        if (_login is null) return await FailAsync(ExchangeMailTexts.SmtpNotAuthenticated(Server), cancellationToken).ConfigureAwait(false);
        if (_from is not null) return await FailAsync("503 5.5.2 Sender already specified", cancellationToken).ConfigureAwait(false);
        var match = Path("FROM").Match(arguments);
        if (!match.Success) return await FailAsync("501 5.1.7 Invalid address", cancellationToken).ConfigureAwait(false);
        if (Size().Match(match.Groups["params"].Value) is { Success: true } size
            && (!long.TryParse(size.Groups[1].Value, CultureInfo.InvariantCulture, out var declared) || declared > Context.Options.MaxMessageBytes))
            return await FailAsync("552 5.3.4 Message size exceeds fixed maximum message size", cancellationToken).ConfigureAwait(false);
        var from = match.Groups["address"].Value;
        if (!Context.Gate.MaySendAs(_login,
            from)) return await FailAsync(ExchangeMailTexts.SmtpSendAsDenied, cancellationToken).ConfigureAwait(false);
        _from = from;
        await WriteAsync("250 2.1.0 Sender OK", cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> RecipientAsync(string arguments, CancellationToken cancellationToken)
    {
        if (_from is null) return await FailAsync("503 5.5.1 Need mail command", cancellationToken).ConfigureAwait(false);
        var match = Path("TO").Match(arguments);
        if (!match.Success
            || match.Groups["address"].Length == 0) return await FailAsync("501 5.1.3 Invalid address", cancellationToken).ConfigureAwait(false);
        if (_recipients.Count >= MaxRecipients) return await FailAsync("452 4.5.3 Too many recipients", cancellationToken).ConfigureAwait(false);
        _recipients.Add(match.Groups["address"].Value);
        await WriteAsync("250 2.1.5 Recipient OK", cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Reads the message to the lone dot, undoing dot-stuffing; past the size limit it is read and dropped.</summary>
    private async Task<bool> DataAsync(CancellationToken cancellationToken)
    {
        if (_from is null || _recipients.Count == 0) return await FailAsync("503 5.5.1 Need rcpt command", cancellationToken).ConfigureAwait(false);
        await WriteAsync("354 Start mail input; end with <CRLF>.<CRLF>", cancellationToken).ConfigureAwait(false);
        var data = new StringBuilder();
        var tooBig = false;
        while (true)
        {
            var line = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null) return false;
            if (line == ".") break;
            if (tooBig) continue;
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
            tooBig = data.Length > Context.Options.MaxMessageBytes;
        }
        if (tooBig)
        {
            ResetTransaction();
            return await FailAsync("552 5.3.4 Message size exceeds fixed maximum message size", cancellationToken).ConfigureAwait(false);
        }
        Context.Keep(new SandboxReceivedMessage(Context.Now, _login!.Mailbox ?? "", _from, _recipients.ToList(), data.ToString()));
        ResetTransaction();
        await WriteAsync($"250 2.0.0 OK <{Guid.NewGuid():N}@{Server}> [Hostname={Server}] Queued mail for delivery", cancellationToken)
            .ConfigureAwait(false);
        return true;
    }

    private void ResetTransaction()
    {
        _from = null;
        _recipients.Clear();
    }

    private async Task<bool> FailAsync(string line, CancellationToken cancellationToken)
    {
        await WriteAsync(line, cancellationToken).ConfigureAwait(false);
        return !TooManyErrors();
    }

    private static string? DecodeUser(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64.Trim(), bytes, out var length) ? Encoding.UTF8.GetString(bytes, 0, length) : null;
    }

    private static Regex Path(string keyword) => keyword == "FROM" ? FromPath() : ToPath();

    [GeneratedRegex(@"^FROM:\s*<(?<address>[^<>\s]*)>(?<params>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex FromPath();

    [GeneratedRegex(@"^TO:\s*<(?<address>[^<>\s]*)>(?<params>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex ToPath();

    [GeneratedRegex(@"\bSIZE=(\d{1,18})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Size();
}
