using System.Text.Json;
using MailSetup.Testing.Dovecot;
using MailSetupTui.Tests.Support;

namespace MailSetupTui.Tests;

/// <summary><c>mailsetup diagnose</c> against a real Dovecot: live trace, findings and exit codes.</summary>
public sealed class DiagnoseDovecotTests(DiagnoseDovecotFixture fixture) : IClassFixture<DiagnoseDovecotFixture>
{
    private const string Canary = "CANARY-4d2a91-secret-token-value";

    private DovecotServer Server => fixture.Server;

    [Theory]
    [InlineData("imap", "implicit")]
    [InlineData("imap", "starttls")]
    [InlineData("pop", "implicit")]
    [InlineData("smtp", "starttls")]
    public async Task A_good_token_logs_in_exits_0_and_the_trace_shows_the_redacted_auth_line(string protocol, string tls)
    {
        var token = Server.Tokens.Good(DovecotServer.User);

        var result = await Diagnose(protocol, tls, token);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"user={DovecotServer.User} auth=Bearer <token redacted", result.Stdout);
        Assert.Contains($"{protocol}: login works", result.Stdout);
        Assert.DoesNotContain(token, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task The_trace_streams_before_the_findings()
    {
        var result = await Diagnose("imap", "implicit", Server.Tokens.Good(DovecotServer.User));

        var header = result.Stdout.IndexOf("== imap localhost:", StringComparison.Ordinal);
        var greeting = result.Stdout.IndexOf("greeting S: * OK", StringComparison.Ordinal);
        var verdict = result.Stdout.IndexOf("imap: login works", StringComparison.Ordinal);
        Assert.True(header >= 0 && header < greeting && greeting < verdict, result.ToString());
    }

    [Fact]
    public async Task An_expired_token_exits_1_with_a_finding_naming_the_answer_and_the_decoded_challenge()
    {
        var result = await Diagnose("imap", "implicit", Server.Tokens.Expired(DovecotServer.User));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("imap: login FAILED", result.Stdout);
        // Dovecot words a refused token as status "401" (the XOAUTH2 convention): a refused token.
        Assert.Contains("[error] sasl-invalid-token", result.Stdout);
        Assert.Matches(@"shown by: \+ \S+ \(decoded: \{""status"":""401""", result.Stdout);
        Assert.Contains("[error] server-auth-rejected", result.Stdout);
        Assert.Contains("NO [AUTHENTICATIONFAILED]", result.Stdout);
    }

    [Fact]
    public async Task Without_trust_cert_the_self_signed_certificate_exits_1_with_the_tls_finding()
    {
        var result = await CliRunner.RunAsync(["diagnose", "imap", "--mailbox", DovecotServer.User, "--host", "localhost",
            "--port", Server.Ports.Imaps.ToString(), "--token-file", TokenFile(Server.Tokens.Good(DovecotServer.User))]);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("[error] tls-untrusted", result.Stdout);
        Assert.Contains("--trust-cert", result.Stdout);
    }

    [Fact]
    public async Task A_canary_token_never_reaches_stdout_stderr_or_the_trace_files()
    {
        var text = fixture.Files.File("canary-trace.txt");
        var json = fixture.Files.File("canary-trace.json");

        var asText = await Diagnose("imap", "implicit", Canary, "--trace-out", text);
        var asJson = await Diagnose("smtp", "starttls", Canary, "--trace-out", json, "--format", "json");

        Assert.Equal(1, asText.ExitCode);
        Assert.Equal(1, asJson.ExitCode);
        foreach (var written in new[] { asText.Stdout, asText.Stderr, asJson.Stdout, asJson.Stderr, File.ReadAllText(text), File.ReadAllText(json) })
            Assert.DoesNotContain("CANARY", written, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("auth=Bearer <token redacted", File.ReadAllText(text));
        using var trace = JsonDocument.Parse(File.ReadAllText(json));
        Assert.True(trace.RootElement.GetProperty("smtp").GetArrayLength() > 3);
    }

    [Fact]
    public async Task Json_format_prints_one_object_with_result_findings_and_trace()
    {
        var result = await Diagnose("pop", "implicit", Server.Tokens.Expired(DovecotServer.User), "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var document = JsonDocument.Parse(result.Stdout);
        var pop = Assert.Single(document.RootElement.GetProperty("protocols").EnumerateArray());
        Assert.False(document.RootElement.GetProperty("succeeded").GetBoolean());
        Assert.Equal("pop", pop.GetProperty("protocol").GetString());
        Assert.Contains("\"status\":\"401\"", pop.GetProperty("errorChallenge").GetString());
        Assert.Contains(pop.GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "sasl-invalid-token");
        Assert.True(pop.GetProperty("trace").GetArrayLength() > 3);
    }

    private Task<CliResult> Diagnose(string protocol, string tls, string token, params string[] more)
    {
        var port = (protocol, tls) switch
        {
            ("imap", "implicit") => Server.Ports.Imaps,
            ("imap", _) => Server.Ports.Imap,
            ("pop", "implicit") => Server.Ports.Pop3s,
            ("pop", _) => Server.Ports.Pop3,
            _ => Server.Ports.Submission,
        };
        // localhost, not 127.0.0.1: the test certificate names localhost.
        return CliRunner.RunAsync(["diagnose", protocol, "--mailbox", DovecotServer.User, "--host", "localhost", "--port", port.ToString(),
            "--tls", tls, "--token-file", TokenFile(token), "--trust-cert", Server.CertificatePath, .. more]);
    }

    private string TokenFile(string token) => fixture.Files.Write($"token-{Guid.NewGuid():N}.txt", token);
}
