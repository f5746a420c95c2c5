using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace MailSetup.Testing.Dovecot;

/// <summary>
/// One private Dovecot started from a temporary folder as a foreground child process (shared/DOVECOT.md):
/// its own config, certificate, signing key and ports; stopped with SIGTERM and the folder removed.
/// </summary>
public sealed class DovecotServer : IAsyncDisposable
{
    public const string Host = "127.0.0.1";
    public const string User = "alice@example.test";
    public const string OtherUser = "bob@example.test";

    private readonly Process _process;
    private readonly SmtpRelaySink _relay;

    private DovecotServer(string folder, DovecotPorts ports, TestTokenIssuer tokens, string certificatePath, Process process, SmtpRelaySink relay)
    {
        Folder = folder;
        Ports = ports;
        Tokens = tokens;
        CertificatePath = certificatePath;
        _process = process;
        _relay = relay;
    }

    public string Folder { get; }
    public DovecotPorts Ports { get; }
    public TestTokenIssuer Tokens { get; }

    /// <summary>The SMTP sink Dovecot's submission service relays to: what the tests' messages became.</summary>
    public SmtpRelaySink Relay => _relay;

    /// <summary>The server's self-signed certificate (PEM), for clients to trust explicitly.</summary>
    public string CertificatePath { get; }

    public string LogPath => Path.Combine(Folder, "log", "dovecot.log");

    public string Log() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log)";

    public static async Task<DovecotServer> StartAsync(CancellationToken cancellationToken)
    {
        await DovecotInstallation.EnsureInstalledAsync(cancellationToken).ConfigureAwait(false);
        if (!DovecotInstallation.IsRoot)
            throw new InvalidOperationException(
                "The Dovecot fixture runs Dovecot as root (its auth and mail processes then use the 'dovecot' user); run the tests as root.");

        var folder = Path.Combine("/tmp", "mailsetup-dovecot-" + Guid.NewGuid().ToString("N"));
        var ports = DovecotPorts.FindFree();
        var tokens = new TestTokenIssuer();
        WriteFiles(folder, ports, tokens);

        var relay = new SmtpRelaySink(ports.Relay);
        var start = new ProcessStartInfo(DovecotInstallation.Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["-F", "-c", Path.Combine(folder, "dovecot.conf")]) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Dovecot could not be started.");
        var server = new DovecotServer(folder, ports, tokens, Path.Combine(folder, "ssl", "cert.pem"), process, relay);
        try
        {
            await server.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        return server;
    }

    private static void WriteFiles(string folder, DovecotPorts ports, TestTokenIssuer tokens)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("Dovecot runs on Linux.");
        // Started as root, Dovecot's auth process runs as 'dovecot': every folder on the key path must be traversable.
        const UnixFileMode open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        foreach (var sub in (string[])["", "run", "state", "log", "ssl", "keys/default/HS256"])
            Directory.CreateDirectory(Path.Combine(folder, sub), open);
        // Mail homes are created by processes running as the userdb uid ('dovecot').
        // Set explicitly afterwards: the mode given at creation is narrowed by the umask.
        var mail = Directory.CreateDirectory(Path.Combine(folder, "mail"));
        File.SetUnixFileMode(mail.FullName, open | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite);

        var certificate = SelfSignedCertificate.Create();
        File.WriteAllText(Path.Combine(folder, "ssl", "cert.pem"), certificate.CertificatePem);
        File.WriteAllText(Path.Combine(folder, "ssl", "key.pem"), certificate.PrivateKeyPem);
        File.WriteAllText(Path.Combine(folder, "keys", "default", "HS256", "default"), tokens.KeyFileBase64);
        File.WriteAllText(Path.Combine(folder, "oauth2.conf.ext"), DovecotConfig.OAuth2(folder));
        File.WriteAllText(Path.Combine(folder, "dovecot.conf"), DovecotConfig.Main(folder, ports));
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var port in Ports.Listening)
        {
            while (!await AcceptsAsync(port, cancellationToken).ConfigureAwait(false))
            {
                if (_process.HasExited)
                    throw new InvalidOperationException(
                        "Dovecot exited " +
                        $"with {_process.ExitCode}: {await _process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false)}\n{Log()}");
                if (clock.Elapsed > TimeSpan.FromSeconds(15))
                    throw new TimeoutException($"Dovecot did not listen on port {port} within 15 s.\n{Log()}");
                await Task.Delay(20, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task<bool> AcceptsAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Parse(Host), port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _ = kill(_process.Id, SigTerm);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }
        }
        _process.Dispose();
        await _relay.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A straggling child may still hold a file; the temp folder is harmless.
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}
