using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Tests.Mail;

/// <summary>The SMTP probe's optional envelope check after AUTH, against a scripted Exchange-like server.</summary>
public sealed class SmtpEnvelopeTests
{
    private const string Mailbox = "user@contoso.com";
    private const string ServicePrincipal = "11111111-2222-3333-4444-555555555555";

    private static MailProbeRequest Request(int port, SmtpEnvelope envelope) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Tls = TlsMode.None,
        Mailbox = Mailbox,
        Token = "CANARY-envelope-token",
        Envelope = envelope,
        Options = new MailConnectionOptions { ReadTimeout = TimeSpan.FromSeconds(5) },
    };

    /// <summary>Exchange's submission up to 235, then <paramref name="afterLogin"/>.</summary>
    private static ScriptedServer ExchangeSmtp(Func<ScriptedServer.Conversation, Task> afterLogin) => new(async c =>
    {
        await c.SendAsync("220 AM0PR01CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready\r\n");
        await c.ReadAsync();
        await c.SendAsync("250-AM0PR01CA0001.outlook.office365.com Hello\r\n250-SIZE 157286400\r\n250-AUTH LOGIN XOAUTH2\r\n250 SMTPUTF8\r\n");
        await c.ReadAsync();
        await c.SendAsync("334 \r\n");
        await c.ReadAsync();
        await c.SendAsync("235 2.7.0 Authentication successful\r\n");
        await afterLogin(c);
    });

    [Fact]
    public async Task A_send_as_refusal_of_the_sender_fails_the_probe_and_names_the_send_as_fix()
    {
        await using var server = ExchangeSmtp(async c =>
        {
            await c.ReadAsync();
            await c.SendAsync("550 5.7.60 SMTP; Client does not have permissions to send as this sender\r\n");
            await c.ReadAsync();
            await c.SendAsync("221 2.0.0 Service closing transmission channel\r\n");
        });

        var result =
            await new SmtpProbe().RunAsync(Request(server.Port, new SmtpEnvelope { MailFrom = "boss@contoso.com", RcptTo = ["x@example.test"] }),
                CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.True(result.AuthenticationAccepted);
        Assert.Equal("550 5.7.60 SMTP; Client does not have permissions to send as this sender", result.FinalAnswer);
        Assert.Equal(MailFailureKind.RefusedEnvelope, result.FailureKind);
        Assert.Equal(["MAIL FROM:<boss@contoso.com>", "QUIT"], server.Received[^2..]);
        var finding = Assert.Single(ProbeDiagnosis.Diagnose(result, Mailbox, ServicePrincipal));
        Assert.Equal("exchange-smtp-send-as-denied", finding.Code);
        Assert.Contains($"Add-RecipientPermission -Identity {Mailbox} -Trustee {ServicePrincipal} -AccessRights SendAs", finding.Fix);
    }

    [Fact]
    public async Task A_send_as_denial_after_the_data_fails_the_probe()
    {
        var data = new List<string>();
        await using var server = ExchangeSmtp(async c =>
        {
            await c.ReadAsync();
            await c.SendAsync("250 2.1.0 Sender OK\r\n");
            await c.ReadAsync();
            await c.SendAsync("250 2.1.5 Recipient OK\r\n");
            await c.ReadAsync();
            await c.SendAsync("354 Start mail input; end with <CRLF>.<CRLF>\r\n");
            for (var line = await c.ReadAsync(); line != "."; line = await c.ReadAsync()) data.Add(line);
            await c.SendAsync(
                "554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; " +
                "Failed to process message due to a permanent exception\r\n");
            await c.ReadAsync();
            await c.SendAsync("221 2.0.0 Service closing transmission channel\r\n");
        });
        var envelope =
            new SmtpEnvelope { MailFrom = "boss@contoso.com", RcptTo = ["x@example.test"], SendTestMessage = true,
                Body = "hello\n.starts with a dot\n." };

        var result = await new SmtpProbe().RunAsync(Request(server.Port, envelope), CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("554 5.2.0", result.FinalAnswer);
        Assert.Contains("Subject: mailsetup test", data);
        Assert.Contains("To: <x@example.test>", data);
        Assert.Contains(data,
            l => l.StartsWith("Message-ID: <", StringComparison.Ordinal) && l.EndsWith("@mailsetup.localdomain>", StringComparison.Ordinal));
        Assert.Contains(data, l => l.StartsWith("Date: ", StringComparison.Ordinal));
        Assert.Equal(["hello", "..starts with a dot", ".."], data[^3..]);
        Assert.Equal("exchange-smtp-send-as-denied", Assert.Single(ProbeDiagnosis.Diagnose(result)).Code);
    }

    [Fact]
    public async Task An_accepted_envelope_without_a_test_message_is_reset_and_succeeds()
    {
        await using var server = ExchangeSmtp(async c =>
        {
            await c.ReadAsync();
            await c.SendAsync("250 2.1.0 Sender OK\r\n");
            await c.ReadAsync();
            await c.SendAsync("250 2.1.5 Recipient OK\r\n");
            await c.ReadAsync();
            await c.SendAsync("251 2.1.5 Recipient OK, will forward\r\n");
            await c.ReadAsync();
            await c.SendAsync("250 2.0.0 Resetting\r\n");
            await c.ReadAsync();
            await c.SendAsync("221 2.0.0 Service closing transmission channel\r\n");
        });

        var result =
            await new SmtpProbe().RunAsync(
                Request(server.Port, new SmtpEnvelope { MailFrom = Mailbox, RcptTo = ["a@example.test", "b@example.test"] }), CancellationToken.None);

        Assert.True(result.Succeeded, TraceExport.ToText(result.Trace));
        Assert.Equal("235 2.7.0 Authentication successful", result.FinalAnswer);
        Assert.Equal(["MAIL FROM:<user@contoso.com>", "RCPT TO:<a@example.test>", "RCPT TO:<b@example.test>", "RSET", "QUIT"], server.Received[^5..]);
        Assert.DoesNotContain(server.Received, l => l == "DATA");
    }

    [Fact]
    public async Task A_refused_recipient_fails_the_probe_with_its_reply()
    {
        await using var server = ExchangeSmtp(async c =>
        {
            await c.ReadAsync();
            await c.SendAsync("250 2.1.0 Sender OK\r\n");
            await c.ReadAsync();
            await c.SendAsync("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\r\n");
            await c.ReadAsync();
            await c.SendAsync("221 2.0.0 Service closing transmission channel\r\n");
        });

        var result =
            await new SmtpProbe().RunAsync(Request(server.Port, new SmtpEnvelope { MailFrom = Mailbox, RcptTo = ["nobody@contoso.com"] }),
                CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.StartsWith("550 5.1.10", result.FinalAnswer);
        Assert.Contains("RCPT TO", result.Failure);
        Assert.Contains(ProbeDiagnosis.Diagnose(result), f => f.Code == "server-auth-rejected");
    }

    [Theory]
    [InlineData("a@b.c>\r\nRCPT TO:<x@y.z")]
    [InlineData("a@b.c\n")]
    [InlineData("<a@b.c>")]
    public async Task An_envelope_address_that_could_smuggle_a_command_is_refused_before_connecting(string from)
    {
        var request = Request(1, new SmtpEnvelope { MailFrom = from, RcptTo = ["x@example.test"] });

        await Assert.ThrowsAsync<ArgumentException>(() => new SmtpProbe().RunAsync(request, CancellationToken.None));
    }

    [Fact]
    public void Dot_stuffing_round_trips_and_ends_with_a_lone_dot()
    {
        string[] lines = [".", "..", ".x", "x.", ""];

        var encoded = System.Text.Encoding.UTF8.GetString(SmtpTestMessage.Encode(lines));

        Assert.Equal("..\r\n...\r\n..x\r\nx.\r\n\r\n.\r\n", encoded);
        Assert.Equal(lines, SmtpTestMessage.Decode(encoded));
    }
}
