using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using MailSetup.Testing;
using MailSetupTui.Cli;
using MailSetupTui.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace MailSetupTui.Tests;

public sealed class TokenInspectTests : IDisposable
{
    // A signature no output may ever contain: the tests' stand-in for a live token's secret part.
    private const string CanarySignature = "CANARYsig-7f3a9c1e5b_DO-NOT-PRINT";

    private static readonly DateTimeOffset Now = TestClock.Default.GetUtcNow();
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static string Mint(Dictionary<string, object> claims) =>
        $"{Part(new Dictionary<string, object> { ["alg"] = "RS256", ["typ"] = "JWT", ["kid"] = "key-1" })}.{Part(claims)}.{CanarySignature}";

    private static string Part(object value) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));

    private static Dictionary<string, object> AppOnly(string aud = "https://outlook.office365.com", DateTimeOffset? exp = null) => new()
    {
        ["aud"] = aud,
        ["iss"] = "https://sts.windows.net/11111111-2222-3333-4444-555555555555/",
        ["tid"] = "11111111-2222-3333-4444-555555555555",
        ["appid"] = "aaaaaaaa-0000-0000-0000-000000000001",
        ["oid"] = "bbbbbbbb-0000-0000-0000-000000000002",
        ["roles"] = new[] { "IMAP.AccessAsApp", "POP.AccessAsApp", "SMTP.SendAsApp" },
        ["iat"] = Now.AddMinutes(-10).ToUnixTimeSeconds(),
        ["nbf"] = Now.AddMinutes(-10).ToUnixTimeSeconds(),
        ["exp"] = (exp ?? Now.AddMinutes(50)).ToUnixTimeSeconds(),
    };

    private string Write(string content)
    {
        var path = Path.Combine(_folder.Path, $"token-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return path;
    }

    private static Task<CliResult> RunWithStdin(string stdin, params string[] args) =>
        CliRunner.RunAsync(s => s.AddSingleton<MailSetupTui.Tui.Terminal.ITerminal>(new TestTerminal(input: stdin)), args);

    private static void NeverPrintsTheToken(CliResult result, string token)
    {
        Assert.DoesNotContain(CanarySignature, result.Stdout + result.Stderr);
        Assert.DoesNotContain(token, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task An_unknown_option_and_a_bad_format_are_both_reported_in_one_run()
    {
        var result = await CliRunner.RunAsync("token", "inspect", "-", "--format", "yml", "--bogus");

        CliAssert.UsageError(result, "--bogus", "unknown option", command: "mailsetup token inspect");
        CliAssert.UsageError(result, "--format", "unknown format 'yml'; expected one of text, json.", command: "mailsetup token inspect");
    }

    [Fact]
    public async Task A_good_token_prints_header_claims_and_no_findings_and_exits_0()
    {
        var token = Mint(AppOnly());

        var result = await CliRunner.RunAsync("token", "inspect", Write(token));

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.Contains("  alg    RS256", lines);
        Assert.Contains("  aud    https://outlook.office365.com", lines);
        Assert.Contains("  appid  aaaaaaaa-0000-0000-0000-000000000001", lines);
        Assert.Contains("  roles  IMAP.AccessAsApp, POP.AccessAsApp, SMTP.SendAsApp", lines);
        Assert.Contains("  exp    2026-11-21 10:20:00Z (in 50 min)", lines);
        Assert.Contains("  iat    2026-11-21 09:20:00Z (10 min ago)", lines);
        Assert.Contains("Findings for IMAP, POP, SMTP", lines);
        Assert.Contains("  none: the token looks right for IMAP, POP, SMTP.", lines);
        NeverPrintsTheToken(result, token);
    }

    [Fact]
    public async Task A_Graph_token_is_flagged_and_exits_1()
    {
        var token = Mint(AppOnly(aud: "https://graph.microsoft.com"));

        var result = await CliRunner.RunAsync("token", "inspect", Write(token));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[error] token-graph-audience: ", result.Stdout);
        Assert.Contains("fix:      Request the token with scope https://outlook.office365.com/.default.", result.Stdout);
        NeverPrintsTheToken(result, token);
    }

    [Fact]
    public async Task An_expired_token_is_flagged_and_exits_1()
    {
        var result = await CliRunner.RunAsync("token", "inspect", Write(Mint(AppOnly(exp: Now.AddHours(-2)))));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[error] token-expired: ", result.Stdout);
        Assert.Contains("  exp    2026-11-21 07:30:00Z (2 h ago)", result.Stdout);
    }

    [Fact]
    public async Task A_token_on_stdin_with_Bearer_and_line_breaks_is_read()
    {
        var token = Mint(AppOnly());
        var pasted = $"  Bearer {token[..20]}\n{token[20..]}\n\n";

        var result = await RunWithStdin(pasted, "token", "inspect", "-", "--protocol", "imap");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Findings for IMAP\n", result.Stdout);
        NeverPrintsTheToken(result, token);
    }

    [Fact]
    public async Task A_protocol_whose_role_is_missing_exits_1()
    {
        var claims = AppOnly();
        claims["roles"] = new[] { "IMAP.AccessAsApp" };

        var result = await CliRunner.RunAsync("token", "inspect", Write(Mint(claims)), "--protocol", "smtp");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[error] token-missing-role: ", result.Stdout);
        Assert.Contains("SMTP.SendAsApp", result.Stdout);
    }

    [Fact]
    public async Task Json_holds_claims_and_findings_but_not_the_token()
    {
        var token = Mint(AppOnly(aud: "https://graph.microsoft.com"));

        var result = await CliRunner.RunAsync("token", "inspect", Write(token), "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("RS256", root.GetProperty("header").GetProperty("alg").GetString());
        Assert.Equal("https://graph.microsoft.com", root.GetProperty("claims").GetProperty("aud").GetString());
        Assert.Equal("2026-11-21T10:20:00Z", root.GetProperty("claims").GetProperty("exp").GetString());
        Assert.Equal("app-only", root.GetProperty("kind").GetString());
        var finding = root.GetProperty("findings")[0];
        Assert.Equal(("token-graph-audience", "error"), (finding.GetProperty("code").GetString(), finding.GetProperty("severity").GetString()));
        NeverPrintsTheToken(result, token);
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error()
    {
        var path = Path.Combine(_folder.Path, "absent.jwt");
        CliAssert.UsageError(await CliRunner.RunAsync("token", "inspect", path), path, "no such file or directory",
            command: "mailsetup token inspect");
    }

    [Fact]
    public async Task Not_a_JWT_is_a_usage_error_that_does_not_echo_the_input()
    {
        var result = await RunWithStdin($"opaque-{CanarySignature}", "token", "inspect", "-");
        CliAssert.UsageError(result, "stdin", "is not a JWT", command: "mailsetup token inspect");
        Assert.DoesNotContain(CanarySignature, result.Stderr);
    }

    [Fact]
    public async Task Empty_input_is_a_usage_error()
    {
        CliAssert.UsageError(await RunWithStdin(" \n", "token", "inspect", "-"), "stdin", "is empty", command: "mailsetup token inspect");
    }

    [Fact]
    public async Task An_unknown_protocol_is_a_usage_error()
    {
        var result = await CliRunner.RunAsync("token", "inspect", Write(Mint(AppOnly())), "--protocol", "imap4");
        CliAssert.UsageError(result, "--protocol", "unknown protocol 'imap4' (did you mean 'imap'?); expected one of imap, pop, smtp.",
            command: "mailsetup token inspect");
    }

    [Fact]
    public async Task An_unexpected_tenant_is_flagged()
    {
        var result = await CliRunner.RunAsync("token", "inspect", Write(Mint(AppOnly())), "--tenant", "99999999-2222-3333-4444-555555555555");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("[error] token-tenant-mismatch: ", result.Stdout);
    }
}
