using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace MailSetup.Sandbox.Mail;

/// <summary>
/// One protocol's TCP listener on 127.0.0.1: accepts connections, runs one task per connection
/// (implicit TLS first when asked), turns clients away past the connection limit, and on disposal
/// stops listening and closes every open connection so nothing outlives the servers.
/// </summary>
internal sealed class MailListener : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly MailServerContext _context;
    private readonly bool _implicitTls;
    private readonly Func<MailLineChannel, MailSession> _sessions;
    private readonly string _busyLine;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<long, (TcpClient Client, Task Task)> _connections = new();
    private long _nextConnection;
    private int _disposed;
    private Task _acceptLoop = Task.CompletedTask;

    private MailListener(TcpListener listener, MailServerContext context, bool implicitTls, Func<MailLineChannel, MailSession> sessions,
        string busyLine)
    {
        _listener = listener;
        _context = context;
        _implicitTls = implicitTls;
        _sessions = sessions;
        _busyLine = busyLine;
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int OpenConnections => _connections.Count;

    public static MailListener Start(IPAddress address, int port, MailServerContext context, bool implicitTls,
        Func<MailLineChannel, MailSession> sessions, string busyLine)
    {
        var listener = new TcpListener(address, port);
        listener.Start(backlog: 64);
        var mail = new MailListener(listener, context, implicitTls, sessions, busyLine);
        mail._acceptLoop = mail.AcceptAsync();
        return mail;
    }

    private async Task AcceptAsync()
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stopping.IsCancellationRequested) return;
                continue; // a connection reset before it was accepted; keep listening
            }
            if (_connections.Count >= _context.Options.MaxConnections)
            {
                _ = TurnAwayAsync(client);
                continue;
            }
            var id = Interlocked.Increment(ref _nextConnection);
            // The entry is added before the task can remove it: the task starts only after TryAdd.
            var start = new TaskCompletionSource();
            var task = ServeAsync(id, client, start.Task);
            _connections[id] = (client, task);
            start.SetResult();
        }
    }

    private async Task ServeAsync(long id, TcpClient client, Task started)
    {
        await started.ConfigureAwait(false);
        await Task.Yield(); // leave the accept loop at once
        // Replies go out as whole lines when they are ready: without this, Nagle holds a short reply back until the client's delayed
        // ACK (about 40-50 ms on Linux) whenever the previous one is unacknowledged, as line-by-line mail servers must avoid.
        client.NoDelay = true;
        var stopping = _stopping.Token;
        var channel = new MailLineChannel(client.GetStream(), _context.Options);
        MailSession? session = null;
        try
        {
            if (_implicitTls) await channel.StartTlsAsync(_context.Certificate, stopping).ConfigureAwait(false);
            session = _sessions(channel);
            await session.RunAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MailLineTooLongException or MailIdleTimeoutException)
        {
            // Say why before closing, if the client still listens; it may not.
            if (session is not null)
                try { await channel.WriteLineAsync(session.ClosingLine, stopping).ConfigureAwait(false); } catch (Exception) { }
        }
        catch (Exception)
        {
            // A client that went away, broke TLS or the server stopping: the connection just ends.
            // Nothing is logged here: exception texts could carry what the client sent.
        }
        finally
        {
            try { await channel.DisposeAsync().ConfigureAwait(false); } catch (Exception) { }
            client.Dispose();
            _connections.TryRemove(id, out _);
        }
    }

    private async Task TurnAwayAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                // Implicit TLS clients could not read a clear-text line; they just see the close.
                if (_implicitTls) return;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await client.GetStream().WriteAsync(System.Text.Encoding.ASCII.GetBytes(_busyLine + "\r\n"), timeout.Token).ConfigureAwait(false);
            }
            catch (Exception)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try { await _acceptLoop.ConfigureAwait(false); } catch (Exception) { }
        // Closing the sockets ends any read or handshake still pending.
        foreach (var (client, _) in _connections.Values) client.Dispose();
        var open = _connections.Values.Select(c => c.Task).ToArray();
        var all = Task.WhenAll(open);
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        // A straggler may still hold the token; leave the source to the GC rather than break it.
        if (all.IsCompleted) _stopping.Dispose();
    }
}
