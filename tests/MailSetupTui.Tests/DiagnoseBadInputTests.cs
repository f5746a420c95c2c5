using System.Net;
using System.Net.Sockets;
using MailSetup.Testing;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests;

/// <summary><c>mailsetup diagnose</c> without a server: bad input exits 2, an unreachable server gives the connect finding.</summary>
public sealed class DiagnoseBadInputTests : IDisposable
{
    private readonly TempFolder _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData("PROTOCOL: unknown protocol 'imaps'", "diagnose", "imaps")]
    [InlineData("--port: 0 is not a port", "diagnose", "imap", "--port", "0")]
    [InlineData("--port", "diagnose", "imap", "--port", "abc")]
    [InlineData("--port: cannot be one port for all protocols", "diagnose", "all", "--port", "993")]
    [InlineData("--tls: unknown value 'bogus'", "diagnose", "imap", "--tls", "bogus")]
    [InlineData("--mech: unknown value 'plain'", "diagnose", "imap", "--mech", "plain")]
    [InlineData("--cloud: unknown cloud 'mars'", "diagnose", "imap", "--cloud", "mars")]
    [InlineData("--format: unknown format 'xml'; expected one of text, json.", "diagnose", "smtp", "--format", "xml")]
    public async Task A_bad_value_exits_2_naming_it(string expected, params string[] args)
    {
        var result = await CliRunner.RunAsync([.. args, "--mailbox", "a@example.test", "--token-file", _files.Write("t", "x.y.z")]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("mailsetup: error: " + expected, result.Stderr);
        Assert.Contains("Run 'mailsetup diagnose --help' for usage.", result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task A_missing_token_file_exits_2_before_any_connection()
    {
        var missing = _files.File("no-such-token");

        var result = await CliRunner.RunAsync("diagnose", "imap", "--mailbox", "a@example.test", "--token-file", missing);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--token-file " + missing, result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Missing_mailbox_and_token_exit_2_naming_the_ways_to_a_token()
    {
        var result = await CliRunner.RunAsync("diagnose", "imap");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--mailbox: is required", result.Stderr);
        Assert.Contains("--token-file/--tenant/--sandbox: say where the token comes from", result.Stderr);
    }

    [Fact]
    public async Task A_trust_cert_that_is_not_pem_exits_2()
    {
        var result = await CliRunner.RunAsync("diagnose", "imap", "--mailbox", "a@example.test", "--token-file", _files.Write("t", "x.y.z"),
            "--trust-cert", _files.Write("not.pem", "hello"));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("--trust-cert", result.Stderr);
    }

    [Fact]
    public async Task A_refused_connection_on_a_free_port_exits_1_with_the_connect_finding()
    {
        var result = await CliRunner.RunAsync("diagnose", "imap", "--mailbox", "a@example.test", "--host", "127.0.0.1",
            "--port", FreePort().ToString(), "--token-file", _files.Write("t", "x.y.z"));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("connect  -- connect failed", result.Stdout);
        Assert.Contains("[error] connect-refused", result.Stdout);
    }

    [Fact]
    public async Task Help_lists_every_way_to_a_token()
    {
        var result = await CliRunner.RunAsync("diagnose", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--token-file", "--sandbox", "--tenant", "--client-id", "--auth", "--secret-file", "--certificate-path",
            "--user" })
            Assert.Contains(option, result.Stdout);
        Assert.Contains("not recommended: no MFA", result.Stdout);
        Assert.Contains("--trace-out", result.Stdout);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
