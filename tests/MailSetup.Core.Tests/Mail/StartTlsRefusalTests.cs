using MailSetup.Core.Catalog;
using MailSetup.Core.Diagnosis;
using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Tracing;

namespace MailSetup.Core.Tests.Mail;

/// <summary>
/// A server that refuses STARTTLS (or POP's STLS): the login is never tried and no token leaves, so the
/// diagnosis is a TLS problem, never one about the token or the mailbox.
/// </summary>
public sealed class StartTlsRefusalTests
{
    private static MailProbeRequest Request(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        Tls = TlsMode.StartTls,
        Mailbox = "user@contoso.com",
        Token = "CANARY-starttls-token",
        Options = new MailConnectionOptions { ReadTimeout = TimeSpan.FromSeconds(5) },
    };

    public static TheoryData<MailProtocol, string> Refusals => new()
    {
        { MailProtocol.Smtp, "454 4.7.0 TLS not available due to temporary reason" },
        { MailProtocol.Imap, "NO STARTTLS is disabled" },
        { MailProtocol.Pop, "-ERR STLS not available" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_starttls_is_a_tls_finding_and_no_token_is_sent(MailProtocol protocol, string refusal)
    {
        await using var server = new ScriptedServer(c => Script(c, protocol, refusal));

        var result = await MailProbe.For(protocol).RunAsync(Request(server.Port), CancellationToken.None);
        var findings = ProbeDiagnosis.Diagnose(result);

        Assert.False(result.Succeeded);
        Assert.Equal(MailFailureKind.StartTlsRefused, result.FailureKind);
        Assert.Equal(TraceStage.Tls, result.FailedStage);
        Assert.Null(result.FinalAnswer);
        Assert.DoesNotContain(server.Received, line => line.Contains("AUTH", StringComparison.OrdinalIgnoreCase));
        var errors = findings.Where(f => f.Severity == FindingSeverity.Error).ToList();
        Assert.Equal("tls-starttls-refused", Assert.Single(errors).Code);
        Assert.Contains(refusal, errors[0].Evidence);
        Assert.Contains("TLS problem, not a token one", errors[0].Cause);
        Assert.DoesNotContain(findings, f => f.Code.StartsWith("token", StringComparison.Ordinal) || f.Code == "login-failed");
    }

    private static async Task Script(ScriptedServer.Conversation c, MailProtocol protocol, string refusal)
    {
        switch (protocol)
        {
            case MailProtocol.Smtp:
                await c.SendAsync("220 smtp.example.com ESMTP\r\n");
                await c.ReadAsync();
                await c.SendAsync("250-smtp.example.com\r\n250-STARTTLS\r\n250 AUTH XOAUTH2\r\n");
                await c.ReadAsync();
                await c.SendAsync(refusal + "\r\n");
                break;
            case MailProtocol.Imap:
                await c.SendAsync("* OK [CAPABILITY IMAP4rev1 STARTTLS AUTH=XOAUTH2] ready\r\n");
                var starttls = await c.ReadAsync();
                await c.SendAsync(starttls.Split(' ')[0] + " " + refusal + "\r\n");
                break;
            default:
                await c.SendAsync("+OK POP3 ready\r\n");
                await c.ReadAsync();
                await c.SendAsync("+OK\r\nSTLS\r\nSASL XOAUTH2\r\n.\r\n");
                await c.ReadAsync();
                await c.SendAsync(refusal + "\r\n");
                break;
        }
        // Whatever comes next (a goodbye, or nothing) is read until the client hangs up.
        try
        {
            while (true) await c.ReadAsync();
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
        }
    }
}
