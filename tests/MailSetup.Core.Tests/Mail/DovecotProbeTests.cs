using MailSetup.Core.Mail.Connection;
using MailSetup.Core.Mail.Probes;
using MailSetup.Core.Mail.Sasl;
using MailSetup.Core.Mail.Tracing;
using MailSetup.Testing.Dovecot;

namespace MailSetup.Core.Tests.Mail;

/// <summary>
/// The same login cases for each protocol against a real Dovecot: every TLS mode and mechanism, a good
/// token and each kind of bad one. Subclasses say which probe, which ports and what Dovecot answers.
/// </summary>
public abstract class DovecotProbeTests(DovecotClassFixture fixture)
{
    protected DovecotServer Server => fixture.Server;

    protected abstract MailProbe CreateProbe();
    protected abstract int Port(TlsMode tls);
    protected abstract string SuccessPrefix { get; }
    protected abstract string FailureAnswer { get; }

    public static TheoryData<TlsMode, SaslMechanismKind> Modes => new()
    {
        { TlsMode.Implicit, SaslMechanismKind.XOAuth2 },
        { TlsMode.Implicit, SaslMechanismKind.OAuthBearer },
        { TlsMode.StartTls, SaslMechanismKind.XOAuth2 },
        { TlsMode.StartTls, SaslMechanismKind.OAuthBearer },
    };

    public static TheoryData<TlsMode, SaslMechanismKind, string> Failures
    {
        get
        {
            var data = new TheoryData<TlsMode, SaslMechanismKind, string>();
            foreach (var tls in (TlsMode[])[TlsMode.Implicit, TlsMode.StartTls])
                foreach (var mechanism in (SaslMechanismKind[])[SaslMechanismKind.XOAuth2, SaslMechanismKind.OAuthBearer])
                    foreach (var kind in (string[])["bad-signature", "expired", "other-user"])
                        data.Add(tls, mechanism, kind);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_good_token_logs_in(TlsMode tls, SaslMechanismKind mechanism)
    {
        var token = Server.Tokens.Good(DovecotServer.User);

        var result = await CreateProbe().RunAsync(Request(tls, mechanism, token), Timeout());

        Assert.True(result.Succeeded, TraceExport.ToText(result.Trace) + Server.Log());
        Assert.StartsWith(SuccessPrefix, result.FinalAnswer);
        Assert.Null(result.ErrorChallenge);
        Assert.True(result.Failure is null, result.Failure + "\n" + TraceExport.ToText(result.Trace) + Server.Log());
        Assert.NotNull(result.Tls);
        Assert.True(result.Tls.Trusted);
        Assert.Contains("CN=localhost", result.Tls.CertificateSubject);
        Assert.StartsWith("Tls", result.Tls.Protocol);
        AssertSecretsAbsent(result, token);
        Assert.Contains(result.Trace,
            e => e.Text.Contains("auth=Bearer <token redacted: aud=https://outlook.office365.com exp=", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_refused_token_fails_with_the_servers_answer_and_challenge(TlsMode tls, SaslMechanismKind mechanism, string kind)
    {
        var token = kind switch
        {
            "bad-signature" => Server.Tokens.BadSignature(DovecotServer.User),
            "expired" => Server.Tokens.Expired(DovecotServer.User),
            _ => Server.Tokens.ForOtherUser(DovecotServer.OtherUser),
        };

        var result = await CreateProbe().RunAsync(Request(tls, mechanism, token), Timeout());

        Assert.False(result.Succeeded);
        Assert.Equal(FailureAnswer, AnswerWithoutTag(result.FinalAnswer));
        Assert.NotNull(result.ErrorChallenge);
        Assert.Equal(mechanism == SaslMechanismKind.XOAuth2 ? "401" : "invalid_token", result.ErrorChallenge.Status);
        Assert.Null(result.Failure);
        AssertSecretsAbsent(result, token);
    }

    [Fact]
    public async Task A_canary_token_never_reaches_the_trace_or_its_exports()
    {
        const string canary = "CANARY-7f3e9b1c-secret-token-value";
        var streamed = new List<TraceEvent>();

        var result =
            await CreateProbe()
                .RunAsync(Request(TlsMode.Implicit, SaslMechanismKind.XOAuth2, canary) with { TraceSink = new ListSink(streamed) }, Timeout());

        Assert.False(result.Succeeded);
        Assert.Equal(result.Trace, streamed);
        AssertSecretsAbsent(result, canary);
        Assert.Contains(result.Trace, e => e.Text.Contains("user=" + DovecotServer.User + " auth=Bearer <token redacted>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_during_authentication_stops_the_probe()
    {
        using var cancel = new CancellationTokenSource();
        var sink = new CancelOnStage(TraceStage.Auth, cancel);
        var request = Request(TlsMode.Implicit, SaslMechanismKind.XOAuth2, Server.Tokens.Good(DovecotServer.User)) with { TraceSink = sink };
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CreateProbe().RunAsync(request, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), clock.Elapsed.ToString());
    }

    protected MailProbeRequest Request(TlsMode tls, SaslMechanismKind mechanism, string token) => new()
    {
        Host = DovecotServer.Host,
        Port = Port(tls),
        Tls = tls,
        Mechanism = mechanism,
        Mailbox = DovecotServer.User,
        Token = token,
        Options = new MailConnectionOptions
        {
            TlsServerName = "localhost",
            TrustedCertificates = MailConnectionOptions.TrustPem(Server.CertificatePath),
            ReadTimeout = TimeSpan.FromSeconds(10),
        },
    };

    private static CancellationToken Timeout() => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    // IMAP answers carry the command's tag; the rest of the line is what matters.
    private static string? AnswerWithoutTag(string? answer) =>
        answer is not null && answer.StartsWith('A') && answer.IndexOf(' ') is > 0 and var space ? answer[(space + 1)..] : answer;

    private static void AssertSecretsAbsent(MailProbeResult result, string token)
    {
        var payloads = new[]
        {
            token,
            new XOAuth2Mechanism(new SaslCredentials(DovecotServer.User, token, DovecotServer.Host, 0)).InitialResponse(),
            token.Length > 20 ? token[^20..] : token,
        };
        var exports = new[] { TraceExport.ToText(result.Trace), TraceExport.ToJson(result.Trace), result.ToString() };
        foreach (var secret in payloads)
        {
            Assert.DoesNotContain(result.Trace, e => e.Text.Contains(secret, StringComparison.Ordinal));
            foreach (var export in exports) Assert.DoesNotContain(secret, export, StringComparison.Ordinal);
        }
        // The base64 SASL payload of either mechanism starts with these bytes; it must never be traced.
        Assert.DoesNotContain(result.Trace,
            e => e.Text.Contains("dXNlcj", StringComparison.Ordinal) || e.Text.Contains("bixhPW", StringComparison.Ordinal));
    }

    private sealed class ListSink(List<TraceEvent> events) : ITraceSink
    {
        public void OnEvent(TraceEvent traceEvent) => events.Add(traceEvent);
    }

    private sealed class CancelOnStage(TraceStage stage, CancellationTokenSource cancel) : ITraceSink
    {
        public void OnEvent(TraceEvent traceEvent)
        {
            if (traceEvent.Stage == stage) cancel.Cancel();
        }
    }
}
