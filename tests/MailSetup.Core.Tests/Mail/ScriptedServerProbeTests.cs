using System.Diagnostics;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Tests.Mail;

/// <summary>Probes against servers that a test scripts: the paths a well-behaved Dovecot never takes.</summary>
public sealed class ScriptedServerProbeTests
{
    private static MailProbeRequest Request(int port, MailConnectionOptions? options = null) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Tls = TlsMode.None,
        Mailbox = "user@contoso.com",
        Token = "CANARY-scripted-token",
        Options = options ?? new MailConnectionOptions { ReadTimeout = TimeSpan.FromSeconds(5) },
    };

    [Fact]
    public async Task Imap_without_sasl_ir_sends_the_payload_after_the_continuation_and_reads_literals()
    {
        await using var server = new ScriptedServer(async c =>
        {
            await c.SendAsync("* OK ready\r\n");
            var capability = await c.ReadAsync();
            await c.SendAsync("* CAPABILITY IMAP4rev1 AUTH=XOAUTH2\r\n" + Tag(capability) + " OK done\r\n");
            var authenticate = await c.ReadAsync();
            await c.SendAsync("+ \r\n");
            await c.ReadAsync();
            await c.SendAsync(Tag(authenticate) + " OK AUTHENTICATE completed.\r\n");
            var list = await c.ReadAsync();
            await c.SendAsync("* LIST () \"/\" {5}\r\nINBOX\r\n" + Tag(list) + " OK LIST completed.\r\n");
            var examine = await c.ReadAsync();
            await c.SendAsync("* 0 EXISTS\r\n" + Tag(examine) + " OK [READ-ONLY] EXAMINE completed.\r\n");
            var logout = await c.ReadAsync();
            await c.SendAsync("* BYE bye\r\n" + Tag(logout) + " OK LOGOUT completed.\r\n");
        });

        var result = await new ImapProbe().RunAsync(Request(server.Port), CancellationToken.None);

        Assert.True(result.Succeeded, TraceExport.ToText(result.Trace));
        Assert.Equal("A2 OK AUTHENTICATE completed.", result.FinalAnswer);
        Assert.Equal("A2 AUTHENTICATE XOAUTH2", server.Received[1]);
        Assert.Contains(result.Trace, e => e.Text == "<literal 5 bytes>");
        Assert.Contains(result.Trace, e => e.Text == "A4 OK [READ-ONLY] EXAMINE completed.");
        Assert.DoesNotContain(result.Trace, e => e.Text.Contains("CANARY", StringComparison.Ordinal));
        Assert.Null(result.Tls);
    }

    [Fact]
    public async Task Imap_bye_during_authentication_is_the_final_answer()
    {
        await using var server = new ScriptedServer(async c =>
        {
            await c.SendAsync("* OK [CAPABILITY IMAP4rev1 SASL-IR AUTH=XOAUTH2] ready\r\n");
            await c.ReadAsync();
            await c.SendAsync("* BYE Session invalidated - AccessTokenExpired\r\n");
        });

        var result = await new ImapProbe().RunAsync(Request(server.Port), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("* BYE Session invalidated - AccessTokenExpired", result.FinalAnswer);
    }

    [Fact]
    public async Task Smtp_multiline_replies_are_read_whole_and_the_final_answer_is_the_auth_reply()
    {
        await using var server = new ScriptedServer(async c =>
        {
            await c.SendAsync("220-smtp.example.com\r\n220 ESMTP ready\r\n");
            await c.ReadAsync();
            await c.SendAsync("250-smtp.example.com\r\n250-SIZE 1000\r\n250 AUTH XOAUTH2\r\n");
            await c.ReadAsync();
            await c.SendAsync("334 \r\n");
            await c.ReadAsync();
            await c.SendAsync("535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]\r\n");
            await c.ReadAsync();
            await c.SendAsync("221 2.0.0 Service closing transmission channel\r\n");
        });

        var result = await new SmtpProbe().RunAsync(Request(server.Port), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]", result.FinalAnswer);
        Assert.Null(result.ErrorChallenge);
        Assert.Null(result.Failure);
    }

    [Fact]
    public async Task A_silent_server_times_out_into_a_failure_at_the_greeting()
    {
        await using var server = new ScriptedServer(c => Task.Delay(Timeout.Infinite, c.Token));

        var result =
            await new Pop3Probe().RunAsync(Request(server.Port, new MailConnectionOptions { ReadTimeout = TimeSpan.FromMilliseconds(300) }),
                CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Contains("did not answer", result.Failure);
    }

    [Fact]
    public async Task Cancelling_a_probe_waiting_on_a_silent_server_stops_it_promptly()
    {
        await using var server = new ScriptedServer(c => Task.Delay(Timeout.Infinite, c.Token));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new ImapProbe().RunAsync(Request(server.Port), cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), clock.Elapsed.ToString());
    }

    [Fact]
    public async Task An_endless_line_fails_at_the_line_limit()
    {
        await using var server = new ScriptedServer(async c =>
        {
            var chunk = new string('x', 4096);
            while (!c.Token.IsCancellationRequested) await c.SendAsync(chunk);
        });

        var result =
            await new SmtpProbe().RunAsync(Request(server.Port, new MailConnectionOptions { MaxLineLength = 10_000 }), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(TraceStage.Greeting, result.FailedStage);
        Assert.Contains("longer than 10000 bytes", result.Failure);
    }

    [Fact]
    public async Task Nothing_listening_is_a_connect_failure()
    {
        int port;
        await using (var probe = new ScriptedServer(_ => Task.CompletedTask)) port = probe.Port;

        var result = await new ImapProbe().RunAsync(Request(port), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(TraceStage.Connect, result.FailedStage);
    }

    [Fact]
    public async Task Data_sent_together_with_the_starttls_go_ahead_is_refused_as_injection()
    {
        await using var server = new ScriptedServer(async c =>
        {
            await c.SendAsync("220 ready\r\n");
            await c.ReadAsync();
            await c.SendAsync("250-x\r\n250 STARTTLS\r\n");
            await c.ReadAsync();
            await c.SendAsync("220 2.0.0 go ahead\r\n250 injected\r\n");
            await Task.Delay(Timeout.Infinite, c.Token);
        });

        var result = await new SmtpProbe().RunAsync(Request(server.Port) with { Tls = TlsMode.StartTls }, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal(TraceStage.Tls, result.FailedStage);
        Assert.Contains("after agreeing to start TLS", result.Failure);
    }

    [Fact]
    public async Task A_host_name_is_looked_up_and_the_lookup_traced()
    {
        await using var server = new ScriptedServer(async c => await c.SendAsync("-ERR go away\r\n"));

        var result = await new Pop3Probe().RunAsync(Request(server.Port) with { Host = "localhost" }, CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Equal("-ERR go away", result.FinalAnswer);
        Assert.Contains(result.Trace, e => e.Stage == TraceStage.Dns && e.Text.StartsWith("localhost -> ", StringComparison.Ordinal));
        Assert.Contains(TraceStage.Dns, result.StageTimings.Keys);
    }

    private static string Tag(string command) => command.Split(' ')[0];
}
