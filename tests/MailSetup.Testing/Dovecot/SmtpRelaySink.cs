using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MailSetup.Testing.Dovecot;

/// <summary>
/// The smallest SMTP server Dovecot's submission service accepts as its relay: it connects right after a
/// login, and without something listening the client's next command gets 421. It keeps every message relayed
/// through it (envelope and un-stuffed data lines) so tests can check what a client's DATA became.
/// </summary>
public sealed class SmtpRelaySink : IAsyncDisposable
{
    private readonly ConcurrentQueue<RelayedMessage> _messages = new();
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpRelaySink(int port)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _accepting = AcceptAsync(_stop.Token);
    }

    /// <summary>The messages relayed so far, in the order their DATA ended.</summary>
    public IReadOnlyList<RelayedMessage> Messages => _messages.ToArray();

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
                _ = ServeAsync(client, cancellationToken);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink ready").ConfigureAwait(false);
            var inData = false;
            string? from = null;
            var recipients = new List<string>();
            var data = new List<string>();
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (inData)
                {
                    if (line == ".")
                    {
                        inData = false;
                        _messages.Enqueue(new RelayedMessage(from ?? "", [.. recipients], [.. data]));
                        from = null;
                        recipients.Clear();
                        data.Clear();
                        await writer.WriteLineAsync("250 2.0.0 queued").ConfigureAwait(false);
                    }
                    else
                    {
                        data.Add(line.StartsWith('.') ? line[1..] : line);
                    }
                    continue;
                }
                var verb = line.Split(' ')[0].ToUpperInvariant();
                if (line.StartsWith("MAIL FROM:", StringComparison.OrdinalIgnoreCase)) from = Address(line["MAIL FROM:".Length..]);
                if (line.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase)) recipients.Add(Address(line["RCPT TO:".Length..]));
                switch (verb)
                {
                    case "DATA": inData = true; await writer.WriteLineAsync("354 go ahead").ConfigureAwait(false); break;
                    case "QUIT": await writer.WriteLineAsync("221 2.0.0 bye").ConfigureAwait(false); return;
                    default: await writer.WriteLineAsync("250 ok").ConfigureAwait(false); break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    // "<a@b> SIZE=12" -> "a@b"
    private static string Address(string rest)
    {
        var text = rest.Trim();
        var end = text.IndexOf('>');
        return text.StartsWith('<') && end > 0 ? text[1..end] : text.Split(' ')[0];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        _stop.Dispose();
    }
}

/// <summary>One message as the relay received it: envelope sender and recipients, and the data lines without dot-stuffing.</summary>
public sealed record RelayedMessage(string MailFrom, IReadOnlyList<string> RcptTo, IReadOnlyList<string> Lines);
