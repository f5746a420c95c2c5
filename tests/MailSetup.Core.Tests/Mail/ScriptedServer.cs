using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MailSetup.Core.Tests.Mail;

/// <summary>A one-connection plain-text server whose side of the dialogue is a test's script.</summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public ScriptedServer(Func<Conversation, Task> script)
    {
        _listener.Start();
        _serving = ServeAsync(script);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Lines the client sent, in order.</summary>
    public List<string> Received { get; } = [];

    private async Task ServeAsync(Func<Conversation, Task> script)
    {
        try
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await script(new Conversation(reader, stream, Received, _stop.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }

    /// <summary>The server's side of one connection.</summary>
    public sealed class Conversation(StreamReader reader, Stream stream, List<string> received, CancellationToken token)
    {
        public CancellationToken Token { get; } = token;

        public async Task<string> ReadAsync()
        {
            var line = await reader.ReadLineAsync(Token) ?? throw new IOException("client closed");
            received.Add(line);
            return line;
        }

        public Task SendAsync(string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text), Token).AsTask();

        /// <summary>Sends bytes as they are: invalid UTF-8, NULs, anything a hostile server might.</summary>
        public async Task SendBytesAsync(byte[] bytes)
        {
            await stream.WriteAsync(bytes, Token);
            await stream.FlushAsync(Token);
        }
    }
}
