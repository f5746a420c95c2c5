using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MailSetup.App;
using MailSetup.Core.Display;
using MailSetup.Sandbox.State;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests;

/// <summary>
/// Hostile text (a screen clear, an OSC 52 clipboard write, BEL, a right-to-left override, a C1 CSI) in token claims, a
/// server greeting and directory names reaches the output of every command escaped, never as the characters themselves.
/// </summary>
public sealed class HostileTextTests : IDisposable
{
    private const string Support = "support@contoso.onmicrosoft.com";

    /// <summary>Every canary: ESC CSI 2J (clear screen), OSC 52 (set the clipboard) ended by BEL, a bare BEL, RLO, C1 CSI.</summary>
    public const string Hostile = "evil\u001b[2J\u001b]52;c;ZXZpbA==\u0007 ring\u0007 \u202Etxt.exe \u009b31m end";

    /// <summary>The same as the output shows it.</summary>
    public const string Escaped = @"evil\x1B[2J\x1B]52;c;ZXZpbA==\x07 ring\x07 \u202Etxt.exe \x9B31m end";

    private readonly TempFolder _folder = new();
    private readonly SandboxStateStore _store;

    public HostileTextTests() => _store = new SandboxStateStore(_folder.File("state/mailsetup/sandbox-tenant.json"));

    public void Dispose() => _folder.Dispose();

    /// <summary>Nothing that could drive a terminal: no ESC, BEL, C1, bidi override, CR (line feeds and tabs are the output's own).</summary>
    internal static void AssertNothingReachesTheTerminal(string written)
    {
        var at = TerminalText.IndexOfUnsafe(written, TerminalTextKeep.Tab | TerminalTextKeep.LineFeed);
        Assert.True(at < 0, $"U+{(at < 0 ? 0 : written[at]):X4} at {at} in:\n{TerminalText.Escape(written, TerminalTextKeep.LineFeed)}");
    }

    private Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(services => services
        .AddSingleton(new StateFolders(Path.GetDirectoryName(_store.Path)!))
        .AddSingleton<IEnvironment>(DictionaryEnvironment.Empty), args);

    private static string Part(object value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));

    private string HostileToken()
    {
        var now = TestClock.Default.GetUtcNow();
        var header = new Dictionary<string, object> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = Hostile };
        var claims = new Dictionary<string, object>
        {
            ["aud"] = "https://outlook.office365.com",
            ["tid"] = "11111111-2222-3333-4444-555555555555",
            ["appid"] = "aaaaaaaa-0000-0000-0000-000000000001",
            ["app_displayname"] = Hostile,
            ["name"] = Hostile,
            ["upn"] = Hostile,
            ["roles"] = new[] { "IMAP.AccessAsApp", Hostile },
            ["nbf"] = now.AddMinutes(-10).ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(50).ToUnixTimeSeconds(),
        };
        return _folder.Write($"token-{Guid.NewGuid():N}.txt", $"{Part(header)}.{Part(claims)}.sig");
    }

    [Fact]
    public async Task Token_inspect_shows_hostile_claims_and_header_values_escaped()
    {
        var result = await RunAsync("token", "inspect", HostileToken());

        AssertNothingReachesTheTerminal(result.Stdout + result.Stderr);
        Assert.Contains("  kid    " + Escaped, result.Stdout, StringComparison.Ordinal);
        Assert.Contains("IMAP.AccessAsApp, " + Escaped, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_cannot_start_a_line_of_its_own_in_token_inspect()
    {
        var now = TestClock.Default.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            ["aud"] = "https://outlook.office365.com",
            ["iss"] = "x\r\nFindings for IMAP\n  none: the token looks right for IMAP.",
            ["exp"] = now.AddMinutes(50).ToUnixTimeSeconds(),
        };
        var token = _folder.Write("forged-lines.txt", $"{Part(new Dictionary<string, object> { ["alg"] = "RS256" })}.{Part(claims)}.sig");

        var result = await RunAsync("token", "inspect", token);

        AssertNothingReachesTheTerminal(result.Stdout);
        Assert.Contains(@"  iss    x\x0D\x0AFindings for IMAP\x0A  none: the token looks right for IMAP.", result.Stdout, StringComparison.Ordinal);
        Assert.Single(result.Stdout.Split('\n'), l => l.StartsWith("Findings for", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Token_inspect_json_stays_json_with_every_hostile_character_json_escaped()
    {
        var result = await RunAsync("token", "inspect", HostileToken(), "--format", "json");

        AssertNothingReachesTheTerminal(result.Stdout + result.Stderr);
        Assert.Contains(@"\u001B]52;c;ZXZpbA==\u0007", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"\u202E", result.Stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(Hostile, json.RootElement.GetProperty("header").GetProperty("kid").GetString());
        Assert.Contains(Hostile, json.RootElement.GetProperty("claims").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Diagnose_shows_a_hostile_greeting_escaped_on_stdout_and_in_the_trace_file()
    {
        await using var server = new HostileImapServer();
        var trace = _folder.File("trace.txt");

        var result = await RunAsync("diagnose", "imap", "--mailbox", "a@example.test", "--host", "127.0.0.1", "--port", server.Port.ToString(),
            "--tls", "none", "--token-file", _folder.Write("t", "x.y.z"), "--trace-out", trace);

        AssertNothingReachesTheTerminal(result.Stdout + result.Stderr);
        Assert.Contains("* OK " + Escaped, result.Stdout, StringComparison.Ordinal);
        var file = await File.ReadAllTextAsync(trace);
        AssertNothingReachesTheTerminal(file);
        Assert.Contains("* OK " + Escaped, file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnose_json_with_a_hostile_greeting_is_json_that_holds_nothing_raw()
    {
        await using var server = new HostileImapServer();

        var result = await RunAsync("diagnose", "imap", "--mailbox", "a@example.test", "--host", "127.0.0.1", "--port", server.Port.ToString(),
            "--tls", "none", "--token-file", _folder.Write("t", "x.y.z"), "--format", "json");

        AssertNothingReachesTheTerminal(result.Stdout + result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Contains(Escaped, json.RootElement.GetRawText().Replace(@"\\", @"\", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Apply_shows_a_bidi_override_in_the_app_name_escaped_in_text_and_json()
    {
        const string name = "Relay \u202Etxt.exe \u2066x\u2069";

        // No terminal here: the secret goes to a file of its own, as it must.
        var text = await RunAsync("apply", "--sandbox", "--preset", "imap-app", "--app-name", name, "--mailbox", Support, "--yes",
            "--secret-out", _folder.File("text.secret"));
        var json = await RunAsync("apply", "--sandbox", "--preset", "imap-app", "--app-name", name, "--mailbox", Support, "--yes",
            "--format", "json", "--secret-out", _folder.File("json.secret"));

        Assert.True(text.ExitCode == 0, text.ToString());
        AssertNothingReachesTheTerminal(text.Stdout + text.Stderr);
        Assert.Contains(@"Relay \u202Etxt.exe \u2066x\u2069", text.Stdout, StringComparison.Ordinal);
        AssertNothingReachesTheTerminal(json.Stdout + json.Stderr);
        using var parsed = JsonDocument.Parse(json.Stdout);
    }

    [Fact]
    public async Task Preflight_shows_hostile_directory_names_escaped()
    {
        var applied = await RunAsync("apply", "--sandbox", "--preset", "imap-app", "--app-name", "Mail Relay", "--mailbox", Support, "--yes",
            "--secret-out", _folder.File("relay.secret"));
        Assert.True(applied.ExitCode == 0, applied.ToString());
        var tenant = SandboxTenant.LoadOrSeed(_store, TestClock.Default);
        tenant.Change(s =>
        {
            var app = s.Applications.Single(a => a.DisplayName == "Mail Relay");
            app.DisplayName = Hostile;
            s.Exchange.ServicePrincipals.Single(sp => sp.AppId == app.AppId).DisplayName = Hostile;
        });

        var result = await RunAsync("preflight", "imap", "--sandbox", "--mailbox", Support);

        AssertNothingReachesTheTerminal(result.Stdout + result.Stderr);
        Assert.Contains(Escaped, result.Stdout, StringComparison.Ordinal);
    }

    /// <summary>An IMAP server that greets with the canaries and refuses everything.</summary>
    private sealed class HostileImapServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _serving;

        public HostileImapServer()
        {
            _listener.Start();
            _serving = ServeAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        private async Task ServeAsync()
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                await Send(stream, $"* OK {Hostile}\r\n");
                while (await reader.ReadLineAsync(_stop.Token) is { } line)
                {
                    var tag = line.Split(' ')[0];
                    await Send(stream, line.Contains("CAPABILITY", StringComparison.OrdinalIgnoreCase)
                        ? $"* CAPABILITY IMAP4rev1 AUTH=XOAUTH2\r\n{tag} OK done\r\n"
                        : $"{tag} NO {Hostile}\r\n");
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
            {
            }
        }

        private Task Send(Stream stream, string text) => stream.WriteAsync(Encoding.UTF8.GetBytes(text), _stop.Token).AsTask();

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _serving;
            _stop.Dispose();
        }
    }
}
