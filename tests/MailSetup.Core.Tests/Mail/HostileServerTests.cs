using System.Text;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Tests.Mail;

/// <summary>
/// Servers that misbehave on purpose. Every case must end (short limits, a guard token against a hang), give a
/// clear result (not succeeded, the stage, a failure text that says what happened) and a finding that fits.
/// </summary>
public sealed class HostileServerTests
{
    private const string Canary = "CANARY-hostile-token";

    private static readonly MailConnectionOptions Short = new()
    {
        // Long enough that a busy machine (parallel builds on two cores) never times out a server
        // that is flooding the client; the cases that expect a timeout pay it only a few times.
        ReadTimeout = TimeSpan.FromSeconds(3),
        TotalTimeout = TimeSpan.FromSeconds(20),
        MaxResponseLines = 200,
        MaxLineLength = 8_192,
        MaxLiteralLength = 4_096,
    };

    private static MailProbe Probe(string protocol) => protocol switch
    {
        "imap" => new ImapProbe(),
        "pop" => new Pop3Probe(),
        _ => new SmtpProbe(),
    };

    private static async Task<(MailProbeResult Result, IReadOnlyList<Finding> Findings)> RunAsync(
        string protocol, Func<ScriptedServer.Conversation, Task> script, MailConnectionOptions? options = null, TlsMode tls = TlsMode.None)
    {
        await using var server = new ScriptedServer(script);
        var request = new MailProbeRequest
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Tls = tls,
            Mailbox = "user@contoso.com",
            Token = Canary,
            Options = options ?? Short,
        };
        // A guard, not a timing assertion: a hang fails the test instead of stalling the suite.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = await Probe(protocol).RunAsync(request, guard.Token);
        Assert.False(result.Succeeded, TraceExport.ToText(result.Trace));
        Assert.NotNull(result.FailedStage);
        Assert.False(string.IsNullOrWhiteSpace(result.Failure));
        Assert.DoesNotContain(result.Trace, e => e.Text.Contains(Canary, StringComparison.Ordinal));
        Assert.DoesNotContain(result.Trace, e => e.Text.Any(c => char.IsControl(c) && c != '\t'));
        return (result, ProbeDiagnosis.Diagnose(result));
    }

    private static void AssertFinding(IReadOnlyList<Finding> findings, string code, string evidenceMentions)
    {
        var finding = Assert.Single(findings, f => f.Severity == FindingSeverity.Error);
        Assert.Equal(code, finding.Code);
        Assert.Contains(evidenceMentions, finding.Evidence);
        Assert.DoesNotContain(findings, f => f.Code == "login-failed");
    }

    private static async Task ImapToAuthenticate(ScriptedServer.Conversation c)
    {
        await c.SendAsync("* OK [CAPABILITY IMAP4rev1 AUTH=XOAUTH2] ready\r\n");
        await c.ReadAsync();
    }

    private static async Task SmtpToAuth(ScriptedServer.Conversation c)
    {
        await c.SendAsync("220 ready\r\n");
        await c.ReadAsync();
        await c.SendAsync("250-x\r\n250 AUTH XOAUTH2\r\n");
        await c.ReadAsync();
    }

    private static async Task PopToAuth(ScriptedServer.Conversation c)
    {
        await c.SendAsync("+OK ready\r\n");
        await c.ReadAsync();
        await c.SendAsync("+OK\r\nSASL XOAUTH2\r\n.\r\n");
        await c.ReadAsync();
    }

    private static async Task Forever(ScriptedServer.Conversation c, string line)
    {
        var bytes = Encoding.ASCII.GetBytes(line);
        while (!c.Token.IsCancellationRequested) await c.SendBytesAsync(bytes);
    }

    [Theory]
    [InlineData("imap")]
    [InlineData("pop")]
    [InlineData("smtp")]
    public async Task An_endless_line_is_stopped_at_the_line_limit(string protocol)
    {
        var (result, findings) = await RunAsync(protocol, c => Forever(c, new string('x', 1000)));

        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Equal(MailFailureKind.ProtocolViolation, result.FailureKind);
        Assert.Contains("longer than 8192 bytes", result.Failure);
        AssertFinding(findings, "server-protocol-violation", "longer than 8192 bytes");
    }

    [Theory]
    [InlineData("imap", "* OK half a greet")]
    [InlineData("pop", "+OK half a greet")]
    [InlineData("smtp", "220 half a greet")]
    public async Task A_line_without_its_end_then_silence_times_out_as_an_unfinished_line(string protocol, string half)
    {
        var (result, findings) = await RunAsync(protocol, async c =>
        {
            await c.SendAsync(half);
            await Task.Delay(Timeout.Infinite, c.Token);
        });

        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Equal(MailFailureKind.Timeout, result.FailureKind);
        Assert.Contains("did not finish a line", result.Failure);
        Assert.Contains($"{half.Length} bytes received", result.Failure);
        AssertFinding(findings, "server-timeout", "did not finish a line");
    }

    [Theory]
    [InlineData("imap", "* OK half a greet")]
    [InlineData("pop", "+OK half a greet")]
    [InlineData("smtp", "220 half a greet")]
    public async Task A_line_without_its_end_then_a_close_is_a_close_in_the_middle_of_a_line(string protocol, string half)
    {
        var (result, findings) = await RunAsync(protocol, c => c.SendAsync(half));

        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Equal(MailFailureKind.ConnectionClosed, result.FailureKind);
        Assert.Contains("in the middle of a line", result.Failure);
        AssertFinding(findings, "server-closed-connection", "in the middle of a line");
    }

    [Theory]
    [InlineData("imap", "+ ")]
    [InlineData("pop", "+ ")]
    [InlineData("smtp", "334 ")]
    public async Task Endless_sasl_continuations_are_cut_off_after_the_round_limit(string protocol, string continuation)
    {
        var (result, findings) = await RunAsync(protocol, async c =>
        {
            await (protocol switch { "imap" => ImapToAuthenticate(c), "pop" => PopToAuth(c), _ => SmtpToAuth(c) });
            while (true)
            {
                await c.SendAsync(continuation + "\r\n");
                await c.ReadAsync();
            }
        });

        Assert.Equal(TraceStage.Auth, result.FailedStage);
        Assert.Contains("more than 8 challenges", result.Failure);
        AssertFinding(findings, "server-protocol-violation", "more than 8 challenges");
    }

    [Fact]
    public async Task Endless_untagged_lines_to_capability_are_cut_off_after_the_line_limit()
    {
        var (result, findings) = await RunAsync("imap", async c =>
        {
            await c.SendAsync("* OK ready\r\n");
            await c.ReadAsync();
            await Forever(c, "* CAPABILITY IMAP4rev1\r\n");
        });

        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Contains("more than 200 lines in answer to CAPABILITY", result.Failure);
        AssertFinding(findings, "server-protocol-violation", "CAPABILITY");
    }

    [Fact]
    public async Task Endless_untagged_lines_to_list_after_login_fail_the_login()
    {
        var (result, findings) = await RunAsync("imap", async c =>
        {
            await ImapToAuthenticate(c);
            await c.SendAsync("+ \r\n");
            await c.ReadAsync();
            await c.SendAsync("A1 OK done\r\n");
            await c.ReadAsync();
            await Forever(c, "* LIST () \"/\" Folder\r\n");
        });

        Assert.True(result.AuthenticationAccepted);
        Assert.Equal(TraceStage.Command, result.FailedStage);
        Assert.Contains("more than 200 lines in answer to LIST", result.Failure);
        AssertFinding(findings, "server-protocol-violation", "LIST");
    }

    [Fact]
    public async Task An_endless_multiline_smtp_reply_is_cut_off_after_the_line_limit()
    {
        var (result, findings) = await RunAsync("smtp", async c =>
        {
            await c.SendAsync("220 ready\r\n");
            await c.ReadAsync();
            await Forever(c, "250-PIPELINING\r\n");
        });

        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Contains("more than 200 lines in answer to one reply", result.Failure);
        AssertFinding(findings, "server-protocol-violation", "multiline");
    }

    [Fact]
    public async Task An_endless_pop_capa_list_is_cut_off_after_the_line_limit()
    {
        var (result, _) = await RunAsync("pop", async c =>
        {
            await c.SendAsync("+OK ready\r\n");
            await c.ReadAsync();
            await c.SendAsync("+OK\r\n");
            await Forever(c, "X-CAPABILITY\r\n");
        });

        Assert.Contains("more than 200 lines in answer to CAPA", result.Failure);
    }

    [Theory]
    [InlineData("imap")]
    [InlineData("pop")]
    [InlineData("smtp")]
    public async Task Garbage_during_the_tls_handshake_fails_the_handshake(string protocol)
    {
        var garbage = new byte[4096];
        new Random(7).NextBytes(garbage);
        var (result, findings) = await RunAsync(protocol, async c =>
        {
            await c.SendBytesAsync(garbage);
            await Task.Delay(Timeout.Infinite, c.Token);
        }, tls: TlsMode.Implicit);

        Assert.Equal(TraceStage.Tls, result.FailedStage);
        Assert.Equal(MailFailureKind.Tls, result.FailureKind);
        AssertFinding(findings, "tls-handshake-failed", "failed at tls");
    }

    [Fact]
    public async Task A_plain_text_greeting_on_an_implicit_tls_connection_fails_the_handshake()
    {
        var (result, findings) = await RunAsync("imap", async c =>
        {
            await c.SendAsync("* OK plain text IMAP here\r\n");
            await Task.Delay(Timeout.Infinite, c.Token);
        }, tls: TlsMode.Implicit);

        Assert.Equal(MailFailureKind.Tls, result.FailureKind);
        AssertFinding(findings, "tls-handshake-failed", "failed at tls");
    }

    [Theory]
    [InlineData("imap")]
    [InlineData("pop")]
    [InlineData("smtp")]
    public async Task A_server_trickling_one_byte_at_a_time_hits_the_line_deadline(string protocol)
    {
        var greeting = protocol switch { "imap" => "* OK ", "pop" => "+OK ", _ => "220 " } + "a greeting sent much too slowly\r\n";
        // Each byte arrives well within the read timeout; the line as a whole does not.
        var (result, findings) = await RunAsync(protocol, async c =>
        {
            foreach (var b in Encoding.ASCII.GetBytes(greeting))
            {
                await c.SendBytesAsync([b]);
                await Task.Delay(100, c.Token);
            }
            await Task.Delay(Timeout.Infinite, c.Token);
        }, Short with { ReadTimeout = TimeSpan.FromMilliseconds(500) });

        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Equal(MailFailureKind.Timeout, result.FailureKind);
        Assert.Contains("did not finish a line within 0.5s", result.Failure);
        AssertFinding(findings, "server-timeout", "did not finish a line");
    }

    [Fact]
    public async Task Lines_that_each_arrive_in_time_still_end_at_the_total_timeout()
    {
        var (result, findings) = await RunAsync("imap", async c =>
        {
            await c.SendAsync("* OK ready\r\n");
            await c.ReadAsync();
            while (true)
            {
                await c.SendAsync("* OK still thinking\r\n");
                await Task.Delay(100, c.Token);
            }
        }, Short with { TotalTimeout = TimeSpan.FromSeconds(1), MaxResponseLines = 1_000_000 });

        Assert.Equal(MailFailureKind.Timeout, result.FailureKind);
        Assert.Contains("longer than 1s in all", result.Failure);
        AssertFinding(findings, "server-timeout", "in all");
    }

    public static TheoryData<string, string> EarlyCloses => new()
    {
        { "imap", "after-greeting" },
        { "imap", "mid-auth" },
        { "imap", "mid-line" },
        { "imap", "after-auth-ok" },
        { "pop", "after-greeting" },
        { "pop", "mid-auth" },
        { "pop", "mid-line" },
        { "pop", "after-auth-ok" },
        { "smtp", "after-greeting" },
        { "smtp", "mid-auth" },
        { "smtp", "mid-line" },
        { "smtp", "no-greeting" },
    };

    [Theory]
    [MemberData(nameof(EarlyCloses))]
    public async Task An_early_close_at_any_stage_is_a_clear_failure(string protocol, string when)
    {
        var (result, findings) = await RunAsync(protocol, async c =>
        {
            if (when == "no-greeting") return;
            await (protocol switch { "imap" => ImapToAuthenticate(c), "pop" => PopToAuth(c), _ => SmtpToAuth(c) });
            if (when == "after-greeting") return;
            if (when == "mid-line")
            {
                await c.SendAsync(protocol == "imap" ? "A1 NO half" : protocol == "pop" ? "-ERR half" : "535 half");
                return;
            }
            await c.SendAsync(protocol == "smtp" ? "334 \r\n" : "+ \r\n");
            await c.ReadAsync();
            if (when == "after-auth-ok")
            {
                await c.SendAsync(protocol == "imap" ? "A1 OK done\r\n" : "+OK welcome\r\n");
                await c.ReadAsync();
            }
        });

        Assert.Equal(MailFailureKind.ConnectionClosed, result.FailureKind);
        Assert.Contains("closed the connection", result.Failure);
        Assert.Equal(
            when switch { "after-greeting" or "mid-auth" or "mid-line" => TraceStage.Auth, "after-auth-ok" => TraceStage.Command,
                _ => TraceStage.Greeting }, result.FailedStage);
        Assert.Equal(when == "after-auth-ok", result.AuthenticationAccepted);
        AssertFinding(findings, "server-closed-connection", "closed the connection");
    }

    [Theory]
    [InlineData("imap")]
    [InlineData("pop")]
    [InlineData("smtp")]
    public async Task A_close_right_after_agreeing_to_starttls_fails_the_handshake(string protocol)
    {
        var (result, findings) = await RunAsync(protocol, async c =>
        {
            switch (protocol)
            {
                case "imap":
                    await c.SendAsync("* OK [CAPABILITY IMAP4rev1 STARTTLS] ready\r\n");
                    await c.SendAsync((await c.ReadAsync()).Split(' ')[0] + " OK Begin TLS negotiation now.\r\n");
                    break;
                case "pop":
                    await c.SendAsync("+OK ready\r\n");
                    await c.ReadAsync();
                    await c.SendAsync("+OK\r\nSTLS\r\n.\r\n");
                    await c.ReadAsync();
                    await c.SendAsync("+OK Begin TLS negotiation\r\n");
                    break;
                default:
                    await c.SendAsync("220 ready\r\n");
                    await c.ReadAsync();
                    await c.SendAsync("250 STARTTLS\r\n");
                    await c.ReadAsync();
                    await c.SendAsync("220 2.0.0 SMTP server ready\r\n");
                    break;
            }
        }, tls: TlsMode.StartTls);

        Assert.Equal(TraceStage.Tls, result.FailedStage);
        Assert.Equal(MailFailureKind.Tls, result.FailureKind);
        AssertFinding(findings, "tls-handshake-failed", "failed at tls");
    }

    [Theory]
    [InlineData("{999999999}", "999999999")]
    [InlineData("{99999999999999999999999}", "99999999999999999999999")]
    public async Task A_huge_literal_announcement_is_refused_without_reading_it(string literal, string size)
    {
        var (result, findings) = await RunAsync("imap", async c =>
        {
            await c.SendAsync("* OK ready\r\n");
            await c.ReadAsync();
            await c.SendAsync("* CAPABILITY " + literal + "\r\n");
            await Task.Delay(Timeout.Infinite, c.Token);
        });

        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Contains($"literal of {size} bytes", result.Failure);
        AssertFinding(findings, "server-protocol-violation", "literal");
    }

    [Fact]
    public async Task Literals_that_would_join_into_an_endless_response_are_cut_off()
    {
        var (result, findings) = await RunAsync("imap", async c =>
        {
            await c.SendAsync("* OK ready\r\n");
            await c.ReadAsync();
            await c.SendAsync("* CAPABILITY IMAP4rev1 {1}\r\n");
            var piece = new string('x', 8_000) + " {1}\r\nx";
            while (true) await c.SendAsync(piece);
        }, Short with { MaxResponseLines = 1_000_000 });

        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Contains("response longer than 131072 characters", result.Failure);
        AssertFinding(findings, "server-protocol-violation", "literals");
    }

    [Fact]
    public async Task An_unsolicited_bye_after_login_is_a_failed_login_with_the_bye_as_evidence()
    {
        var (result, findings) = await RunAsync("imap", async c =>
        {
            await ImapToAuthenticate(c);
            await c.SendAsync("+ \r\n");
            await c.ReadAsync();
            await c.SendAsync("A1 OK done\r\n");
            await c.ReadAsync();
            await c.SendAsync("* BYE Internal error, try later\r\n");
        });

        Assert.Equal(MailFailureKind.RefusedAfterLogin, result.FailureKind);
        Assert.Equal("* BYE Internal error, try later", result.FinalAnswer);
        var finding = Assert.Single(findings);
        Assert.Equal("login-failed", finding.Code);
        Assert.Equal("* BYE Internal error, try later", finding.Evidence);
    }

    [Fact]
    public async Task Nul_bytes_escape_sequences_and_invalid_utf8_are_shown_escaped_and_do_not_break_the_dialogue()
    {
        await using var server = new ScriptedServer(async c =>
        {
            await c.SendBytesAsync([.. "* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] hi\0there \u001b[2J"u8, 0xFF, 0xFE, 0xC3, .. "\r\n"u8]);
            await c.ReadAsync();
            await c.SendBytesAsync([.. "A1 NO bad \0token "u8, 0xC0, 0x80, .. "\r\n"u8]);
            await c.ReadAsync();
            await c.SendAsync("A2 OK bye\r\n");
        });
        var request =
            new MailProbeRequest { Host = "127.0.0.1", Port = server.Port, Tls = TlsMode.None, Mailbox = "u@c.com", Token = Canary, Options = Short };

        var result = await new ImapProbe().RunAsync(request, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Null(result.Failure);
        Assert.StartsWith("A1 NO bad \\x00token", result.FinalAnswer);
        Assert.Contains('\uFFFD', result.FinalAnswer!);
        Assert.Contains(result.Trace, e => e.Text.Contains("hi\\x00there \\x1B[2J\uFFFD", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Trace, e => e.Text.Any(c => char.IsControl(c)));
        Assert.Contains(ProbeDiagnosis.Diagnose(result), f => f.Code == "server-auth-rejected");
    }

    [Theory]
    [InlineData("imap", "HTTP/1.1 400 Bad Request")]
    [InlineData("pop", "SSH-2.0-OpenSSH_9.2")]
    [InlineData("smtp", "* OK IMAP4rev1 ready")]
    public async Task A_greeting_of_another_protocol_is_a_protocol_violation(string protocol, string greeting)
    {
        var (result, findings) = await RunAsync(protocol, async c =>
        {
            await c.SendAsync(greeting + "\r\n");
            await Task.Delay(Timeout.Infinite, c.Token);
        });

        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Contains(greeting, result.Failure);
        AssertFinding(findings, "server-protocol-violation", greeting);
    }

    [Fact]
    public async Task A_line_that_is_no_imap_response_mid_dialogue_is_a_protocol_violation()
    {
        var (result, findings) = await RunAsync("imap", async c =>
        {
            await ImapToAuthenticate(c);
            await c.SendAsync("<html>oops</html>\r\n");
            await Task.Delay(Timeout.Infinite, c.Token);
        });

        Assert.Equal(TraceStage.Auth, result.FailedStage);
        Assert.Contains("no IMAP response", result.Failure);
        AssertFinding(findings, "server-protocol-violation", "<html>");
    }
}
