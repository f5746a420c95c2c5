using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MailSetup.Testing;

/// <summary>
/// An HTTP CONNECT proxy on 127.0.0.1 that sends every tunnel to one place (the served sandbox),
/// whatever host the client asked for. With HTTPS_PROXY pointing here, an unmodified client that
/// talks to login.microsoftonline.com, graph.microsoft.com and outlook.office365.com reaches the
/// sandbox under those names, TLS end to end; <see cref="Targets"/> records what it asked for.
/// </summary>
public sealed class ConnectProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _destination;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _targets = new();
    private readonly Task _accepting;

    public ConnectProxy(IPEndPoint destination)
    {
        _destination = destination;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The proxy's address for HTTPS_PROXY.</summary>
    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Every CONNECT target asked for, host:port, in order.</summary>
    public IReadOnlyCollection<string> Targets => _targets;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => TunnelAsync(client));
        }
    }

    private async Task TunnelAsync(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                var downstream = client.GetStream();
                var head = await ReadHeadAsync(downstream);
                var parts = head.Split(' ', 3);
                if (parts is not ["CONNECT", var target, _])
                {
                    await downstream.WriteAsync("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), _stop.Token);
                    return;
                }
                _targets.Enqueue(target);
                await upstream.ConnectAsync(_destination, _stop.Token);
                await downstream.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray(), _stop.Token);
                var up = upstream.GetStream();
                // Either side closing ends the tunnel.
                await Task.WhenAny(downstream.CopyToAsync(up, _stop.Token), up.CopyToAsync(downstream, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A client or the sandbox hung up; the tunnel is over either way.
            }
        }
    }

    /// <summary>The request line, after reading the whole request head (up to the blank line).</summary>
    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!(head.Length >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n'))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0
                || head.Length > 8192) throw new IOException("The client sent no complete request head.");
            head.Append((char)one[0]);
        }
        var text = head.ToString();
        return text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
    }
}
