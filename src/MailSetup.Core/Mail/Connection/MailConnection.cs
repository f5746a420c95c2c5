using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Text;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Mail.Connection;

/// <summary>
/// One traced line-oriented connection: DNS, TCP, optional TLS (implicit or upgraded in place), and
/// CRLF lines with strict time and length limits. Every line read or written lands in the trace;
/// writers say how a line is to be traced so secrets are redacted before the trace sees them.
/// </summary>
public sealed class MailConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly MailConnectionOptions _options;
    private readonly MailTrace _trace;
    private readonly string _serverName;
    private readonly byte[] _buffer;
    private Stream _stream;
    private int _start;
    private int _end;

    private MailConnection(Socket socket, string serverName, MailConnectionOptions options, MailTrace trace)
    {
        _socket = socket;
        _serverName = serverName;
        _options = options;
        _trace = trace;
        _stream = new NetworkStream(socket, ownsSocket: true);
        _buffer = new byte[Math.Max(options.MaxLineLength + 2, 4096) + 4096];
    }

    /// <summary>The TLS facts once a handshake has run (also after a failed validation).</summary>
    public TlsFacts? Tls { get; private set; }

    public bool IsSecure => _stream is SslStream;

    public MailTrace Trace => _trace;

    /// <summary>Opens the plain TCP connection; the caller starts TLS with <see cref="StartTlsAsync"/> (at once for implicit TLS).</summary>
    public static async Task<MailConnection> ConnectAsync(
        string host, int port, MailConnectionOptions options, MailTrace trace, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, options, trace, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        var clock = Stopwatch.StartNew();
        trace.Info(TraceStage.Connect, $"connecting to {string.Join(", ", addresses.Select(a => a.ToString()))} port {port}");
        try
        {
            using var timeout = Limit(options.ConnectTimeout, cancellationToken);
            await socket.ConnectAsync(addresses, port, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            trace.Info(TraceStage.Connect, $"connect timed out after {options.ConnectTimeout.TotalSeconds:0.#}s");
            throw new TimeoutException($"Connecting to {host}:{port} took longer than {options.ConnectTimeout.TotalSeconds:0.#}s.");
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            trace.Info(TraceStage.Connect, $"connect failed: {e.Message}");
            throw;
        }
        socket.NoDelay = true;
        trace.Info(TraceStage.Connect, $"connected to {socket.RemoteEndPoint} in {clock.Elapsed.TotalMilliseconds:0.0} ms");

        return new MailConnection(socket, options.TlsServerName ?? host, options, trace);
    }

    /// <summary>Runs the TLS handshake on the same socket (after STARTTLS/STLS was accepted, or at once for implicit TLS).</summary>
    public async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        // Bytes the server sent before the handshake would be plaintext injected into the secure session.
        if (_end > _start) throw new MailProtocolException(TraceStage.Tls, "The server sent data after agreeing to start TLS.");

        var check = new CertificateCheck(_options.TrustedCertificates);
        var ssl = new SslStream(_stream, leaveInnerStreamOpen: false, check.Validate);
        var clock = Stopwatch.StartNew();
        _trace.Info(TraceStage.Tls, $"TLS handshake with {_serverName}");
        try
        {
            using var timeout = Limit(_options.ReadTimeout, cancellationToken);
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _serverName }, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _trace.Info(TraceStage.Tls, "TLS handshake timed out");
            throw new TimeoutException($"The TLS handshake took longer than {_options.ReadTimeout.TotalSeconds:0.#}s.");
        }
        catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException)
        {
            RecordTls(check, null);
            _trace.Info(TraceStage.Tls, $"TLS failed: {e.Message} (certificate: {check.Result})");
            throw;
        }
        finally
        {
            _stream = ssl;
        }
        RecordTls(check, ssl);
        _trace.Info(TraceStage.Tls, $"TLS {Tls!.Protocol} {Tls.Cipher} in {clock.Elapsed.TotalMilliseconds:0.0} ms");
        _trace.Info(TraceStage.Tls,
            $"certificate subject={Tls.CertificateSubject} issuer={Tls.CertificateIssuer} " +
            $"notAfter={Tls.CertificateNotAfter:yyyy-MM-dd} {Tls.ValidationResult}");
    }

    /// <summary>Sends one line; the trace shows <paramref name="tracedAs"/> when given (the redacted form), else the line.</summary>
    public async Task WriteLineAsync(TraceStage stage, string line, CancellationToken cancellationToken, string? tracedAs = null)
    {
        // A CR or LF inside a line would let a value (an address, a name) smuggle in a command of its own.
        if (line.AsSpan().IndexOfAny('\r', '\n') >= 0) throw new ArgumentException("A protocol line must not contain CR or LF.", nameof(line));
        _trace.Client(stage, tracedAs ?? line);
        await WriteAsync(Encoding.UTF8.GetBytes(line + "\r\n"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a block of bytes as it is (an SMTP message body, already dot-stuffed), traced as <paramref name="tracedAs"/>.</summary>
    public async Task WriteBlockAsync(TraceStage stage, byte[] block, string tracedAs, CancellationToken cancellationToken)
    {
        _trace.Client(stage, tracedAs);
        await WriteAsync(block, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        using var timeout = Limit(_options.ReadTimeout, cancellationToken);
        try
        {
            await _stream.WriteAsync(bytes, timeout.Token).ConfigureAwait(false);
            await _stream.FlushAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("Sending to the server timed out.");
        }
    }

    /// <summary>
    /// Reads one line (without CRLF) and traces it. The whole line must arrive within the read timeout. Control
    /// characters are shown as <c>\xNN</c> (in the line returned too) so that no server can drive a terminal that
    /// renders the trace; bytes that are not UTF-8 become U+FFFD.
    /// </summary>
    public async Task<string> ReadLineAsync(TraceStage stage, CancellationToken cancellationToken)
    {
        using var deadline = Limit(_options.ReadTimeout, cancellationToken);
        var scanned = _start;
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', scanned, _end - scanned);
            if (newline >= 0)
            {
                var length = newline - _start;
                if (length > 0 && _buffer[newline - 1] == '\r') length--;
                // A server echoing our secrets back must not get them into results or the trace.
                var line = _trace.Scrub(ServerText.Printable(Encoding.UTF8.GetString(_buffer, _start, length)));
                _start = newline + 1;
                _trace.Server(stage, line);
                return line;
            }
            if (_end - _start > _options.MaxLineLength)
            {
                _trace.Info(stage, $"line longer than {_options.MaxLineLength} bytes");
                throw new MailProtocolException(stage, $"The server sent a line longer than {_options.MaxLineLength} bytes.");
            }
            var pending = _end - _start;
            await FillAsync(stage, deadline.Token, cancellationToken, "line").ConfigureAwait(false);
            scanned = _start + pending;
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes (an IMAP literal) within the read timeout; traced as its size only.</summary>
    public async Task<byte[]> ReadBytesAsync(TraceStage stage, long count, CancellationToken cancellationToken)
    {
        if (count < 0 || count > _options.MaxLiteralLength)
        {
            _trace.Info(stage, $"literal of {count} bytes announced, limit {_options.MaxLiteralLength}");
            throw new MailProtocolException(stage,
                $"The server announced a literal of {count} bytes, over the limit of {_options.MaxLiteralLength}.");
        }
        using var deadline = Limit(_options.ReadTimeout, cancellationToken);
        var result = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            if (_end == _start) await FillAsync(stage, deadline.Token, cancellationToken, "literal").ConfigureAwait(false);
            var take = (int)Math.Min(count - filled, _end - _start);
            Array.Copy(_buffer, _start, result, filled, take);
            _start += take;
            filled += take;
        }
        _trace.Server(stage, $"<literal {count} bytes>");
        return result;
    }

    private async Task FillAsync(TraceStage stage, CancellationToken deadline, CancellationToken cancellationToken, string what)
    {
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer.AsMemory(_end), deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = _options.ReadTimeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            if (_end > 0)
            {
                _trace.Info(stage, $"{what} unfinished after {seconds}s ({_end} bytes without end)");
                throw new TimeoutException($"The server did not finish a {what} within {seconds}s ({_end} bytes received without its end).");
            }
            _trace.Info(stage, $"no answer within {seconds}s");
            throw new TimeoutException($"The server did not answer within {seconds}s.");
        }
        if (read == 0)
        {
            if (_end > 0)
            {
                _trace.Info(stage, $"the server closed the connection in the middle of a {what} ({_end} bytes without end)");
                throw new MailProtocolException(stage,
                    $"The server closed the connection in the middle of a {what} ({_end} bytes received without its end).",
                    MailFailureKind.ConnectionClosed);
            }
            _trace.Info(stage, "the server closed the connection");
            throw new MailProtocolException(stage, "The server closed the connection.", MailFailureKind.ConnectionClosed);
        }
        _end += read;
    }

    private void RecordTls(CertificateCheck check, SslStream? ssl)
    {
        var certificate = check.Certificate;
        Tls = new TlsFacts(
            ssl?.SslProtocol.ToString() ?? "none",
            ssl?.NegotiatedCipherSuite.ToString() ?? "none",
            certificate?.Subject ?? "",
            certificate?.Issuer ?? "",
            certificate is null ? default : new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            check.Result,
            check.Trusted);
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, MailConnectionOptions options, MailTrace trace,
        CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            trace.Info(TraceStage.Dns, $"{host} is an address, no lookup");
            return [literal];
        }
        var clock = Stopwatch.StartNew();
        try
        {
            using var timeout = Limit(options.ConnectTimeout, cancellationToken);
            var addresses = await Dns.GetHostAddressesAsync(host, timeout.Token).ConfigureAwait(false);
            trace.Info(TraceStage.Dns,
                $"{host} -> {string.Join(", ", addresses.Select(a => a.ToString()))} in {clock.Elapsed.TotalMilliseconds:0.0} ms");
            return addresses;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            trace.Info(TraceStage.Dns, "lookup timed out");
            throw new TimeoutException($"Looking up {host} timed out.");
        }
        catch (SocketException e)
        {
            trace.Info(TraceStage.Dns, $"lookup of {host} failed: {e.Message}");
            throw;
        }
    }

    private static CancellationTokenSource Limit(TimeSpan limit, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(limit);
        return source;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync().ConfigureAwait(false);
        _socket.Dispose();
    }
}
