using System.Buffers;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// One connection as CRLF lines, with the limits that keep a bad client harmless: a bounded line,
/// an idle timeout on every read and write, a bounded TLS handshake. STARTTLS swaps the stream and
/// drops anything the client pipelined before the handshake (it could have been injected in clear).
/// </summary>
internal sealed class MailLineChannel(Stream network, SandboxMailOptions options) : IAsyncDisposable
{
    private readonly byte[] _buffer = new byte[8192];
    private Stream _stream = network;
    private int _start;
    private int _end;

    public bool IsTls => _stream is SslStream;

    /// <summary>The next line without its CRLF, or null when the client closed the connection.</summary>
    public Task<string?> ReadLineAsync(CancellationToken cancellationToken) => ReadLineAsync(options.MaxLineLength, cancellationToken);

    public async Task<string?> ReadLineAsync(int maxLength, CancellationToken cancellationToken)
    {
        var line = new ArrayBufferWriter<byte>(256);
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            var newline = pending.IndexOf((byte)'\n');
            var take = newline >= 0 ? newline : pending.Length;
            if (line.WrittenCount + take > maxLength + 1) throw new MailLineTooLongException(maxLength); // +1: the CR
            line.Write(pending[..take]);
            if (newline >= 0)
            {
                _start += newline + 1;
                var bytes = line.WrittenSpan;
                if (bytes.Length > 0 && bytes[^1] == (byte)'\r') bytes = bytes[..^1];
                return Encoding.UTF8.GetString(bytes);
            }
            _start = _end = 0;
            var read = await WithIdleTimeout(ct => _stream.ReadAsync(_buffer, ct), cancellationToken).ConfigureAwait(false);
            if (read == 0) return null;
            _end = read;
        }
    }

    public Task WriteLineAsync(string line, CancellationToken cancellationToken) => WriteLinesAsync([line], cancellationToken);

    /// <summary>Writes the lines in one go (a multi-line reply is one write, as servers send it).</summary>
    public async Task WriteLinesAsync(IEnumerable<string> lines, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(line).Append("\r\n");
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        await WithIdleTimeout(async ct =>
        {
            await _stream.WriteAsync(bytes, ct).ConfigureAwait(false);
            await _stream.FlushAsync(ct).ConfigureAwait(false);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Server side of a TLS handshake on this connection (implicit TLS, or after STARTTLS's go-ahead).</summary>
    public async Task StartTlsAsync(X509Certificate2 certificate, CancellationToken cancellationToken)
    {
        // Bytes that came with the STARTTLS command were sent in clear: never read them as protected.
        _start = _end = 0;
        var tls = new SslStream(_stream, leaveInnerStreamOpen: false);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.TlsHandshakeTimeout);
        try
        {
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, timeout.Token)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new MailIdleTimeoutException(options.TlsHandshakeTimeout);
        }
        _stream = tls;
    }

    public ValueTask DisposeAsync() => _stream.DisposeAsync();

    private async Task<T> WithIdleTimeout<T>(Func<CancellationToken, ValueTask<T>> io, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(options.IdleTimeout);
        try
        {
            return await io(idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new MailIdleTimeoutException(options.IdleTimeout);
        }
    }
}
