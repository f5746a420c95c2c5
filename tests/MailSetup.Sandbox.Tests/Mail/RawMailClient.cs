using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MailSetup.Sandbox.Tests.Mail;

/// <summary>
/// A bare line client for what the probes do not do (MAIL FROM, LOGIN, a session across a clock
/// change): it trusts exactly the servers' certificate, and every read has a generous timeout so a
/// broken server fails the test instead of hanging it.
/// </summary>
public sealed class RawMailClient : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly TcpClient _tcp;
    private readonly X509Certificate2 _trusted;
    private Stream _stream;
    private StreamReader _reader;

    private RawMailClient(TcpClient tcp, X509Certificate2 trusted)
    {
        _tcp = tcp;
        _trusted = trusted;
        _stream = tcp.GetStream();
        _reader = Reader(_stream);
    }

    public static async Task<RawMailClient> ConnectAsync(string host, int port, X509Certificate2 trusted, bool implicitTls)
    {
        var tcp = new TcpClient();
        using var timeout = new CancellationTokenSource(Timeout);
        await tcp.ConnectAsync(host, port, timeout.Token);
        var client = new RawMailClient(tcp, trusted);
        if (implicitTls) await client.StartTlsAsync();
        return client;
    }

    public async Task StartTlsAsync()
    {
        var tls =
            new SslStream(_stream, leaveInnerStreamOpen: false,
                (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(_trusted.RawData));
        using var timeout = new CancellationTokenSource(Timeout);
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = "127.0.0.1" }, timeout.Token);
        _stream = tls;
        _reader = Reader(tls);
    }

    public async Task WriteLineAsync(string line)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        await _stream.WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), timeout.Token);
        await _stream.FlushAsync(timeout.Token);
    }

    /// <summary>The next line, or null when the server closed the connection.</summary>
    public async Task<string?> ReadLineAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        return await _reader.ReadLineAsync(timeout.Token);
    }

    /// <summary>Reads until a line matching <paramref name="last"/> (inclusive) and returns every line read.</summary>
    public async Task<List<string>> ReadUntilAsync(Func<string, bool> last)
    {
        var lines = new List<string>();
        while (await ReadLineAsync() is { } line)
        {
            lines.Add(line);
            if (last(line)) return lines;
        }
        throw new Xunit.Sdk.XunitException("The server closed the connection; lines so far:\n" + string.Join("\n", lines));
    }

    /// <summary>Sends a command and reads the reply up to the line <paramref name="last"/> accepts.</summary>
    public async Task<List<string>> CommandAsync(string command, Func<string, bool> last)
    {
        await WriteLineAsync(command);
        return await ReadUntilAsync(last);
    }

    /// <summary>An SMTP reply's last line (a code followed by a space).</summary>
    public static bool SmtpFinal(string line) => line.Length >= 4 && line[3] == ' ';

    public static string XOAuth2(string mailbox, string token) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"user={mailbox}\u0001auth=Bearer {token}\u0001\u0001"));

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private static StreamReader Reader(Stream stream) =>
        new(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
}
