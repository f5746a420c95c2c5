using System.Text.RegularExpressions;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests.Tui;

/// <summary>
/// <c>mailsetup --tenant</c>, the real-tenant code path, unmodified: the real binary in tmux talks to
/// login.microsoftonline.com, graph.microsoft.com and outlook.office365.com over HTTPS, and an HTTP
/// CONNECT proxy (HTTPS_PROXY) sends those tunnels to <c>mailsetup sandbox serve</c>, whose certificate
/// names those hosts and is the only one trusted (SSL_CERT_FILE). The admin signs in by the device
/// code the Tenant pane shows, approved at the sandbox as a person would at the address shown.
/// </summary>
[Trait(BuiltProgram.Trait, "built")]
public sealed partial class TuiRealTenantEndToEndTests : IAsyncLifetime
{
    private const string Before = "shell screen before mailsetup";
    private static readonly TimeSpan Slow = TimeSpan.FromSeconds(60);
    private readonly TempFolder _sandboxState = new();
    private readonly TempFolder _uiState = new();
    private ServedSandbox? _sandbox;
    private ConnectProxy? _proxy;

    public async Task InitializeAsync()
    {
        _sandbox = await ServedSandbox.StartAsync(BuiltProgram.StartInfo("sandbox", "serve", "--mailboxes", "5"), _sandboxState.Path);
        _proxy = new ConnectProxy(_sandbox.Endpoint);
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null) await _proxy.DisposeAsync();
        if (_sandbox is not null) await _sandbox.DisposeAsync();
        _uiState.Dispose();
        _sandboxState.Dispose();
    }

    [Fact]
    public async Task The_admin_signs_in_by_the_device_code_in_the_tenant_pane_and_the_panes_read_the_tenant()
    {
        var environment = await _sandbox!.ClientEnvironmentAsync(_proxy!, _uiState.Path);
        environment["XDG_STATE_HOME"] = _uiState.Path;
        environment["TERM"] = "xterm-256color";
        using var tmux = TmuxSession.Start(
            $"echo {TmuxSession.Quote(Before)}; {BuiltProgram.CommandLine("--tenant", "contoso.onmicrosoft.com")}; echo \"exit=$?\"; sleep 60",
            120, 40, environment);

        var waiting = tmux.WaitForText("code: ", Slow);
        Assert.Contains("a real tenant", waiting);
        Assert.Contains("https://login.microsoftonline.com/sandbox/devicecode", waiting);
        var code = DeviceCode().Match(waiting).Groups[1].Value;
        Assert.NotEqual("", code);

        await _sandbox.ApproveDeviceCodeAsync(code, "admin@contoso.onmicrosoft.com");
        var signedIn = tmux.WaitFor(s => s.Contains("] signed in") || s.Contains("sign-in failed"), Slow, "the sign-in to end");
        Assert.True(signedIn.Contains("] signed in"), signedIn);
        // The tenant as Graph names it (its id, not the domain given), and the admin and roles from the token.
        Assert.Matches(@"Tenant id  [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", signedIn);
        Assert.Contains("admin@contoso.onmicrosoft.com (Global Administrator)", signedIn);
        Assert.DoesNotContain("code: ", signedIn);

        tmux.SendKeys("4");
        tmux.WaitForText("support@contoso.onmicrosoft.com", Slow);

        // Every request went to Microsoft's own host names (through the proxy), none elsewhere.
        Assert.Contains("login.microsoftonline.com:443", _proxy!.Targets);
        Assert.Contains("graph.microsoft.com:443", _proxy.Targets);
        Assert.All(_proxy.Targets,
            target => Assert.Contains(target, new[] { "login.microsoftonline.com:443", "graph.microsoft.com:443", "outlook.office365.com:443" }));

        tmux.SendKeys("q");
        var after = tmux.WaitForText("exit=0", Slow);
        Assert.False(tmux.IsAlternateScreenActive);
        Assert.Contains(Before, after);
    }

    [GeneratedRegex(@"code: ([A-Z0-9-]+)")]
    private static partial Regex DeviceCode();
}
