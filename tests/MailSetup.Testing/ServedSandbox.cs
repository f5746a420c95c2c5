using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace MailSetup.Testing;

/// <summary>
/// <c>mailsetup sandbox serve</c> as a process (tests and benchmarks): its endpoints from the JSON
/// line it prints, a client that trusts only its certificate, the environment that sends an unmodified
/// client to it under Microsoft's host names, and a clean stop (SIGTERM) when disposed.
/// </summary>
public sealed class ServedSandbox : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _errors;

    private ServedSandbox(Process process, JsonObject report, StringBuilder errors)
    {
        _process = process;
        _errors = errors;
        Report = report;
        BaseAddress = new Uri(report["baseAddress"]!.GetValue<string>());
        var thumbprint = report["certificateSha256"]!.GetValue<string>();
        Client = new HttpClient(new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256) == thumbprint },
        }) { BaseAddress = BaseAddress };
    }

    /// <summary>What <c>sandbox serve</c> printed.</summary>
    public JsonObject Report { get; }

    public Uri BaseAddress { get; }

    /// <summary>Where a CONNECT proxy should send its tunnels.</summary>
    public IPEndPoint Endpoint => new(IPAddress.Loopback, BaseAddress.Port);

    /// <summary>The HTTPS certificate's PEM, to trust it in a client under test.</summary>
    public string CertificatePem => Report["certificatePem"]!.GetValue<string>();

    /// <summary>A client of the sandbox's own endpoints (device code approval), pinned to its certificate.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts <paramref name="start"/> (mailsetup with <c>sandbox serve</c> and its options, output redirected) with its tenant under
    /// <paramref name="stateHome"/>.</summary>
    public static async Task<ServedSandbox> StartAsync(ProcessStartInfo start, string stateHome)
    {
        start.Environment["XDG_STATE_HOME"] = stateHome;
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException(
                    "sandbox serve ended without its report: " + await process.StandardError.ReadToEndAsync(timeout.Token));
            // Its status lines on stderr are read as they come, so a full pipe never stalls it.
            var errors = new StringBuilder();
            process.ErrorDataReceived += (_, e) =>
            {
                lock (errors) if (e.Data is not null) errors.AppendLine(e.Data);
            };
            process.BeginErrorReadLine();
            return new ServedSandbox(process, JsonNode.Parse(line)!.AsObject(), errors);
        }
        catch
        {
            process.Kill();
            process.Dispose();
            throw;
        }
    }

    /// <summary>The secret that approves device codes over HTTP, from the report.</summary>
    public string ApprovalSecret => Report["approvalSecret"]!.GetValue<string>();

    /// <summary>Approves a device code as <paramref name="userName"/>, as the person at the browser would (with the approval secret).</summary>
    public async Task ApproveDeviceCodeAsync(string userCode, string userName)
    {
        var approval = new { user_code = userCode, username = userName, approval_secret = ApprovalSecret };
        using var response = await Client.PostAsJsonAsync("/sandbox/devicecode/approve", approval);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The environment for a client that reaches the sandbox under Microsoft's host names through
    /// <paramref name="proxy"/>, trusting only the sandbox's certificate (written into <paramref name="folder"/>).
    /// </summary>
    public async Task<Dictionary<string, string>> ClientEnvironmentAsync(ConnectProxy proxy, string folder)
    {
        var trusted = Path.Combine(folder, "sandbox.pem");
        await File.WriteAllTextAsync(trusted, CertificatePem);
        return new() { ["HTTPS_PROXY"] = proxy.Url, ["NO_PROXY"] = "", ["SSL_CERT_FILE"] = trusted };
    }

    /// <summary>Stops the server by SIGTERM (as Ctrl+C would): its exit code, what it printed after the report, and its stderr.</summary>
    public async Task<(int ExitCode, string LaterOutput, string Errors)> StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])!;
            await kill.WaitForExitAsync(timeout.Token);
        }
        var later = await _process.StandardOutput.ReadToEndAsync(timeout.Token);
        await _process.WaitForExitAsync(timeout.Token);
        lock (_errors) return (_process.ExitCode, later, _errors.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await StopAsync();
        }
        finally
        {
            if (!_process.HasExited) _process.Kill();
            _process.Dispose();
        }
    }
}
